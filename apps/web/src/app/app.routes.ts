import type { Routes } from '@angular/router';
import { PERMISSIONS } from '@madang/contracts';
import { anonymousOnlyGuard, permissionGuard } from '@madang/web/session';
// Static, not `import('@madang/web/ui')`: a dynamic import of a library keeps all of it, and the
// shell already loads this one for its icons. The error page is a few hundred bytes.
import { ErrorPageComponent } from '@madang/web/ui';
import { settlementScopeGuard } from '@madang/web/settlement/data-access';
import { withFeatureProviders } from './core/feature-routes';
import { withFirstPageYield } from './core/first-page-yield';

/**
 * Top-level routes: the shell's own pages, then one lazy entry per domain page. Each domain's
 * routes bring their own titles (message keys, see I18nTitleStrategy) and their own messages.
 * Keep in step with shell/navigation.ts.
 */
const appRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'nav.home',
    loadComponent: () => import('./home/home.component').then((m) => m.HomeComponent),
  },
  {
    path: 'sign-in',
    canMatch: [anonymousOnlyGuard],
    loadChildren: () => import('@madang/web/accounts/feature-auth').then((m) => m.SIGN_IN_ROUTES),
  },
  {
    path: 'sign-up',
    canMatch: [anonymousOnlyGuard],
    loadChildren: () => import('@madang/web/accounts/feature-auth').then((m) => m.SIGN_UP_ROUTES),
  },
  {
    path: 'catalogue/:id',
    loadChildren: () => import('@madang/web/bookings/feature-asset').then((m) => m.ASSET_ROUTES),
  },
  {
    path: 'catalogue',
    loadChildren: () => import('@madang/web/bookings/feature-catalogue').then((m) => m.CATALOGUE_ROUTES),
  },
  {
    path: 'bookings/:id/check-in',
    canActivate: [permissionGuard(PERMISSIONS.BOOKINGS_READ_OWN)],
    loadChildren: () => import('@madang/web/bookings/feature-desk').then((m) => m.CHECK_IN_ROUTES),
  },
  {
    path: 'desk',
    pathMatch: 'full',
    canActivate: [permissionGuard(PERMISSIONS.BOOKINGS_DECIDE)],
    loadChildren: () => import('@madang/web/bookings/feature-desk').then((m) => m.DESK_ROUTES),
  },
  {
    path: 'desk/assets/:id',
    canActivate: [permissionGuard(PERMISSIONS.CATALOGUE_MANAGE)],
    loadChildren: () => import('@madang/web/bookings/feature-desk').then((m) => m.ASSET_DESK_ROUTES),
  },
  {
    path: 'bookings/series',
    canActivate: [permissionGuard(PERMISSIONS.BOOKINGS_READ_OWN)],
    loadChildren: () => import('@madang/web/bookings/feature-series').then((m) => m.SERIES_ROUTES),
  },
  {
    path: 'bookings',
    canActivate: [permissionGuard(PERMISSIONS.BOOKINGS_READ_OWN)],
    loadChildren: () => import('@madang/web/bookings/feature-my-bookings').then((m) => m.MY_BOOKINGS_ROUTES),
  },
  {
    path: 'approvals',
    pathMatch: 'full',
    canActivate: [permissionGuard(PERMISSIONS.BOOKINGS_DECIDE)],
    loadChildren: () => import('@madang/web/bookings/feature-approvals').then((m) => m.APPROVAL_QUEUE_ROUTES),
  },
  {
    path: 'approvals/day',
    canActivate: [permissionGuard(PERMISSIONS.BOOKINGS_READ_ALL)],
    loadChildren: () => import('@madang/web/bookings/feature-approvals').then((m) => m.APPROVER_DAY_ROUTES),
  },
  {
    path: 'catalogue-admin',
    canActivate: [permissionGuard(PERMISSIONS.CATALOGUE_MANAGE)],
    loadChildren: () =>
      import('@madang/web/bookings/feature-catalogue-admin').then((m) => m.CATALOGUE_ADMIN_ROUTES),
  },
  {
    path: 'settlement',
    pathMatch: 'full',
    canActivate: [permissionGuard(PERMISSIONS.SETTLEMENT_MANAGE)],
    loadChildren: () => import('@madang/web/settlement/feature-home').then((m) => m.SETTLEMENT_HOME_ROUTES),
  },
  {
    path: 'settlement/programmes/:id',
    canActivate: [settlementScopeGuard],
    loadChildren: () => import('@madang/web/settlement/feature-programme').then((m) => m.PROGRAMME_ROUTES),
  },
  {
    path: 'settlement/request',
    canActivate: [settlementScopeGuard],
    loadChildren: () =>
      import('@madang/web/settlement/feature-expenses').then((m) => m.REQUEST_EXPENSE_ROUTES),
  },
  {
    path: 'settlement/expenses',
    canActivate: [settlementScopeGuard],
    loadChildren: () => import('@madang/web/settlement/feature-expenses').then((m) => m.EXPENSES_ROUTES),
  },
  {
    path: 'settlement/bank',
    canActivate: [permissionGuard(PERMISSIONS.SETTLEMENT_MANAGE)],
    loadChildren: () => import('@madang/web/settlement/feature-bank').then((m) => m.BANK_ROUTES),
  },
  {
    path: 'settlement/income',
    canActivate: [permissionGuard(PERMISSIONS.SETTLEMENT_MANAGE)],
    loadChildren: () => import('@madang/web/settlement/feature-bank').then((m) => m.INCOME_ROUTES),
  },
  {
    path: 'settlement/report',
    canActivate: [settlementScopeGuard],
    loadChildren: () => import('@madang/web/settlement/feature-report').then((m) => m.REPORT_ROUTES),
  },
  {
    path: 'settlement/periods',
    canActivate: [permissionGuard(PERMISSIONS.SETTLEMENT_REOPEN)],
    loadChildren: () => import('@madang/web/settlement/feature-report').then((m) => m.PERIOD_REOPEN_ROUTES),
  },
  {
    path: 'calls',
    loadChildren: () => import('@madang/web/recruitment/feature-public').then((m) => m.PUBLIC_CALLS_ROUTES),
  },
  {
    path: 'recruitment/applications',
    canActivate: [permissionGuard(PERMISSIONS.SELF)],
    loadChildren: () => import('@madang/web/recruitment/feature-apply').then((m) => m.MY_APPLICATIONS_ROUTES),
  },
  {
    path: 'recruitment/apply/:callId',
    canActivate: [permissionGuard(PERMISSIONS.SELF)],
    loadChildren: () => import('@madang/web/recruitment/feature-apply').then((m) => m.APPLY_ROUTES),
  },
  {
    path: 'recruitment/reviews',
    canActivate: [permissionGuard(PERMISSIONS.RECRUITMENT_REVIEW)],
    loadChildren: () => import('@madang/web/recruitment/feature-review').then((m) => m.REVIEW_ROUTES),
  },
  {
    path: 'recruitment/manage/obligations',
    canActivate: [permissionGuard(PERMISSIONS.RECRUITMENT_MANAGE)],
    loadChildren: () => import('@madang/web/recruitment/feature-manage').then((m) => m.OBLIGATIONS_ROUTES),
  },
  {
    path: 'recruitment/manage',
    canActivate: [permissionGuard(PERMISSIONS.RECRUITMENT_MANAGE)],
    loadChildren: () => import('@madang/web/recruitment/feature-manage').then((m) => m.MANAGE_ROUTES),
  },
  {
    path: 'observations/new',
    canActivate: [permissionGuard(PERMISSIONS.LABS_PARTICIPATE)],
    loadChildren: () =>
      import('@madang/web/living-labs/feature-observations').then((m) => m.POST_OBSERVATION_ROUTES),
  },
  {
    path: 'observations/:id',
    loadChildren: () =>
      import('@madang/web/living-labs/feature-observations').then((m) => m.OBSERVATION_ROUTES),
  },
  {
    path: 'observations',
    loadChildren: () =>
      import('@madang/web/living-labs/feature-observations').then((m) => m.OBSERVATIONS_ROUTES),
  },
  {
    path: 'labs',
    pathMatch: 'full',
    loadChildren: () => import('@madang/web/living-labs/feature-public').then((m) => m.ARCHIVE_ROUTES),
  },
  {
    path: 'labs/shared/:id',
    loadChildren: () => import('@madang/web/living-labs/feature-public').then((m) => m.SHARED_PROJECT_ROUTES),
  },
  {
    path: 'labs/inbox',
    canActivate: [permissionGuard(PERMISSIONS.LABS_MANAGE)],
    loadChildren: () => import('@madang/web/living-labs/feature-observations').then((m) => m.INBOX_ROUTES),
  },
  {
    path: 'labs/dashboard',
    canActivate: [permissionGuard(PERMISSIONS.LABS_MANAGE)],
    loadChildren: () => import('@madang/web/living-labs/feature-dashboard').then((m) => m.DASHBOARD_ROUTES),
  },
  {
    path: 'labs/projects',
    canActivate: [permissionGuard(PERMISSIONS.LABS_PARTICIPATE)],
    loadChildren: () => import('@madang/web/living-labs/feature-projects').then((m) => m.PROJECTS_ROUTES),
  },
  {
    path: 'labs/experiments/:id',
    canActivate: [permissionGuard(PERMISSIONS.LABS_PARTICIPATE)],
    loadChildren: () => import('@madang/web/living-labs/feature-projects').then((m) => m.EXPERIMENT_ROUTES),
  },
  {
    path: 'profile',
    canActivate: [permissionGuard(PERMISSIONS.SELF)],
    loadChildren: () => import('@madang/web/accounts/feature-profile').then((m) => m.PROFILE_ROUTES),
  },
  {
    path: 'users',
    canActivate: [permissionGuard(PERMISSIONS.USERS_READ)],
    loadChildren: () => import('@madang/web/accounts/feature-users').then((m) => m.USERS_ROUTES),
  },
  {
    path: 'groups',
    canActivate: [permissionGuard(PERMISSIONS.GROUPS_READ)],
    loadChildren: () => import('@madang/web/accounts/feature-groups').then((m) => m.GROUPS_ROUTES),
  },
  {
    path: 'audit',
    canActivate: [permissionGuard(PERMISSIONS.AUDIT_READ)],
    loadChildren: () => import('@madang/web/accounts/feature-audit').then((m) => m.AUDIT_ROUTES),
  },
  {
    path: 'admin/jobs',
    canActivate: [permissionGuard(PERMISSIONS.JOBS_READ)],
    loadChildren: () => import('@madang/web/platform/feature-jobs').then((m) => m.JOBS_ROUTES),
  },
  {
    path: 'forbidden',
    title: 'error.forbiddenTitle',
    component: ErrorPageComponent,
    data: { status: 403 },
  },
  {
    path: '**',
    title: 'error.notFoundTitle',
    component: ErrorPageComponent,
    data: { status: 404 },
  },
];

/** Material's defaults (form fields outlined) come with the first domain page, not with the shell. */
export const routes: Routes = withFirstPageYield(
  withFeatureProviders(appRoutes, () => import('./core/material-defaults').then((m) => m.MATERIAL_DEFAULTS)),
);
