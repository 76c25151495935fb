export * from './lib/programme.routes';
