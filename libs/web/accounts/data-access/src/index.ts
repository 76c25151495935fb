export * from './lib/audit.service';
export * from './lib/groups.service';
export * from './lib/users.service';
export * from './lib/reminder-preferences.service';
