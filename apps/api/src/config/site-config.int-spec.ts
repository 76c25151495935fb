import type { SiteConfig } from '@madang/contracts';
import { startTestApp, type TestApp } from '../test/test-app';

describe('GET /api/config (public site configuration)', () => {
  let berlin: TestApp;
  beforeAll(async () => {
    berlin = await startTestApp({ env: { MADANG_TIMEZONE: 'Europe/Berlin' } });
  });
  afterAll(() => berlin.close());

  it('serves the configured time zone, languages and currency to anonymous callers', async () => {
    const response = await berlin.client().get<SiteConfig>('/api/config');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      timeZone: 'Europe/Berlin',
      locales: ['ko', 'en'],
      defaultLocale: 'ko',
      currency: 'KRW',
    });
  });
});
