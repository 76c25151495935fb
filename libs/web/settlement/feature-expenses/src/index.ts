export * from './lib/expenses.routes';
