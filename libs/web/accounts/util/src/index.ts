export * from './lib/accounts.messages';
export * from './lib/limits';
