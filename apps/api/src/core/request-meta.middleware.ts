import { randomBytes, randomUUID } from 'node:crypto';
import { CSRF_COOKIE, negotiateLocale, REQUEST_ID_HEADER } from '@madang/contracts';
import type { NextFunction, Response } from 'express';
import type { MadangRequest } from './decorators';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every request an id (kept from X-Request-Id when well-formed), its language and address,
 * and makes sure the browser holds a CSRF token cookie to echo on unsafe requests.
 */
export function requestMeta(cookieSecure: boolean) {
  return (req: MadangRequest, res: Response, next: NextFunction) => {
    const incoming = req.header(REQUEST_ID_HEADER);
    const requestId = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const cookies = (req.cookies ?? {}) as Record<string, string | undefined>;
    req.meta = {
      requestId,
      locale: negotiateLocale(req.header('accept-language')),
      ip: req.ip ?? req.socket.remoteAddress ?? 'unknown',
      userAgent: (req.header('user-agent') ?? '').slice(0, 300),
      csrfCookie: cookies[CSRF_COOKIE],
    };
    if (!cookies[CSRF_COOKIE]) {
      const token = randomBytes(32).toString('base64url');
      res.cookie(CSRF_COOKIE, token, {
        sameSite: 'strict',
        secure: cookieSecure,
        httpOnly: false,
        path: '/',
      });
    }
    next();
  };
}
