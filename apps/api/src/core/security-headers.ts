import compression from 'compression';
import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { constants as zlib } from 'node:zlib';

/**
 * The one hash the built web app needs in script-src: Angular's critical-CSS inlining loads the full
 * stylesheet with `<link media="print" onload="this.media='all'">`. `'unsafe-hashes'` allows exactly
 * that handler and no other inline script (sha256 of `this.media='all'`).
 */
export const CRITICAL_CSS_ONLOAD_HASH = "'sha256-MhtPZXr7+LpJUY5qtMutB+qWfQtMaPccfe7QXtCcEYc='";

export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=()';

/** The per-request nonce a server-rendered page puts on its own inline scripts (Angular's event replay). */
export function cspNonceOf(res: Response): string {
  return (res.locals as { cspNonce: string }).cspNonce;
}

/**
 * Security headers for every answer (pages and API) through helmet: a Content-Security-Policy the
 * Angular app works under (scripts only from the origin, the one handler above, and inline scripts
 * carrying this answer's nonce — the server-rendered page's event-replay bootstrap; inline styles
 * for Angular's component styles and the inlined critical CSS), `frame-ancestors 'none'`,
 * X-Content-Type-Options, Referrer-Policy and Permissions-Policy; HSTS only behind HTTPS.
 */
export function securityHeaders(options: { https: boolean }) {
  const policy = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: [
          "'self'",
          "'unsafe-hashes'",
          CRITICAL_CSS_ONLOAD_HASH,
          (_req, res) => `'nonce-${cspNonceOf(res as Response)}'`,
        ],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(options.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    res.locals['cspNonce'] = randomBytes(16).toString('base64');
    policy(req, res, next);
  };
}

/**
 * gzip or brotli, as the client accepts, for API answers and static files. Brotli at quality 6, not
 * the middleware's 4: at 4 it is larger than gzip on the web app's bundles (the first page's JS: 152
 * vs 148 kB), at 6 about 7 % smaller for ~2 ms more per 200 kB file (hashed files are cached for a year).
 */
export function compressAnswers() {
  return compression({ threshold: 1024, brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: 6 } } });
}

/**
 * API answers are personal or may be (sessions are cookies): no shared or browser cache keeps them.
 * A route that may be cached (asset photos) sets its own Cache-Control, which replaces this one.
 */
export function noStoreForApi(prefix: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.path === `/${prefix}` || req.path.startsWith(`/${prefix}/`))
      res.setHeader('Cache-Control', 'no-store');
    next();
  };
}

/** Built file names carry a content hash (`main-5RPYNUYQ.js`, `chunk-242ZNZJN.js`, `styles-62H74SW2.css`). */
const HASHED = /-[A-Z0-9]{8}\.(?:js|mjs|css|woff2?|ttf|svg|png|jpe?g|webp|avif|ico)$/;

/** Font files the build copies into a folder named with their package's version (`fonts/pretendard-1.3.9/`). */
const VERSIONED_FONT = /[/\\]fonts[/\\][a-z0-9-]+-\d+\.\d+\.\d+[/\\][^/\\]+\.woff2$/;

/**
 * Static files: hashed ones and versioned fonts are immutable for a year; index.html and other unhashed
 * files are revalidated.
 */
export function staticCacheHeaders(res: Response, path: string): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (HASHED.test(path) || VERSIONED_FONT.test(path))
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  else res.setHeader('Cache-Control', 'no-cache');
}
