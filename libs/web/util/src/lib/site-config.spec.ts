import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { FALLBACK_SITE_CONFIG, SiteConfigService, centreTimeZone, centreToday } from './site-config';

describe('SiteConfigService', () => {
  let service: SiteConfigService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    service = TestBed.inject(SiteConfigService);
    http = TestBed.inject(HttpTestingController);
    service.set(FALLBACK_SITE_CONFIG);
  });
  afterEach(() => service.set(FALLBACK_SITE_CONFIG));

  it("takes the centre's time zone from GET /api/config", async () => {
    const loading = service.load();
    http.expectOne('/api/config').flush({
      timeZone: 'Europe/Berlin',
      locales: ['ko', 'en'],
      defaultLocale: 'ko',
      currency: 'KRW',
      publicUrl: 'https://madang.example.kr/',
    });
    await loading;
    expect(service.timeZone()).toBe('Europe/Berlin');
    expect(centreTimeZone()).toBe('Europe/Berlin');
    expect(service.publicUrl()).toBe('https://madang.example.kr');
  });

  it('takes publicUrl as null when the server sends none or something that is not an http(s) URL', async () => {
    let loading = service.load();
    http
      .expectOne('/api/config')
      .flush({ timeZone: 'Asia/Seoul', locales: ['ko', 'en'], defaultLocale: 'ko', currency: 'KRW' });
    await loading;
    expect(service.publicUrl()).toBeNull();

    loading = service.load();
    http.expectOne('/api/config').flush({ ...FALLBACK_SITE_CONFIG, publicUrl: 'javascript:alert(1)' });
    await loading;
    expect(service.publicUrl()).toBeNull();
  });

  it('keeps the fallback when the API fails or answers a zone the browser does not know', async () => {
    let loading = service.load();
    http.expectOne('/api/config').flush('down', { status: 503, statusText: 'Unavailable' });
    await loading;
    expect(centreTimeZone()).toBe(FALLBACK_SITE_CONFIG.timeZone);

    loading = service.load();
    http.expectOne('/api/config').flush({ timeZone: 'Mars/Olympus', locales: ['ko'] });
    await loading;
    expect(centreTimeZone()).toBe(FALLBACK_SITE_CONFIG.timeZone);
  });

  it("gives today's date in the configured zone, not the browser's or Seoul's", () => {
    // 23:30 UTC on 31 December: already 1 January in Seoul, still 31 December in New York.
    const now = new Date('2026-12-31T23:30:00Z');
    expect(centreToday(undefined, now)).toBe('2027-01-01');
    service.set({ ...FALLBACK_SITE_CONFIG, timeZone: 'America/New_York' });
    expect(centreToday(undefined, now)).toBe('2026-12-31');
    expect(centreToday('Pacific/Kiritimati', new Date('2026-12-31T09:30:00Z'))).toBe('2026-12-31');
  });
});
