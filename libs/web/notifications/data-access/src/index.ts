export * from './lib/notifications.service';
