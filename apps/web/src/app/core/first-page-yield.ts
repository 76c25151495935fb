import { isPlatformBrowser } from '@angular/common';
import { PLATFORM_ID, inject } from '@angular/core';
import { type CanActivateFn, Router, type Routes } from '@angular/router';
import { yieldToBrowser } from '@madang/web/util';

/**
 * In the browser, the app's first navigation lets the browser have a turn before it activates its page.
 * Without it the shell's hydration, the router's first navigation and the page's hydration ran as one task
 * whenever the page's code was already loaded (as the server-rendered pages preload it): on a phone one
 * long task of 150–300 ms, now two shorter ones (a click meanwhile is replayed, as before). Later
 * navigations, and rendering on the server, do not wait.
 */
export const firstPageYields: CanActivateFn = () => {
  if (!isPlatformBrowser(inject(PLATFORM_ID)) || inject(Router).navigated) return true;
  return yieldToBrowser().then(() => true);
};

/** `routes`, each top-level one guarded by firstPageYields first (before its own guards). */
export function withFirstPageYield(routes: Routes): Routes {
  return routes.map((route) =>
    route.redirectTo === undefined
      ? { ...route, canActivate: [firstPageYields, ...(route.canActivate ?? [])] }
      : route,
  );
}
