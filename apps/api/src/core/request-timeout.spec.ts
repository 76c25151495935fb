import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { requestTimeout } from './request-timeout';

describe('requestTimeout: a request that hangs is answered 503, not left hanging', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const app = express();
    app.use(requestTimeout(150));
    app.get('/hang', () => undefined);
    app.get('/late', (_req, res) => {
      setTimeout(() => {
        if (!res.headersSent) res.json({ late: true });
      }, 400);
    });
    app.get('/fast', (_req, res) => res.json({ ok: true }));
    await new Promise<void>((resolve) => {
      server = app.listen(0, '127.0.0.1', () => resolve());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers 503 problem+json with Retry-After after the timeout', async () => {
    const started = Date.now();
    const res = await fetch(`${base}/hang`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { code: string }).code).toBe('service_unavailable');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('drops the late answer of a slow handler', async () => {
    expect((await fetch(`${base}/late`)).status).toBe(503);
  });

  it('leaves a fast answer alone', async () => {
    const res = await fetch(`${base}/fast`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});
