export * from './lib/review.routes';
