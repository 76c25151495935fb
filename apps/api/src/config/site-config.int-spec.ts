import type { SiteConfig } from '@madang/contracts';
import { startTestApp, type TestApp } from '../test/test-app';

describe('GET /api/config (public site configuration)', () => {
  let berlin: TestApp;
  beforeAll(async () => {
    berlin = await startTestApp({
      env: { MADANG_TIMEZONE: 'Europe/Berlin', PUBLIC_URL: 'https://madang.example.kr/' },
    });
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
      publicUrl: 'https://madang.example.kr',
    });
  });

  it('answers publicUrl null when PUBLIC_URL is not set', async () => {
    const plain = await startTestApp();
    try {
      const response = await plain.client().get<SiteConfig>('/api/config');
      expect(response.status).toBe(200);
      expect(response.body.publicUrl).toBeNull();
    } finally {
      await plain.close();
    }
  });
});
