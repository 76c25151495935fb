import type { MeResponse } from '@madang/contracts';
import { MadangClient } from '@madang/testing';
import { rmSync } from 'node:fs';
import { launchMadang, tempDataDir } from './support/madang-process';

const baseUrl = () => process.env['E2E_BASE_URL'] as string;

describe('Madang over HTTP (built app, embedded PostgreSQL, demo mode)', () => {
  it('answers health and readiness', async () => {
    const client = new MadangClient(baseUrl());
    expect(await client.get('/api/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await client.get('/api/ready')).toMatchObject({ status: 200, body: { status: 'ready' } });
  });

  it('serves the web app at / and its client-side routes, but not for unknown API paths', async () => {
    const home = await fetch(`${baseUrl()}/`, { headers: { accept: 'text/html' } });
    expect(home.status).toBe(200);
    expect(await home.text()).toMatch(/<app-root|<madang-root/);
    const deep = await fetch(`${baseUrl()}/sign-in`, { headers: { accept: 'text/html' } });
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toContain('text/html');
    const api = await fetch(`${baseUrl()}/api/nothing-here`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });

  it('publishes OpenAPI with every operation', async () => {
    const spec = (await (await fetch(`${baseUrl()}/api/docs-json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    for (const expected of [
      'GET /api/health',
      'GET /api/ready',
      'GET /api/auth/csrf',
      'POST /api/auth/register',
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'GET /api/auth/me',
      'PATCH /api/auth/me',
      'POST /api/auth/password',
      'GET /api/users',
      'PUT /api/users/{id}/roles/{role}',
      'DELETE /api/users/{id}/roles/{role}',
      'GET /api/groups',
      'POST /api/groups',
      'GET /api/groups/{id}',
      'PATCH /api/groups/{id}',
      'POST /api/groups/{id}/members',
      'PATCH /api/groups/{id}/members/{userId}',
      'DELETE /api/groups/{id}/members/{userId}',
      'GET /api/audit',
    ]) {
      expect(operations).toContain(expected);
    }
    const ui = await fetch(`${baseUrl()}/api/docs`);
    expect(ui.status).toBe(200);
  });

  it('documents in OpenAPI exactly the routes Nest mounts (read from its route log, not a list)', async () => {
    const dataDir = tempDataDir();
    const logged = await launchMadang({ MADANG_DATA_DIR: dataDir, LOG_LEVEL: 'log' });
    try {
      const mounted = [...logged.output().matchAll(/Mapped \{(\/api\/[^,]*), (\w+)\} route/g)].map(
        ([, path, method]) => `${method} ${path.replace(/:(\w+)/g, '{$1}')}`,
      );
      expect(mounted.length).toBeGreaterThan(30);
      const spec = (await (await fetch(`${logged.baseUrl}/api/docs-json`)).json()) as {
        paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      };
      const documented = Object.entries(spec.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
      );
      expect(documented.sort()).toEqual([...new Set(mounted)].sort());
      for (const methods of Object.values(spec.paths))
        for (const operation of Object.values(methods))
          expect(Object.keys(operation.responses)).toContain('500');
    } finally {
      await logged.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it.each(['resident', 'approver', 'operations', 'reviewer', 'admin'])(
    'signs in the demo %s account',
    async (role) => {
      const client = new MadangClient(baseUrl());
      const me = await client.login(`${role}@madang.local`, 'madang-demo');
      expect((me as unknown as MeResponse).roles).toContain(role);
    },
  );

  it('registers, signs out, signs in again and answers "me"', async () => {
    const client = new MadangClient(baseUrl(), 'en');
    const email = `e2e-${Date.now()}@example.kr`;
    await client.register(email, 'E2E Resident', 'e2e secret phrase', 'en');
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    await client.login(email, 'e2e secret phrase');
    const me = await client.get<MeResponse>('/api/auth/me');
    expect(me.body).toMatchObject({ email, displayName: 'E2E Resident', roles: ['resident'] });
  });

  it('echoes request ids and answers errors as problem+json in the asked language', async () => {
    const client = new MadangClient(baseUrl());
    const ko = await client.request(
      'POST',
      '/api/auth/login',
      { email: 1 },
      { headers: { 'X-Request-Id': 'e2e-req-1' } },
    );
    expect(ko.status).toBe(400);
    expect(ko.headers.get('x-request-id')).toBe('e2e-req-1');
    expect(ko.problem).toMatchObject({
      code: 'validation_failed',
      requestId: 'e2e-req-1',
      detail: '입력한 값을 확인해 주세요.',
    });
    expect(JSON.stringify(ko.body)).not.toMatch(/at .*\.js|QueryFailed|SELECT/);
    const en = await client.request('POST', '/api/auth/login', { email: 1 }, { language: 'en-GB,en;q=0.9' });
    expect(en.problem.detail).toBe('Please check the values you entered.');
  });
});
