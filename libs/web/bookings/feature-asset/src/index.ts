export * from './lib/asset.routes';
