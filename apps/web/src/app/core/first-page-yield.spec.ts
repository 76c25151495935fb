import { PLATFORM_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type ActivatedRouteSnapshot, Router, type RouterStateSnapshot } from '@angular/router';
import { firstPageYields, withFirstPageYield } from './first-page-yield';
import { isPublic } from './title.strategy';

function run(platform: 'browser' | 'server', navigated: boolean): unknown {
  TestBed.resetTestingModule();
  TestBed.configureTestingModule({
    providers: [
      { provide: PLATFORM_ID, useValue: platform },
      { provide: Router, useValue: { navigated } },
    ],
  });
  return TestBed.runInInjectionContext(() =>
    firstPageYields({} as ActivatedRouteSnapshot, {} as RouterStateSnapshot),
  );
}

describe('firstPageYields', () => {
  it('lets the browser have a turn (a new task) before the first page is activated', async () => {
    jest.useFakeTimers();
    try {
      const result = run('browser', false);
      expect(result).toBeInstanceOf(Promise);
      let settled = false;
      void (result as Promise<boolean>).then(() => (settled = true));
      await Promise.resolve();
      expect(settled).toBe(false); // not in this task's microtasks
      jest.runOnlyPendingTimers();
      await expect(result).resolves.toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it('does not wait on later navigations, nor on the server', () => {
    expect(run('browser', true)).toBe(true);
    expect(run('server', false)).toBe(true);
  });

  it('guards every top-level route first, redirects aside', () => {
    const own = () => true;
    const routes = withFirstPageYield([
      { path: 'a' },
      { path: 'b', canActivate: [own] },
      { path: 'c', redirectTo: 'a' },
    ]);
    expect(routes[0].canActivate).toEqual([firstPageYields]);
    expect(routes[1].canActivate).toEqual([firstPageYields, own]);
    expect(routes[2].canActivate).toBeUndefined();
  });

  it('leaves a public page public (search engines may index it); other guards still make it private', () => {
    const snapshot = (canActivate: unknown[]) =>
      ({ routeConfig: { canActivate }, data: {}, firstChild: null }) as unknown as ActivatedRouteSnapshot;
    expect(isPublic(snapshot([firstPageYields]))).toBe(true);
    expect(isPublic(snapshot([firstPageYields, () => true]))).toBe(false);
  });
});
