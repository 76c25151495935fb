import {
  FetchBackend,
  HttpBackend,
  type HttpEvent,
  type HttpRequest,
  HttpResponse,
} from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { type Observable, map } from 'rxjs';

/**
 * The server renderer's HTTP backend: fetch over loopback (as `withFetch()`), with two response headers
 * dropped before Angular's transfer cache sees them.
 *
 * The API answers every request with `Cache-Control: no-store` and, to a client without one, a fresh CSRF
 * cookie. Either makes Angular's transfer cache skip the answer, so the browser fetched the catalogue
 * again after hydration and drew it a second time. Both headers are about the loopback exchange itself,
 * not the data: the renderer asks anonymously (never with a visitor's session, see
 * apps/api/src/core/web-app.ts), the cookie is one nobody keeps, and the page that embeds the answers is
 * itself `no-cache` and varies on the visitor's language and cookie. Session calls (`/api/auth/...`) stay
 * out of the transfer cache by the filter in app.config.ts.
 */
@Injectable()
export class LoopbackBackend implements HttpBackend {
  private readonly fetch = inject(FetchBackend);

  handle(request: HttpRequest<unknown>): Observable<HttpEvent<unknown>> {
    return this.fetch
      .handle(request)
      .pipe(
        map((event) =>
          event instanceof HttpResponse
            ? event.clone({ headers: event.headers.delete('cache-control').delete('set-cookie') })
            : event,
        ),
      );
  }
}
