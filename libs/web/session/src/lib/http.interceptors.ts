import { HttpErrorResponse, type HttpInterceptorFn, HttpXsrfTokenExtractor } from '@angular/common/http';
import { inject } from '@angular/core';
import { CSRF_HEADER } from '@madang/contracts';
import { Router } from '@angular/router';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { I18nService } from '@madang/web/i18n';
import { AuthService } from './auth.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Tells the API which language to answer in (problem `detail`, field messages). */
export const localeInterceptor: HttpInterceptorFn = (req, next) => {
  const locale = inject(I18nService).locale();
  return next(req.clone({ setHeaders: { 'Accept-Language': locale } }));
};

/** A 401 from any call other than the session look-up means the session ended: sign in again. */
export const sessionInterceptor: HttpInterceptorFn = (req, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return next(req).pipe(
    catchError((error: unknown) => {
      const ended =
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        !req.url.startsWith('/api/auth/') &&
        auth.isSignedIn();
      if (ended) {
        auth.clear();
        void router.navigate(['/sign-in'], { queryParams: { returnUrl: router.url } });
      }
      return throwError(() => error);
    }),
  );
};

/**
 * Holds back the first mutating request until `GET /api/auth/csrf` has set the cookie, then
 * makes sure the token is echoed (Angular's own XSRF interceptor may have run before the cookie
 * existed).
 */
export const csrfInterceptor: HttpInterceptorFn = (req, next) => {
  if (SAFE_METHODS.has(req.method) || !req.url.startsWith('/api/')) return next(req);
  const auth = inject(AuthService);
  const tokens = inject(HttpXsrfTokenExtractor);
  return from(auth.csrfReady()).pipe(
    switchMap(() => {
      const token = tokens.getToken();
      if (token && !req.headers.has(CSRF_HEADER)) {
        return next(req.clone({ setHeaders: { [CSRF_HEADER]: token } }));
      }
      return next(req);
    }),
  );
};
