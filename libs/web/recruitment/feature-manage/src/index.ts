export * from './lib/manage.routes';
