import { HttpBackend } from '@angular/common/http';
import {
  CSP_NONCE,
  type ApplicationConfig,
  REQUEST_CONTEXT,
  inject,
  mergeApplicationConfig,
} from '@angular/core';
import { provideServerRendering, withRoutes } from '@angular/ssr';
import type { RenderContext } from '@madang/contracts';
import { appConfig } from './app.config';
import { serverRoutes } from './app.routes.server';
import { LoopbackBackend } from './core/loopback-backend';

/** The browser configuration plus server rendering with the render mode of each route. */
export const serverConfig: ApplicationConfig = mergeApplicationConfig(appConfig, {
  providers: [
    provideServerRendering(withRoutes(serverRoutes)),
    // The API's answers go into the page for the browser's first render (see LoopbackBackend).
    LoopbackBackend,
    { provide: HttpBackend, useExisting: LoopbackBackend },
    // The API's Content-Security-Policy allows inline scripts only with this answer's nonce
    // (apps/api/src/core/security-headers.ts); the event-replay bootstrap Angular inlines carries it.
    {
      provide: CSP_NONCE,
      useFactory: () => (inject(REQUEST_CONTEXT, { optional: true }) as RenderContext | null)?.nonce ?? null,
    },
  ],
});
