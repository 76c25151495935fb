export * from './lib/jobs.service';
