export * from './lib/desk.routes';
export * from './lib/overdue-list.component';
