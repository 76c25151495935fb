import { robotsTxt, sitemapXml } from './sitemap';

describe('sitemapXml', () => {
  it('lists each page once per language, with every language and x-default as alternates', () => {
    const xml = sitemapXml(
      'https://m.example',
      [{ path: '/calls', lastmod: '2026-11-02T00:00:00.000Z' }],
      ['ko', 'en'],
    );
    expect(xml.match(/<url>/g)).toHaveLength(2);
    expect(xml).toContain('<loc>https://m.example/calls?lang=ko</loc>');
    expect(xml).toContain('<loc>https://m.example/calls?lang=en</loc>');
    expect(xml.match(/hreflang="x-default" href="https:\/\/m.example\/calls"/g)).toHaveLength(2);
    expect(xml.match(/<lastmod>2026-11-02T00:00:00.000Z<\/lastmod>/g)).toHaveLength(2);
  });

  it('escapes what XML would read as markup', () => {
    const xml = sitemapXml('https://m.example', [{ path: '/a&b<c>\'"' }], ['ko']);
    expect(xml).toContain('/a&amp;b&lt;c&gt;&apos;&quot;?lang=ko');
    expect(xml).not.toContain('/a&b');
  });
});

describe('robotsTxt', () => {
  it('names the sitemap on the given origin and closes the API', () => {
    const text = robotsTxt('https://m.example');
    expect(text).toContain('Disallow: /api/\n');
    expect(text.trimEnd().endsWith('Sitemap: https://m.example/sitemap.xml')).toBe(true);
  });
});
