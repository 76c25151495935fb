export * from './lib/http-client';
