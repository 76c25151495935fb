import type { Routes } from '@angular/router';
import { PERMISSIONS } from '@madang/contracts';
import { anonymousOnlyGuard, permissionGuard } from './core/permission.guard';

/** Route `title`s are message keys (see I18nTitleStrategy). Keep in step with shell/navigation.ts. */
export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'nav.home',
    loadComponent: () => import('./home/home.component').then((m) => m.HomeComponent),
  },
  {
    path: 'sign-in',
    title: 'signIn.title',
    canMatch: [anonymousOnlyGuard],
    loadComponent: () => import('./auth/sign-in.component').then((m) => m.SignInComponent),
  },
  {
    path: 'sign-up',
    title: 'signUp.title',
    canMatch: [anonymousOnlyGuard],
    loadComponent: () => import('./auth/sign-up.component').then((m) => m.SignUpComponent),
  },
  {
    path: 'catalogue',
    loadChildren: () => import('./catalogue/catalogue.routes').then((m) => m.CATALOGUE_ROUTES),
  },
  {
    path: 'bookings',
    title: 'bookings.title',
    canActivate: [permissionGuard(PERMISSIONS.BOOKINGS_READ_OWN)],
    loadComponent: () => import('./bookings/my-bookings.component').then((m) => m.MyBookingsComponent),
  },
  {
    path: 'approvals',
    title: 'approvals.title',
    pathMatch: 'full',
    canActivate: [permissionGuard(PERMISSIONS.BOOKINGS_DECIDE)],
    loadComponent: () => import('./approvals/approval-queue.component').then((m) => m.ApprovalQueueComponent),
  },
  {
    path: 'approvals/day',
    title: 'day.title',
    canActivate: [permissionGuard(PERMISSIONS.BOOKINGS_READ_ALL)],
    loadComponent: () => import('./approvals/approver-day.component').then((m) => m.ApproverDayComponent),
  },
  {
    path: 'catalogue-admin',
    canActivate: [permissionGuard(PERMISSIONS.CATALOGUE_MANAGE)],
    loadChildren: () =>
      import('./catalogue-admin/catalogue-admin.routes').then((m) => m.CATALOGUE_ADMIN_ROUTES),
  },
  {
    path: 'profile',
    title: 'profile.title',
    canActivate: [permissionGuard(PERMISSIONS.SELF)],
    loadComponent: () => import('./profile/profile.component').then((m) => m.ProfileComponent),
  },
  {
    path: 'users',
    title: 'users.title',
    canActivate: [permissionGuard(PERMISSIONS.USERS_READ)],
    loadComponent: () => import('./users/users.component').then((m) => m.UsersComponent),
  },
  {
    path: 'groups',
    canActivate: [permissionGuard(PERMISSIONS.GROUPS_READ)],
    loadChildren: () => import('./groups/groups.routes').then((m) => m.GROUPS_ROUTES),
  },
  {
    path: 'audit',
    title: 'audit.title',
    canActivate: [permissionGuard(PERMISSIONS.AUDIT_READ)],
    loadComponent: () => import('./audit/audit.component').then((m) => m.AuditComponent),
  },
  {
    path: 'forbidden',
    title: 'error.forbiddenTitle',
    loadComponent: () => import('./errors/forbidden.component').then((m) => m.ForbiddenComponent),
  },
  {
    path: '**',
    title: 'error.notFoundTitle',
    loadComponent: () => import('./errors/not-found.component').then((m) => m.NotFoundComponent),
  },
];
