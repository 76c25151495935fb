export * from './lib/notification-link';
export * from './lib/notifications.messages';
