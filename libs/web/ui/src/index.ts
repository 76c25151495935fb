export * from './lib/date-time.pipe';
export * from './lib/error-page.component';
export * from './lib/icon.component';
export * from './lib/paginator-intl';
export * from './lib/reason-dialog.component';
export * from './lib/paginator.component';
export * from './lib/field-error.pipe';
export * from './lib/money';
