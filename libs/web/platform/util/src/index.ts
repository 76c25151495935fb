export * from './lib/job-labels';
export * from './lib/platform.messages';
export * from './lib/queue-status';
