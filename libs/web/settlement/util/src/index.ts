export * from './lib/settlement.messages';
export * from './lib/settlement-format';
export * from './lib/expense-request';
