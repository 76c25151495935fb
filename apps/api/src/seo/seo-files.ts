import type { INestApplication } from '@nestjs/common';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { AppConfig } from '../config/app-config';
import { publicOriginOf } from '../core/public-origin';
import { SeoService } from './seo.service';

const ONE_HOUR = 'public, max-age=3600';

/**
 * Mounts `GET /sitemap.xml` and `GET /robots.txt` at the site root, ahead of the web app (whose
 * catch-all would otherwise answer them with a page). Call once from createApp, before the web app
 * is served. Absolute URLs use PUBLIC_URL, else the request's origin (behind TRUST_PROXY_HOPS
 * proxies, the forwarded protocol and host).
 */
export function serveSeoFiles(app: INestApplication): void {
  const seo = app.get(SeoService);
  const config = app.get(AppConfig);
  const router = Router();
  const originOf = (req: Request): string | null => publicOriginOf(req, config);
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
