export * from './lib/booking-labels';
export * from './lib/bookings.messages';
export * from './lib/calendar';
export * from './lib/calendar-zone';
export * from './lib/booking-notify.messages';
export * from './lib/catalogue-view';
export * from './lib/day-timeline';
