import { BOOKINGS_MESSAGES } from '@madang/web/bookings/util';
import { withMessages } from '@madang/web/i18n';

export const CATALOGUE_ADMIN_ROUTES = withMessages(BOOKINGS_MESSAGES, [
  {
    path: '',
    title: 'admin.title',
    loadComponent: () => import('./catalogue-admin.component').then((m) => m.CatalogueAdminComponent),
  },
  {
    path: 'assets/new',
    title: 'admin.newAssetTitle',
    loadComponent: () => import('./asset-editor.component').then((m) => m.AssetEditorComponent),
  },
  {
    path: 'assets/:id',
    title: 'admin.assetTitle',
    loadComponent: () => import('./asset-editor.component').then((m) => m.AssetEditorComponent),
  },
  {
    path: 'categories/:id',
    title: 'admin.editCategory',
    loadComponent: () => import('./category-editor.component').then((m) => m.CategoryEditorComponent),
  },
]);
