import { ACCOUNTS_MESSAGES } from '@madang/web/accounts/util';
import { withMessages } from '@madang/web/i18n';
import { AuditComponent } from './audit.component';

export const AUDIT_ROUTES = withMessages(ACCOUNTS_MESSAGES, [
  { path: '', title: 'audit.title', component: AuditComponent },
]);
