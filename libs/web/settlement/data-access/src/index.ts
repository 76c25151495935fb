export * from './lib/settlement.service';
