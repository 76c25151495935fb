export * from './lib/notifications-menu.component';
