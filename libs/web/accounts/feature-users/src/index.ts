export * from './lib/users.routes';
