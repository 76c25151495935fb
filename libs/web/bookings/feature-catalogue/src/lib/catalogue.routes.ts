import type { Routes } from '@angular/router';

export const CATALOGUE_ROUTES: Routes = [
  {
    path: '',
    title: 'catalogue.title',
    loadComponent: () => import('./catalogue.component').then((m) => m.CatalogueComponent),
  },
  {
    path: ':id',
    title: 'catalogue.title',
    loadComponent: () => import('./asset-detail.component').then((m) => m.AssetDetailComponent),
  },
];
