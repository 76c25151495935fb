import { ACCOUNTS_MESSAGES } from '@madang/web/accounts/util';
import { withMessages } from '@madang/web/i18n';
import { UsersComponent } from './users.component';

export const USERS_ROUTES = withMessages(ACCOUNTS_MESSAGES, [
  { path: '', title: 'users.title', component: UsersComponent },
]);
