export * from './lib/my-bookings.routes';
