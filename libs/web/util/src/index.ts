export * from './lib/breakpoints';
export * from './lib/field-error';
export * from './lib/focus';
export * from './lib/form-errors';
export * from './lib/problem';
export * from './lib/problem-text';
export * from './lib/form-submitter';
export * from './lib/page-state';
