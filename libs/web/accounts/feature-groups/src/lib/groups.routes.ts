import type { Routes } from '@angular/router';

export const GROUPS_ROUTES: Routes = [
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
];
