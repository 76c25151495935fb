export * from './lib/jobs.routes';
