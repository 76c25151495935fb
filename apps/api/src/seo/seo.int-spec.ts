import type { CallDetail, ObservationDetail } from '@madang/contracts';
import { XMLParser } from 'fast-xml-parser';
import { startTestApp, type TestApp } from '../test/test-app';

interface Alternate {
  '@_rel': string;
  '@_hreflang': string;
  '@_href': string;
}
interface UrlEntry {
  loc: string;
  lastmod?: string;
  'xhtml:link': Alternate[];
}

const ORIGIN = 'https://madang.example.kr';

/** Reads the sitemap the way a crawler does: plain GET, parsed as XML. */
async function sitemapOf(t: TestApp, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.baseUrl}/sitemap.xml`, { headers });
  const body = await res.text();
  const parsed = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === 'url' || name === 'xhtml:link',
  }).parse(body) as { urlset: { '@_xmlns': string; '@_xmlns:xhtml': string; url: UrlEntry[] } };
  return { res, body, urlset: parsed.urlset, locs: parsed.urlset.url.map((u) => u.loc) };
}

describe('sitemap.xml and robots.txt (public pages for search engines)', () => {
  let t: TestApp;
  let assetId: string;
  let retiredAssetId: string;
  let openCallId: string;
  let draftCallId: string;
  let projectId: string;
  let publicObservationId: string;
  let privateObservationId: string;

  const one = async (sql: string, params: unknown[] = []) =>
    ((await t.db.query(sql, params)) as { id: string }[])[0].id;

  beforeAll(async () => {
    t = await startTestApp({ demo: true, env: { PUBLIC_URL: `${ORIGIN}/` } });
    const approver = await t.signIn('approver@madang.local');
    const resident = await t.signIn('resident@madang.local');
    assetId = await one(`SELECT id FROM assets WHERE name_en = 'Meeting Room C'`);
    retiredAssetId = await one(
      `SELECT id FROM assets WHERE active AND name_en <> 'Meeting Room C' ORDER BY name_en DESC LIMIT 1`,
    );
    await t.db.query(`UPDATE assets SET active = false WHERE id = $1`, [retiredAssetId]);
    openCallId = await one(`SELECT id FROM recruitment_calls WHERE phase = 'open' LIMIT 1`);
    projectId = await one(`SELECT id FROM lab_projects WHERE published_at IS NOT NULL LIMIT 1`);
    publicObservationId = await one(`SELECT id FROM lab_observations WHERE is_public LIMIT 1`);

    const draft = await approver.post<CallDetail>('/api/recruitment/calls', {
      kind: 'residency',
      title: { ko: '아직 초안인 공모', en: 'A call still in draft' },
      summary: { ko: '초안', en: 'Draft' },
      body: { ko: '본문', en: 'Body' },
      eligibility: { ko: '누구나', en: 'Anyone' },
      offer: {
        assetIds: [assetId],
        termStart: '2027-01-04',
        termEnd: '2027-12-31',
        monthlyFee: 0,
        deposit: 0,
      },
      deadline: new Date(Date.now() + 86_400_000).toISOString(),
      budgetLineId: await one(`SELECT id FROM budget_lines WHERE name = '입주 임대료 수입'`),
      reviewersPerApplication: 1,
    });
    expect(draft.status).toBe(201);
    expect(draft.body.phase).toBe('draft');
    draftCallId = draft.body.id;

    const hidden = await resident.post<ObservationDetail>('/api/observations', {
      kind: 'problem',
      category: 'transport',
      title: '공개하지 않은 관찰',
      body: '담당자만 보아야 하는 내용입니다.',
      isPublic: false,
    });
    expect(hidden.status).toBe(201);
    privateObservationId = hidden.body.id;
  });
  afterAll(() => t.close());

  it('lists every public page in Korean and English with hreflang alternates, from PUBLIC_URL', async () => {
    const { res, urlset, locs } = await sitemapOf(t);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(urlset['@_xmlns:xhtml']).toBe('http://www.w3.org/1999/xhtml');

    for (const path of [
      '/',
      '/catalogue',
      `/catalogue/${assetId}`,
      '/calls',
      `/calls/${openCallId}`,
      '/labs',
      `/labs/shared/${projectId}`,
      '/observations',
      `/observations/${publicObservationId}`,
    ])
      for (const lang of ['ko', 'en']) expect(locs).toContain(`${ORIGIN}${path}?lang=${lang}`);
    expect(new Set(locs).size).toBe(locs.length);
    expect(locs.every((l) => l.startsWith(`${ORIGIN}/`) && /\?lang=(ko|en)$/.test(l))).toBe(true);

    const entry = urlset.url.find((u) => u.loc === `${ORIGIN}/catalogue/${assetId}?lang=en`);
    expect(entry?.['xhtml:link'].map((l) => [l['@_rel'], l['@_hreflang'], l['@_href']])).toEqual([
      ['alternate', 'ko', `${ORIGIN}/catalogue/${assetId}?lang=ko`],
      ['alternate', 'en', `${ORIGIN}/catalogue/${assetId}?lang=en`],
      ['alternate', 'x-default', `${ORIGIN}/catalogue/${assetId}`],
    ]);
    const project = urlset.url.find((u) => u.loc === `${ORIGIN}/labs/shared/${projectId}?lang=ko`);
    expect(project?.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('leaves out draft calls, private observations and retired assets', async () => {
    const { body } = await sitemapOf(t);
    expect(body).not.toContain(draftCallId);
    expect(body).not.toContain(privateObservationId);
    expect(body).not.toContain(retiredAssetId);
  });

  it('serves robots.txt: public pages allowed, the API and signed-in areas not, the sitemap named', async () => {
    const res = await fetch(`${t.baseUrl}/robots.txt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
    const lines = (await res.text()).split('\n');
    expect(lines[0]).toBe('User-agent: *');
    expect(lines).toContain('Allow: /');
    for (const path of [
      '/api/',
      '/bookings',
      '/approvals',
      '/settlement',
      '/recruitment',
      '/desk',
      '/profile',
      '/admin',
    ])
      expect(lines).toContain(`Disallow: ${path}`);
    for (const open of ['/catalogue', '/calls', '/labs', '/observations', '/labs/shared'])
      expect(lines).not.toContain(`Disallow: ${open}`);
    expect(lines).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
  });

  it('is not part of the API: no /api prefix, not in the OpenAPI document', async () => {
    expect((await fetch(`${t.baseUrl}/api/sitemap.xml`)).status).toBe(404);
    const doc = (await (await fetch(`${t.baseUrl}/api/docs-json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths).filter((p) => /sitemap|robots/.test(p))).toEqual([]);
  });

  describe('without PUBLIC_URL', () => {
    let plain: TestApp;
    beforeAll(async () => {
      plain = await startTestApp({ env: { TRUST_PROXY_HOPS: '1' } });
    });
    afterAll(() => plain.close());

    it("uses the request's origin, honouring the proxy's forwarded protocol and host", async () => {
      const direct = await sitemapOf(plain);
      expect(direct.locs).toContain(`${plain.baseUrl}/catalogue?lang=ko`);

      const proxied = await sitemapOf(plain, {
        'X-Forwarded-Proto': 'https',
        'X-Forwarded-Host': 'madang.jeju.example',
      });
      expect(proxied.locs).toContain('https://madang.jeju.example/?lang=en');
      const robots = await fetch(`${plain.baseUrl}/robots.txt`, {
        headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'madang.jeju.example' },
      });
      expect(await robots.text()).toContain('Sitemap: https://madang.jeju.example/sitemap.xml');
    });

    it('refuses a Host that cannot be part of a URL', async () => {
      const res = await fetch(`${plain.baseUrl}/robots.txt`, {
        headers: { 'X-Forwarded-Host': 'evil.example/<script>' },
      });
      expect(res.status).toBe(400);
    });
  });
});
