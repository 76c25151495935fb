import type { INestApplication } from '@nestjs/common';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { SeoService } from './seo.service';

const ONE_HOUR = 'public, max-age=3600';
/** A Host header that can be part of a URL (name or IPv4/IPv6 literal, optional port). */
const HOST = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;

/**
 * Mounts `GET /sitemap.xml` and `GET /robots.txt` at the site root, ahead of the web app (whose
 * catch-all would otherwise answer them with a page). Call once from createApp, before the web app
 * is served. Absolute URLs use PUBLIC_URL, else the request's origin (behind TRUST_PROXY_HOPS
 * proxies, the forwarded protocol and host).
 */
export function serveSeoFiles(app: INestApplication): void {
  const seo = app.get(SeoService);
  const router = Router();
  const originOf = (req: Request): string | null => {
    const host = req.host;
    return seo.origin(host && HOST.test(host) ? `${req.protocol}://${host}` : null);
  };
  const send = (res: Response, type: string, body: string): void => {
    res.status(200).type(type).setHeader('Cache-Control', ONE_HOUR).send(body);
  };
  const badHost = (res: Response): void => {
    res.status(400).type('text/plain').send('Bad Host header\n');
  };

  router.get('/sitemap.xml', (req: Request, res: Response, next: NextFunction) => {
    const origin = originOf(req);
    if (!origin) return badHost(res);
    seo.sitemap(origin).then((xml) => send(res, 'application/xml; charset=utf-8', xml), next);
  });
  router.get('/robots.txt', (req: Request, res: Response) => {
    const origin = originOf(req);
    if (!origin) return badHost(res);
    send(res, 'text/plain; charset=utf-8', seo.robots(origin));
  });
  app.use(router);
}
