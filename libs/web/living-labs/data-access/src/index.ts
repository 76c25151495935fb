export * from './lib/labs.service';
export * from './lib/public-labs.service';
