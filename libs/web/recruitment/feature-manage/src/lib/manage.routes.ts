import type { Routes } from '@angular/router';
export const MANAGE_ROUTES: Routes = [];
