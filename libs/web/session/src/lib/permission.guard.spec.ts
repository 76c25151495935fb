import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  type ActivatedRouteSnapshot,
  Router,
  type RouterStateSnapshot,
  UrlTree,
  provideRouter,
} from '@angular/router';
import { type MeResponse, PERMISSIONS, type Permission, permissionsFor } from '@madang/contracts';
import { AuthService } from './auth.service';
import { anonymousOnlyGuard, permissionGuard, safeReturnUrl } from './permission.guard';

const nextTick = () => new Promise<void>((resolve) => setTimeout(resolve));

function user(permissions: Permission[]): MeResponse {
  return {
    id: 'u1',
    email: 'resident@example.org',
    displayName: 'Resident',
    locale: 'en',
    roles: ['resident'],
    permissions,
    groups: [],
    approvalNotices: 'each',
  };
}

describe('permissionGuard', () => {
  let http: HttpTestingController;
  let router: Router;

  beforeEach(() => {
    localStorage.setItem('madang.locale', 'en');
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
  });

  afterEach(() => http.verify());

  /** Answers the start-up calls: the CSRF cookie, then the session (null = signed out). */
  async function answerStartup(me: MeResponse | null): Promise<void> {
    await nextTick();
    http.expectOne('/api/auth/csrf').flush(null, { status: 204, statusText: 'No Content' });
    await nextTick();
    http.expectOne('/api/auth/session').flush({ user: me });
  }

  function run(permission: Permission, url: string): Promise<boolean | UrlTree> {
    const guard = permissionGuard(permission);
    return TestBed.runInInjectionContext(
      () => guard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot) as Promise<boolean | UrlTree>,
    );
  }

  it('sends an anonymous visitor to sign-in, remembering where they wanted to go', async () => {
    const result = run(PERMISSIONS.AUDIT_READ, '/audit?action=x');
    await answerStartup(null);
    const tree = await result;
    expect(tree).toBeInstanceOf(UrlTree);
    expect(router.serializeUrl(tree as UrlTree)).toBe('/sign-in?returnUrl=%2Faudit%3Faction%3Dx');
  });

  it('shows the 403 page to a signed-in user without the permission', async () => {
    const result = run(PERMISSIONS.AUDIT_READ, '/audit');
    await answerStartup(user(permissionsFor(['resident'])));
    const tree = await result;
    expect(router.serializeUrl(tree as UrlTree)).toBe('/forbidden');
  });

  it('lets a user with the permission in', async () => {
    const result = run(PERMISSIONS.AUDIT_READ, '/audit');
    await answerStartup(user(permissionsFor(['resident', 'admin'])));
    expect(await result).toBe(true);
  });

  it('decides on permissions, not roles', async () => {
    const result = run(PERMISSIONS.USERS_READ, '/users');
    await answerStartup(user([PERMISSIONS.SELF, PERMISSIONS.USERS_READ]));
    expect(await result).toBe(true);
  });

  it('waits for the session look-up before deciding', async () => {
    let settled = false;
    const result = run(PERMISSIONS.SELF, '/profile').then((value) => {
      settled = true;
      return value;
    });
    await nextTick();
    http.expectOne('/api/auth/csrf').flush(null, { status: 204, statusText: 'No Content' });
    await nextTick();
    expect(settled).toBe(false);
    http.expectOne('/api/auth/session').flush({ user: user([PERMISSIONS.SELF]) });
    expect(await result).toBe(true);
  });

  it('treats an unreachable API as signed out', async () => {
    const result = run(PERMISSIONS.SELF, '/profile');
    await nextTick();
    http.expectOne('/api/auth/csrf').error(new ProgressEvent('error'));
    await nextTick();
    http.expectOne('/api/auth/session').error(new ProgressEvent('error'));
    const tree = await result;
    expect(router.serializeUrl(tree as UrlTree)).toBe('/sign-in?returnUrl=%2Fprofile');
    expect(TestBed.inject(AuthService).isLoaded()).toBe(true);
  });

  it('keeps signed-in users away from sign-in and sign-up', async () => {
    const result = TestBed.runInInjectionContext(
      () => anonymousOnlyGuard({}, []) as Promise<boolean | UrlTree>,
    );
    await answerStartup(user([PERMISSIONS.SELF]));
    expect(router.serializeUrl((await result) as UrlTree)).toBe('/');
  });
});

describe('safeReturnUrl', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/audit?x=1', '/audit?x=1'],
    ['//evil.example/path', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['javascript:alert(1)', '/'],
  ])('%s → %s', (input, expected) => {
    expect(safeReturnUrl(input)).toBe(expected);
  });
});
