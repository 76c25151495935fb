export * from './lib/catalogue-admin.routes';
