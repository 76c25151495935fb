export * from './lib/manage.routes';
export * from './lib/overdue-card.component';
