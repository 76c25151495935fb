import { ACCOUNTS_MESSAGES } from '@madang/web/accounts/util';
import { withMessages } from '@madang/web/i18n';
import { SignInComponent } from './sign-in.component';
import { SignUpComponent } from './sign-up.component';

export const SIGN_IN_ROUTES = withMessages(ACCOUNTS_MESSAGES, [
  { path: '', title: 'signIn.title', component: SignInComponent },
]);

export const SIGN_UP_ROUTES = withMessages(ACCOUNTS_MESSAGES, [
  { path: '', title: 'signUp.title', component: SignUpComponent },
]);
