import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { MeResponse } from '@madang/contracts';
import { I18nService, LOCALE_STORAGE_KEY } from '@madang/web/i18n';
import { AuthService } from './auth.service';

const nextTick = () => new Promise<void>((resolve) => setTimeout(resolve));
const me: MeResponse = {
  id: 'u1',
  email: 'a@example.org',
  displayName: 'A',
  locale: 'ko',
  roles: ['resident'],
  permissions: ['self'],
  groups: [],
  approvalNotices: 'each',
};

describe('AuthService language handling', () => {
  let http: HttpTestingController;
  let auth: AuthService;
  let i18n: I18nService;

  beforeEach(() => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);
    i18n = TestBed.inject(I18nService);
  });

  afterEach(() => http.verify());

  async function startWith(user: MeResponse | null): Promise<void> {
    const ready = auth.ready();
    await nextTick();
    http.expectOne('/api/auth/csrf').flush(null, { status: 204, statusText: 'No Content' });
    await nextTick();
    const req = http.expectOne('/api/auth/session');
    expect(req.request.method).toBe('GET');
    req.flush({ user });
    await ready;
  }

  it("starts in the signed-in user's language, over the one stored in the browser", async () => {
    expect(i18n.locale()).toBe('en');
    await startWith(me);
    expect(i18n.locale()).toBe('ko');
  });

  it('carries on signed out when the API cannot be reached', async () => {
    const ready = auth.ready();
    await nextTick();
    http.expectOne('/api/auth/csrf').error(new ProgressEvent('error'));
    await nextTick();
    http.expectOne('/api/auth/session').error(new ProgressEvent('error'));
    await ready;
    expect(auth.isLoaded()).toBe(true);
    expect(auth.isSignedIn()).toBe(false);
  });

  it('is signed out when the session answers no user', async () => {
    await startWith(null);
    expect(auth.isSignedIn()).toBe(false);
    expect(auth.me()).toBeNull();
  });

  it('remembers an anonymous choice in the browser only', async () => {
    await startWith(null);
    await auth.changeLocale('ko');
    http.expectNone('/api/auth/me');
    expect(i18n.locale()).toBe('ko');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('ko');
  });

  it("saves a signed-in user's choice on the server", async () => {
    await startWith(me);
    const done = auth.changeLocale('en');
    expect(i18n.locale()).toBe('en');
    const req = http.expectOne('/api/auth/me');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({ locale: 'en' });
    req.flush({ ...me, locale: 'en' });
    await done;
    expect(auth.me()?.locale).toBe('en');
  });
});
