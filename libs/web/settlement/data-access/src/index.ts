export * from './lib/settlement.service';
export * from './lib/settlement-scope';
