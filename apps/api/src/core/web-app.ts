import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  API_PREFIX,
  FONT_FACES_STYLE_ID,
  FONTS_COOKIE,
  LOCALE_COOKIE,
  type RenderContext,
} from '@madang/contracts';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppConfig } from '../config/app-config';
import { publicOriginOf } from './public-origin';
import { PrecompressedFiles } from './precompressed-files';
import { cspNonceOf, staticCacheHeaders } from './security-headers';

/** What the web app's server bundle exports (apps/web/src/server.ts). */
interface WebServerBundle {
  createWebRenderer(options: { allowedHosts: readonly string[] }): {
    render(request: globalThis.Request, context: unknown): Promise<globalThis.Response | null>;
  };
}

// The API is bundled as CommonJS; the web server bundle is ES modules. A plain `import()` would be
// rewritten by the bundler into `require`, which cannot load it.
const importModule = new Function('specifier', 'return import(specifier)') as (
  specifier: string,
) => Promise<unknown>;

/**
 * Serves the built Angular app on the API's port: static files (hashed ones cached for a year), and
 * every other page GET through Angular's server engine, which renders the public pages on the server
 * (app.routes.server.ts) and answers the others with the client-rendered shell.
 *
 * The renderer gets a request addressed to this very process over loopback, so the pages' relative
 * `/api/…` calls during rendering come straight back here without leaving the machine or passing a
 * proxy, and go through the same HTTP contract (validation, locale, caching headers) as the browser's.
 * It carries no session cookie: what the server renders is what an anonymous visitor sees, so it can
 * never leak one resident's data into another's page. Without a server bundle (a build without SSR,
 * or the tests' stand-in folder), the client-rendered shell is sent as before.
 */
export async function serveWebApp(app: NestExpressApplication, config: AppConfig): Promise<void> {
  const dir = webDistDir(config);
  if (!dir) return;
  const shell = ['index.csr.html', 'index.html']
    .map((name) => join(dir, name))
    .find((file) => existsSync(file));
  if (!shell) return;
  const logger = new Logger('WebApp');
  const bundle = await loadServerBundle(join(dirname(dir), 'server', 'server.mjs'), logger);
  const loopback = loopbackHost(config.HOST);
  const renderer = bundle?.createWebRenderer({ allowedHosts: [loopback, 'localhost', '127.0.0.1'] });
  serveFontFaces(app, shell);

  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith(`/${API_PREFIX}/`) || req.path === `/${API_PREFIX}`)
      return next();
    if (!req.accepts('html')) return next();
    const sendShell = () => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(shell);
    };
    if (!bundle || !renderer) return sendShell();
    const request = new globalThis.Request(`http://${loopback}:${req.socket.localPort}${req.originalUrl}`, {
      headers: rendererHeaders(req),
    });
    const context: RenderContext = {
      origin: publicOriginOf(req, config) ?? `http://localhost:${config.PORT}`,
      nonce: cspNonceOf(res),
    };
    renderer
      .render(request, context)
      .then(async (response) => {
        if (!response) return next();
        const html = withFontFaces(withNonce(await response.text(), context.nonce), req);
        res.status(response.status);
        response.headers.forEach((value, name) => {
          if (name !== 'content-length') res.setHeader(name, value);
        });
        if (!response.headers.has('cache-control')) res.setHeader('Cache-Control', 'no-cache');
        res.setHeader('Vary', 'Accept-Language, Cookie, Sec-CH-UA-Mobile, User-Agent');
        res.send(html);
      })
      .catch((error: unknown) => {
        logger.error(`rendering ${req.path} failed: ${error instanceof Error ? error.stack : String(error)}`);
        if (!res.headersSent) sendShell();
        else res.end();
      });
  });
}

function webDistDir(config: AppConfig): string {
  return config.WEB_DIST_DIR ?? join(__dirname, '..', 'web', 'browser');
}

/**
 * The built scripts, styles, fonts and images, answered before the rest of the middleware: they need
 * no session, CSRF cookie, request id or page security policy, and each of those headers would be sent
 * again with every one of the first page's files (about 1 kB each). `nosniff` and the cache headers stay.
 * HTML files are left to the page handler, which sends them with the full set of headers.
 */
export function serveStaticFiles(app: NestExpressApplication, config: AppConfig): void {
  const dir = webDistDir(config);
  if (!dir || !existsSync(dir)) return;
  const files = express.static(dir, { index: false, setHeaders: staticCacheHeaders });
  app.use((req: Request, res: Response, next: NextFunction) =>
    req.path.endsWith('.html') || req.path.startsWith(`/${API_PREFIX}/`) ? next() : files(req, res, next),
  );
}

/**
 * Registers the answer of precompressed scripts and styles (PrecompressedFiles) in front of the
 * compression middleware, and compresses them; resolves when they are ready (createApp waits for it at
 * its end, so the process is ready only with them). Until then, and without a build, requests pass on.
 */
export function servePrecompressedFiles(app: NestExpressApplication, config: AppConfig): Promise<void> {
  const dir = webDistDir(config);
  if (!dir || !existsSync(dir)) return Promise.resolve();
  let ready: ((req: Request, res: Response, next: NextFunction) => void) | null = null;
  app.use((req: Request, res: Response, next: NextFunction) => (ready ? ready(req, res, next) : next()));
  const started = Date.now();
  const logger = new Logger('WebApp');
  return PrecompressedFiles.of(dir).then(
    (files) => {
      ready = files.middleware();
      logger.log(`${files.size} scripts and styles compressed in ${Date.now() - started} ms`);
    },
    (error: unknown) =>
      logger.warn(
        `the web app's files could not be precompressed; they are compressed per request: ${
          error instanceof Error ? error.message : String(error)
        }`,
      ),
  );
}

async function loadServerBundle(file: string, logger: Logger): Promise<WebServerBundle | null> {
  if (!existsSync(file)) return null;
  try {
    const bundle = (await importModule(pathToFileURL(file).href)) as Partial<WebServerBundle>;
    if (typeof bundle.createWebRenderer !== 'function')
      throw new Error('it does not export createWebRenderer');
    return bundle as WebServerBundle;
  } catch (error) {
    logger.error(
      `the web app's server bundle (${file}) could not be loaded; pages are rendered in the browser only: ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
    return null;
  }
}

/** How this process reaches itself: a wildcard or loopback bind answers on 127.0.0.1; else the bound address. */
export function loopbackHost(host: string): string {
  if (['0.0.0.0', '::', '', 'localhost', '127.0.0.1', '::1'].includes(host)) return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Angular's build inlines the event-dispatch contract (a fixed script that records clicks made before
 * hydration) into the page template; the replay call after it already carries the nonce (CSP_NONCE).
 * Give the contract this answer's nonce too, so the policy needs no `'unsafe-inline'`.
 */
export function withNonce(html: string, nonce: string): string {
  return html.replace(
    '<script type="text/javascript" id="ng-event-dispatch-contract">',
    `<script type="text/javascript" id="ng-event-dispatch-contract" nonce="${nonce}">`,
  );
}

/** index.html's <style> of @font-face rules: the hash of the set (written by the fonts tool), and the rules. */
const FONT_FACES_STYLE = new RegExp(
  `<style id="${FONT_FACES_STYLE_ID}" data-fonts="([0-9a-f]+)">([\\s\\S]*?)</style>`,
);

/** The page's set of @font-face rules (index.html): its hash and the rules, or null (a build without). */
export interface FontFaces {
  readonly set: string;
  readonly css: string;
}

export function fontFacesOf(html: string): FontFaces | null {
  const found = FONT_FACES_STYLE.exec(html);
  return found ? { set: found[1], css: found[2] } : null;
}

/** Where a first visit's warm-up finds the rules it was not sent (a year in the cache: the hash names them). */
export function fontFacesPath(set: string): string {
  return `/${FONT_FACES_STYLE_ID}.${set}.css`;
}

/**
 * The page's @font-face rules (index.html's <style id="pretendard-faces" data-fonts="<hash>">) stay in it
 * only for a browser whose FONTS_COOKIE names this very set: it has their files in its cache (a year,
 * staticCacheHeaders), and its first paint is in Pretendard. The others get an empty, disabled style
 * that points at the same rules as a file (`data-href`, fontFacesPath): the first paint asks for no font
 * (the system's Korean font draws the page, as it would have anyway while the files crossed a phone's
 * network), the page is 35 kB (11 kB compressed, nearly half of it) lighter, and the scripts get the
 * bandwidth. The web app reads the rules and fetches the page's files once it has loaded, then sets the
 * cookie (font-warmup.ts).
 */
export function withFontFaces(html: string, req: Pick<Request, 'cookies'>): string {
  const found = FONT_FACES_STYLE.exec(html);
  if (!found) return html;
  const set = found[1];
  const cookie = (req.cookies as Record<string, string> | undefined)?.[FONTS_COOKIE];
  if (cookie === set) return html;
  const pointer = `<style id="${FONT_FACES_STYLE_ID}" data-fonts="${set}" data-href="${fontFacesPath(set)}" media="not all"></style>`;
  return html.slice(0, found.index) + pointer + html.slice(found.index + found[0].length);
}

/**
 * Answers fontFacesPath with the rules of the built page (index.html), as a stylesheet cached for a year;
 * registered before the page handler (a fetch accepts anything, HTML included).
 */
function serveFontFaces(app: NestExpressApplication, shell: string): void {
  const faces = fontFacesOf(readFileSync(shell, 'utf8'));
  if (!faces) return;
  const css = Buffer.from(faces.css);
  app.use(fontFacesPath(faces.set), (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.setHeader('Content-Type', 'text/css; charset=utf-8');
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(css);
  });
}

function rendererHeaders(req: Request): Record<string, string> {
  const headers: Record<string, string> = { accept: 'text/html' };
  const language = req.get('accept-language');
  if (language) headers['accept-language'] = language.slice(0, 200);
  // What the browser says it is, so a phone's first paint has the phone layout (web util breakpoints).
  const mobile = req.get('sec-ch-ua-mobile');
  if (mobile === '?0' || mobile === '?1') headers['sec-ch-ua-mobile'] = mobile;
  const agent = req.get('user-agent');
  if (agent) headers['user-agent'] = agent.slice(0, 300);
  const locale = (req.cookies as Record<string, string> | undefined)?.[LOCALE_COOKIE];
  if (typeof locale === 'string' && /^[a-z]{2}$/.test(locale))
    headers['cookie'] = `${LOCALE_COOKIE}=${locale}`;
  return headers;
}
