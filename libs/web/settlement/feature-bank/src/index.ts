export * from './lib/bank.routes';
