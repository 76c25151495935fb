import { ACCOUNTS_MESSAGES } from '@madang/web/accounts/util';
import { withMessages } from '@madang/web/i18n';

export const GROUPS_ROUTES = withMessages(ACCOUNTS_MESSAGES, [
  {
    path: '',
    title: 'groups.title',
    loadComponent: () => import('./groups.component').then((m) => m.GroupsComponent),
  },
  {
    path: ':id',
    title: 'group.title',
    loadComponent: () => import('./group-detail.component').then((m) => m.GroupDetailComponent),
  },
]);
