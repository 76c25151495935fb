import { provideHttpClient, withFetch, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import {
  provideClientHydration,
  withHttpTransferCacheOptions,
  withIncrementalHydration,
} from '@angular/platform-browser';
import {
  TitleStrategy,
  provideRouter,
  withComponentInputBinding,
  withInMemoryScrolling,
} from '@angular/router';
import { CSRF_COOKIE, CSRF_HEADER } from '@madang/contracts';
import { routes } from './app.routes';
import { provideMessages } from '@madang/web/i18n';
import { AuthService, csrfInterceptor, localeInterceptor, sessionInterceptor } from '@madang/web/session';
import { SiteConfigService, yieldToBrowser } from '@madang/web/util';
import { provideFontWarmup } from './core/font-warmup';
import { I18nTitleStrategy } from './core/title.strategy';
import { SHELL_MESSAGES } from './messages/shell.messages';
import { NOTIFICATIONS_MESSAGES } from '@madang/web/notifications/util';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    // Public pages arrive rendered by the server (app.routes.server.ts): the browser adopts that DOM
    // instead of drawing it again, replays clicks made before it was ready, and reuses the API answers
    // the server fetched. Session calls are never among them (the server renders anonymously).
    // Incremental hydration (which includes event replay): blocks marked `hydrate on …` stay server HTML
    // until someone reaches for them.
    provideClientHydration(
      withIncrementalHydration(),
      withHttpTransferCacheOptions({ filter: (request) => !request.url.startsWith('/api/auth/') }),
    ),
    provideZonelessChangeDetection(),
    provideRouter(
      routes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'top' }),
    ),
    provideHttpClient(
      withFetch(),
      withXsrfConfiguration({ cookieName: CSRF_COOKIE, headerName: CSRF_HEADER }),
      withInterceptors([localeInterceptor, csrfInterceptor, sessionInterceptor]),
    ),
    // The first page loads the shell's messages only; each domain's come with its routes.
    provideMessages(SHELL_MESSAGES),
    provideMessages(NOTIFICATIONS_MESSAGES),
    { provide: TitleStrategy, useClass: I18nTitleStrategy },
    // Material's defaults (form fields) load with the domain routes: see app.routes.ts.
    // Ask for the CSRF cookie and the session at start-up without holding back the first render.
    provideAppInitializer(() => {
      void inject(AuthService).ready();
    }),
    // The centre's time zone (and languages, currency) from the server before the first date is shown.
    provideAppInitializer(() => inject(SiteConfigService).load()),
    // A first visit's fonts: fetched after the page has loaded, for the next pages (font-warmup.ts).
    provideFontWarmup(),
    // Setting up the app and drawing (hydrating) its first page run as separate tasks (see main.ts).
    provideAppInitializer(() => yieldToBrowser()),
  ],
};
