export * from './lib/bookings.service';
export * from './lib/catalogue.service';
export * from './lib/desk.service';
export * from './lib/series.service';
export * from './lib/booking-notify.service';
