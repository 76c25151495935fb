export * from './lib/accounts.messages';
export * from './lib/limits';
export * from './lib/approval-notices';
