import { provideHttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DOCUMENT, REQUEST, inject, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { I18nService } from '@madang/web/i18n';
import {
  HEAD_FOR_ATTRIBUTE,
  JSON_LD_ID,
  PageMetaService,
  excerpt,
  jsonForScript,
  type PageMeta,
} from './page-meta';
import { FALLBACK_SITE_CONFIG, SiteConfigService } from './site-config';

@Component({ selector: 'app-meta-page', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class MetaPageComponent {
  readonly meta = input.required<PageMeta | null>();
  constructor() {
    inject(PageMetaService).follow(() => this.meta());
  }
}

describe('PageMetaService', () => {
  let service: PageMetaService;
  let i18n: I18nService;
  let doc: Document;

  const attr = (selector: string, name = 'content') =>
    doc.head.querySelector(selector)?.getAttribute(name) ?? null;
  const property = (p: string) => attr(`meta[property="${p}"]`);
  const named = (n: string) => attr(`meta[name="${n}"]`);
  const jsonLd = () => doc.getElementById(JSON_LD_ID);

  const page = (meta: PageMeta | null) => {
    const fixture = TestBed.createComponent(MetaPageComponent);
    fixture.componentRef.setInput('meta', meta);
    fixture.detectChanges();
    TestBed.tick();
    return fixture;
  };

  /** The test module; `server` renders as the server does (a REQUEST is there). */
  function start(server = false): void {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        ...(server
          ? [
              {
                provide: REQUEST,
                // The parts of the Fetch API's Request the services read (jsdom has no Request).
                useValue: { url: 'http://127.0.0.1/catalogue/a1?lang=ko', headers: { get: () => null } },
              },
            ]
          : []),
      ],
    });
    doc = TestBed.inject(DOCUMENT);
    for (const el of Array.from(doc.head.querySelectorAll('meta, link, script'))) el.remove();
    TestBed.inject(SiteConfigService).set({
      ...FALLBACK_SITE_CONFIG,
      publicUrl: 'https://madang.example.kr',
    });
    i18n = TestBed.inject(I18nService);
    i18n.use('ko');
    service = TestBed.inject(PageMetaService);
    service.identify({
      name: () => '마당 Madang',
      documentTitle: (title) => (title ? `${title} · 마당` : '마당'),
      description: () => (i18n.locale() === 'ko' ? '마당 기본 설명' : 'Madang default description'),
      address: () => ({ '@type': 'PostalAddress', addressCountry: 'KR' }),
    });
    service.setRoute({ title: () => null, indexable: true, path: '/catalogue/a1', languageInAddress: true });
  }

  beforeEach(() => {
    doc = TestBed.inject(DOCUMENT);
    doc.head.removeAttribute(HEAD_FOR_ATTRIBUTE);
    TestBed.resetTestingModule();
    start();
  });
  afterEach(() => {
    TestBed.inject(SiteConfigService).set(FALLBACK_SITE_CONFIG);
    doc.head.removeAttribute(HEAD_FOR_ATTRIBUTE);
  });

  it("sets title, description, canonical, hreflang, Open Graph and JSON-LD from the page's data", () => {
    page({
      title: '회의실 C',
      description: '창가 쪽 여섯 명 회의실.',
      image: { url: '/api/assets/a1/photos/p1', alt: '회의실 C 사진' },
      jsonLd: { '@context': 'https://schema.org', '@type': 'Place', name: '회의실 C' },
    });
    expect(doc.title).toBe('회의실 C · 마당');
    expect(named('description')).toBe('창가 쪽 여섯 명 회의실.');
    expect(attr('link[rel="canonical"]', 'href')).toBe('https://madang.example.kr/catalogue/a1?lang=ko');
    expect(attr('link[rel="alternate"][hreflang="ko"]', 'href')).toBe(
      'https://madang.example.kr/catalogue/a1?lang=ko',
    );
    expect(attr('link[rel="alternate"][hreflang="en"]', 'href')).toBe(
      'https://madang.example.kr/catalogue/a1?lang=en',
    );
    expect(attr('link[rel="alternate"][hreflang="x-default"]', 'href')).toBe(
      'https://madang.example.kr/catalogue/a1',
    );
    expect(property('og:title')).toBe('회의실 C');
    expect(property('og:description')).toBe('창가 쪽 여섯 명 회의실.');
    expect(property('og:url')).toBe('https://madang.example.kr/catalogue/a1?lang=ko');
    expect(property('og:type')).toBe('website');
    expect(property('og:site_name')).toBe('마당 Madang');
    expect(property('og:locale')).toBe('ko_KR');
    expect(property('og:locale:alternate')).toBe('en_US');
    expect(property('og:image')).toBe('https://madang.example.kr/api/assets/a1/photos/p1');
    expect(property('og:image:alt')).toBe('회의실 C 사진');
    expect(named('twitter:card')).toBe('summary_large_image');
    expect(named('robots')).toBeNull();
    expect(jsonLd()?.getAttribute('type')).toBe('application/ld+json');
    expect(JSON.parse(jsonLd()?.textContent ?? '')).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Place',
      name: '회의실 C',
    });
  });

  it('re-applies when the language changes', () => {
    const texts = {
      ko: { title: '회의실 C', description: '설명' },
      en: { title: 'Meeting Room C', description: 'About' },
    };
    // A page whose meta reads the language, as real pages do through I18nService.
    TestBed.runInInjectionContext(() => service.follow(() => texts[i18n.locale()]));
    TestBed.tick();
    expect(doc.title).toBe('회의실 C · 마당');
    i18n.use('en');
    TestBed.tick();
    expect(doc.title).toBe('Meeting Room C · 마당');
    expect(named('description')).toBe('About');
    expect(property('og:locale')).toBe('en_US');
    expect(property('og:locale:alternate')).toBe('ko_KR');
    expect(attr('link[rel="canonical"]', 'href')).toBe('https://madang.example.kr/catalogue/a1?lang=en');
  });

  it('replaces everything on the next page: one set of tags, no image or JSON-LD left behind', () => {
    const first = page({
      title: '회의실 C',
      description: '첫 페이지',
      image: { url: 'https://cdn.example/p.jpg', width: 1200, height: 630 },
      jsonLd: { '@type': 'Place', name: '회의실 C' },
    });
    expect(property('og:image:width')).toBe('1200');
    first.destroy();
    service.setRoute({ title: () => '공모', indexable: true, path: '/calls', languageInAddress: true });
    page({ title: '2027 입주 공모', description: '둘째 페이지' });
    expect(doc.title).toBe('2027 입주 공모 · 마당');
    expect(doc.head.querySelectorAll('meta[name="description"]')).toHaveLength(1);
    expect(doc.head.querySelectorAll('link[rel="canonical"]')).toHaveLength(1);
    expect(doc.head.querySelectorAll('link[rel="alternate"]')).toHaveLength(3);
    expect(attr('link[rel="canonical"]', 'href')).toBe('https://madang.example.kr/calls?lang=ko');
    expect(property('og:image')).toBeNull();
    expect(property('og:image:width')).toBeNull();
    expect(named('twitter:card')).toBe('summary');
    expect(jsonLd()).toBeNull();
  });

  it("falls back to the route's title and the site's description when a page has no call", () => {
    service.setRoute({ title: () => '도움말', indexable: true, path: '/help' });
    TestBed.tick();
    expect(doc.title).toBe('도움말 · 마당');
    expect(named('description')).toBe('마당 기본 설명');
    expect(property('og:title')).toBe('도움말');
  });

  it('marks private pages noindex, without canonical, alternates or structured data', () => {
    const fixture = page({ title: '공개 페이지', description: '...', jsonLd: { '@type': 'Place' } });
    fixture.destroy();
    service.setRoute({ title: () => '내 예약', indexable: false, path: '/bookings' });
    TestBed.tick();
    expect(named('robots')).toBe('noindex');
    expect(doc.title).toBe('내 예약 · 마당');
    expect(doc.head.querySelector('link[rel="canonical"]')).toBeNull();
    expect(doc.head.querySelector('link[rel="alternate"]')).toBeNull();
    expect(jsonLd()).toBeNull();

    service.setRoute({ title: () => null, indexable: true, path: '/' });
    TestBed.tick();
    expect(named('robots')).toBeNull();
  });

  it('is canonical to itself when the address does not name a language (the x-default page)', () => {
    service.setRoute({ title: () => '공모', indexable: true, path: '/calls' });
    page({ title: '공모', description: 'y' });
    expect(attr('link[rel="canonical"]', 'href')).toBe('https://madang.example.kr/calls');
    expect(property('og:url')).toBe('https://madang.example.kr/calls');
    expect(attr('link[rel="alternate"][hreflang="x-default"]', 'href')).toBe(
      'https://madang.example.kr/calls',
    );
    expect(attr('link[rel="alternate"][hreflang="ko"]', 'href')).toBe(
      'https://madang.example.kr/calls?lang=ko',
    );
  });

  it('escapes < in JSON-LD so a name cannot close the script element', () => {
    page({
      title: 'x',
      description: 'y',
      jsonLd: { '@type': 'Place', name: '</script><script>alert(1)</script> & <!--' },
    });
    const text = jsonLd()?.textContent ?? '';
    expect(text).not.toContain('<');
    expect(text).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(text)).toEqual({ '@type': 'Place', name: '</script><script>alert(1)</script> & <!--' });
    expect(jsonForScript({ a: '\u2028' })).toBe('{"a":"\\u2028"}');
  });

  it('on the server, marks the head with the page and language its tags were written for', () => {
    TestBed.resetTestingModule();
    start(true);
    page({ title: '회의실 C', description: '설명' });
    expect(doc.head.getAttribute(HEAD_FOR_ATTRIBUTE)).toBe('/catalogue/a1|ko|true|true|true|true');
  });

  it('on the server, leaves no mark when the page had no data to describe itself with', () => {
    TestBed.resetTestingModule();
    start(true);
    page(null);
    expect(doc.title).toBe('마당');
    expect(doc.head.hasAttribute(HEAD_FOR_ATTRIBUTE)).toBe(false);
  });

  it("while hydrating the page the server wrote, leaves the server's tags alone until the language or page changes", () => {
    TestBed.resetTestingModule();
    for (const el of Array.from(doc.head.querySelectorAll('meta, link, script'))) el.remove();
    doc.title = '회의실 C · 서버';
    doc.head.setAttribute(HEAD_FOR_ATTRIBUTE, '/catalogue/a1|ko|true|true|true|true');
    start();
    const texts = {
      ko: { title: '회의실 C', description: '설명' },
      en: { title: 'Meeting Room C', description: 'About' },
    };
    let builds = 0;
    TestBed.runInInjectionContext(() =>
      service.follow(() => {
        builds++;
        return texts[i18n.locale()];
      }),
    );
    TestBed.tick();
    expect(builds).toBe(0);
    expect(doc.title).toBe('회의실 C · 서버');
    expect(named('description')).toBeNull();

    i18n.use('en');
    TestBed.tick();
    expect(builds).toBe(1);
    expect(doc.title).toBe('Meeting Room C · 마당');
    expect(named('description')).toBe('About');

    // Back in the first language the tags are written again: the head is no longer the server's.
    i18n.use('ko');
    TestBed.tick();
    expect(doc.title).toBe('회의실 C · 마당');
  });

  it('writes the tags at once when the server wrote the head for another page', () => {
    TestBed.resetTestingModule();
    doc.title = '다른 페이지 · 서버';
    doc.head.setAttribute(HEAD_FOR_ATTRIBUTE, '/calls|ko|true|true|true|true');
    start();
    page({ title: '회의실 C', description: '설명' });
    expect(doc.title).toBe('회의실 C · 마당');
  });

  it('uses the page origin when PUBLIC_URL is not configured', () => {
    TestBed.inject(SiteConfigService).set(FALLBACK_SITE_CONFIG);
    page({ title: 'x', description: 'y', image: { url: '/api/assets/a/photos/b' } });
    expect(property('og:image')).toBe(`${doc.location.origin}/api/assets/a/photos/b`);
    expect(attr('link[rel="canonical"]', 'href')).toBe(`${doc.location.origin}/catalogue/a1?lang=ko`);
  });
});

describe('excerpt', () => {
  it('keeps short text, folds whitespace and cuts long text at a word with an ellipsis', () => {
    expect(excerpt('  한 줄\n 설명  ')).toBe('한 줄 설명');
    const long = 'word '.repeat(60);
    const cut = excerpt(long);
    expect(cut.length).toBeLessThanOrEqual(150);
    expect(cut.endsWith('word…')).toBe(true);
    expect(excerpt('가'.repeat(200))).toHaveLength(150);
  });
});
