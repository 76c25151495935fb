import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerClientErrors } from './client-error';

describe('answerClientErrors', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((_req, res) => res.end('ok'));
    answerClientErrors(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('answers a URL over the 16 KB header limit with a 431 problem+json (not a bare status line)', async () => {
    const res = await fetch(`${base}/api/assets?q=${'x'.repeat(20_000)}`);
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = (await res.json()) as { status: number; code: string; detail: string };
    expect(body).toMatchObject({ status: 431, code: 'headers_too_large' });
    expect(body.detail.length).toBeGreaterThan(0);
  });

  it('still answers ordinary requests', async () => {
    const res = await fetch(`${base}/api/assets?q=short`);
    expect(await res.text()).toBe('ok');
  });
});
