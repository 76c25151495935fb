export * from './lib/observations.routes';
