export * from './lib/apply.routes';
