export * from './lib/won';
export * from './lib/allocate';
