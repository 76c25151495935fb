export * from './lib/report.routes';
