export * from './lib/public-calls.routes';
