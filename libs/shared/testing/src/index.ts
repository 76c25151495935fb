export * from './lib/http-client';
export * from './lib/open-days';
