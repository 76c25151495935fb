import { HttpClient, provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CSRF_COOKIE, CSRF_HEADER } from '@madang/contracts';
import { firstValueFrom } from 'rxjs';
import { I18nService } from '@madang/web/i18n';
import { csrfInterceptor, localeInterceptor } from './http.interceptors';

const nextTick = () => new Promise<void>((resolve) => setTimeout(resolve));

describe('HTTP interceptors', () => {
  let http: HttpTestingController;
  let client: HttpClient;

  beforeEach(() => {
    localStorage.setItem('madang.locale', 'ko');
    document.cookie = `${CSRF_COOKIE}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(
          withXsrfConfiguration({ cookieName: CSRF_COOKIE, headerName: CSRF_HEADER }),
          withInterceptors([localeInterceptor, csrfInterceptor]),
        ),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
  });

  afterEach(() => http.verify());

  it('sends the current language as Accept-Language', async () => {
    void firstValueFrom(client.get('/api/groups'));
    expect(http.expectOne('/api/groups').request.headers.get('Accept-Language')).toBe('ko');
    TestBed.inject(I18nService).use('en');
    void firstValueFrom(client.get('/api/groups'));
    expect(http.expectOne('/api/groups').request.headers.get('Accept-Language')).toBe('en');
  });

  it('holds the first mutating call until the CSRF cookie is set, then echoes it', async () => {
    void firstValueFrom(client.post('/api/auth/login', {}));
    await nextTick();
    http.expectNone('/api/auth/login');
    const csrf = http.expectOne('/api/auth/csrf');
    document.cookie = `${CSRF_COOKIE}=token-1; path=/`;
    csrf.flush(null, { status: 204, statusText: 'No Content' });
    await nextTick();
    const login = http.expectOne('/api/auth/login');
    expect(login.request.headers.get(CSRF_HEADER)).toBe('token-1');
    login.flush({});
  });

  it('lets reads through without waiting', () => {
    void firstValueFrom(client.get('/api/groups'));
    http.expectOne('/api/groups');
    http.expectNone('/api/auth/csrf');
  });
});
