import type { Provider } from '@angular/core';
import type { LoadChildrenCallback, Route, Routes } from '@angular/router';
import { firstValueFrom, isObservable } from 'rxjs';

type Loaded = Awaited<ReturnType<LoadChildrenCallback>>;

function isRoutes(value: unknown): value is Routes {
  return Array.isArray(value);
}

function unwrapDefault(value: Loaded): unknown {
  return typeof value === 'object' && value !== null && 'default' in value ? value.default : value;
}

/**
 * Gives every lazily loaded domain (a route with `loadChildren` returning routes) the providers
 * `load()` resolves to, in the environment injector Angular creates for those routes: the routes
 * load inside `{ path: '', providers, children }`, so their params, titles and guards are as before.
 * The providers' code loads with the first domain page instead of the shell. Routes added to the
 * list later get them too; a route whose loader returns an NgModule is left as it is.
 */
export function withFeatureProviders(routes: Routes, load: () => Promise<Provider[]>): Routes {
  return routes.map((route): Route => {
    const loadChildren = route.loadChildren;
    if (!loadChildren) return route;
    return {
      ...route,
      loadChildren: async () => {
        const [result, providers] = await Promise.all([
          Promise.resolve(loadChildren()).then((r) => (isObservable(r) ? firstValueFrom(r) : r)),
          load(),
        ]);
        const children = unwrapDefault(result);
        return isRoutes(children) ? [{ path: '', providers, children }] : result;
      },
    };
  });
}
