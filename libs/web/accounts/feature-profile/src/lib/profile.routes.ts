import { ACCOUNTS_MESSAGES } from '@madang/web/accounts/util';
import { withMessages } from '@madang/web/i18n';
import { ProfileComponent } from './profile.component';

export const PROFILE_ROUTES = withMessages(ACCOUNTS_MESSAGES, [
  { path: '', title: 'profile.title', component: ProfileComponent },
]);
