import { ERROR_CODES, type ErrorCode } from '@madang/contracts';
import { AppModule } from '../app.module';
import { startTestApp, TestApp } from '../test/test-app';
import { statusFor } from './domain-error';
import { routesOf } from './route-inventory';

type Responses = Record<
  string,
  {
    description?: string;
    content?: Record<string, { schema?: { allOf?: { properties?: { code?: { enum?: string[] } } }[] } }>;
  }
>;
interface Spec {
  paths: Record<string, Record<string, { responses: Responses }>>;
  components: { schemas: Record<string, { properties: { code: { enum: string[] } } }> };
}

/** What Express actually routes: every layer with a route, `:param` written `{param}`. */
function mountedRoutes(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  return express.router.stack
    .filter((layer) => layer.route?.path.startsWith('/api/'))
    .flatMap((layer) =>
      Object.keys(layer.route?.methods ?? {}).map(
        (m) => `${m.toUpperCase()} ${(layer.route?.path ?? '').replace(/:(\w+)/g, '{$1}')}`,
      ),
    )
    .filter((route) => !route.includes('/api/docs'));
}

describe('OpenAPI (real app)', () => {
  let t: TestApp;
  let spec: Spec;
  beforeAll(async () => {
    t = await startTestApp();
    spec = (await t.client().get<Spec>('/api/docs-json')).body;
  });
  afterAll(() => t.close());

  const operations = () =>
    Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        key: `${method.toUpperCase()} ${path}`,
        operation,
      })),
    );

  it('documents exactly the routes Express mounts, which are exactly the controllers’ routes', () => {
    const documented = operations()
      .map((o) => o.key)
      .sort();
    expect(documented).toEqual([...new Set(mountedRoutes(t))].sort());
    const declared = routesOf(AppModule.forRoot(t.config))
      .map((r) => r.route)
      .sort();
    expect(documented).toEqual(declared);
  });

  it('gives every operation a described success response and problem+json errors with their codes', () => {
    expect(spec.components.schemas['ProblemDetails'].properties.code.enum).toEqual([...ERROR_CODES]);
    for (const { key, operation } of operations()) {
      const statuses = Object.keys(operation.responses);
      const success = statuses.filter((s) => /^2\d\d$/.test(s));
      expect({ key, success: success.length > 0 }).toEqual({ key, success: true });
      for (const s of success) expect(operation.responses[s].description).toBeTruthy();
      const errors = statuses.filter((s) => /^[45]\d\d$/.test(s));
      expect({ key, has400: errors.includes('400'), has500: errors.includes('500') }).toEqual({
        key,
        has400: true,
        has500: true,
      });
      for (const status of errors) {
        const schema = operation.responses[status].content?.['application/problem+json']?.schema;
        const codes = (schema?.allOf?.[1]?.properties?.code?.enum ?? []) as ErrorCode[];
        expect(codes.length).toBeGreaterThan(0);
        for (const code of codes)
          expect({ key, code, status: statusFor(code) }).toEqual({ key, code, status: Number(status) });
      }
    }
  });

  it('documents what an anonymous caller, a path id and a change can run into', () => {
    const op = (key: string) => operations().find((o) => o.key === key)?.operation.responses ?? {};
    expect(Object.keys(op('GET /api/health'))).not.toContain('401');
    expect(Object.keys(op('POST /api/bookings/{id}/approve'))).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '409', '422', '500']),
    );
    expect(Object.keys(op('POST /api/auth/login'))).toEqual(expect.arrayContaining(['401', '429']));
  });
});
