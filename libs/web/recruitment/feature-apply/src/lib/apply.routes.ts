import type { Routes } from '@angular/router';
export const MY_APPLICATIONS_ROUTES: Routes = [];
export const APPLY_ROUTES: Routes = [];
