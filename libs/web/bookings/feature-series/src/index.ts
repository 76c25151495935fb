export * from './lib/series.routes';
