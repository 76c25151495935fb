export * from './lib/settlement-home.routes';
