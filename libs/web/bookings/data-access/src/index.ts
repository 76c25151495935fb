export * from './lib/bookings.service';
export * from './lib/catalogue.service';
export * from './lib/booking-notify.service';
