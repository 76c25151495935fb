import type { Routes } from '@angular/router';
export const REVIEW_ROUTES: Routes = [];
