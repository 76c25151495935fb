/**
 * The server bundle's request handler, loaded by the API process (apps/api/src/core/web-app.ts), which
 * serves the API, the static files and these rendered pages on one port. The API builds the `Request`
 * it hands over (see there): its origin is the API's own loopback address, so the pages' relative
 * `/api/…` calls during rendering go straight back to the same process.
 */
import { AngularNodeAppEngine } from '@angular/ssr/node';

export interface WebRendererOptions {
  /** Host names the rendered request may carry (the loopback names the API uses). */
  readonly allowedHosts: readonly string[];
}

export interface WebRenderer {
  /** The rendered page, or null when no Angular route matches. */
  render(request: Request, context: unknown): Promise<Response | null>;
}

export function createWebRenderer(options: WebRendererOptions): WebRenderer {
  // The engine would otherwise install process-wide handlers that log and swallow uncaught errors;
  // the API process keeps its own crash behaviour (log and exit, restarted by its supervisor).
  (globalThis as { ngAttachNodeGlobalErrorHandlersCalled?: boolean }).ngAttachNodeGlobalErrorHandlersCalled =
    true;
  const engine = new AngularNodeAppEngine({ allowedHosts: [...options.allowedHosts] });
  return { render: (request, context) => engine.handle(request, context) };
}
