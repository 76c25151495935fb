export * from './lib/expense-state';
export * from './lib/budget-guard';
export * from './lib/evidence';
export * from './lib/report';
export * from './lib/matching';
export * from './lib/statement';
export * from './lib/ledger';
