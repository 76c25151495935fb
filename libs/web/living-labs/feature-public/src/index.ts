export * from './lib/public.routes';
