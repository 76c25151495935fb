import { inject } from '@angular/core';
import { type CanActivateFn, type CanMatchFn, Router, type UrlTree } from '@angular/router';
import type { Permission } from '@madang/contracts';
import { AuthService } from './auth.service';

/**
 * Lets a page open only for a signed-in user holding `permission`. Anonymous visitors go to
 * sign-in (and come back afterwards); signed-in users without the permission see the 403 page.
 */
export function permissionGuard(permission: Permission): CanActivateFn {
  return async (_route, state): Promise<boolean | UrlTree> => {
    const auth = inject(AuthService);
    const router = inject(Router);
    await auth.ready();
    if (!auth.isSignedIn()) {
      return router.createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
    }
    return auth.has(permission) ? true : router.createUrlTree(['/forbidden']);
  };
}

/** Sign-in and sign-up make no sense when already signed in: go home instead. */
export const anonymousOnlyGuard: CanMatchFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  await auth.ready();
  return auth.isSignedIn() ? router.createUrlTree(['/']) : true;
};

/** Only follow same-app paths after sign-in (no `//evil.example` or absolute URLs). */
export function safeReturnUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}
