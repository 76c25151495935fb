import { expect, test, type Page } from '@playwright/test';
import type {
  AssetSummary,
  PublicCallSummary,
  PublicObservationSummary,
  PublicProjectSummary,
} from '@madang/contracts';

/** The head as a search engine or a chat-link preview reads it. */
async function head(page: Page) {
  return page.evaluate(() => {
    const content = (selector: string) =>
      document.head.querySelector(selector)?.getAttribute('content') ?? null;
    const jsonLd = document.getElementById('page-jsonld');
    return {
      title: document.title,
      description: content('meta[name="description"]'),
      robots: content('meta[name="robots"]'),
      ogTitle: content('meta[property="og:title"]'),
      ogLocale: content('meta[property="og:locale"]'),
      ogUrl: content('meta[property="og:url"]'),
      canonical: document.head.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
      hreflangs: Array.from(document.head.querySelectorAll('link[rel="alternate"][hreflang]')).map((l) =>
        l.getAttribute('hreflang'),
      ),
      jsonLd: jsonLd ? (JSON.parse(jsonLd.textContent ?? 'null') as Record<string, unknown>) : null,
    };
  });
}

test.describe('findable: titles, Open Graph and structured data', () => {
  test("an asset's page names the asset in og:title and a Place, and follows the language", async ({
    page,
  }) => {
    const assets = (await (await page.request.get('/api/assets?kind=space')).json()) as AssetSummary[];
    const asset = assets.find((a) => a.description.ko && a.description.en) ?? assets[0];
    expect(asset, 'a demo space').toBeTruthy();

    await page.goto(`/catalogue/${asset.id}`);
    await expect(page.getByTestId('asset-name')).toHaveText(asset.name.ko);
    await expect.poll(async () => (await head(page)).ogTitle).toBe(asset.name.ko);
    let meta = await head(page);
    expect(meta.title).toContain(asset.name.ko);
    expect(meta.ogLocale).toBe('ko_KR');
    // Opened without ?lang=: the language-negotiated (x-default) page, canonical to itself.
    expect(meta.canonical).toMatch(new RegExp(`/catalogue/${asset.id}$`));
    expect(meta.ogUrl).toBe(meta.canonical);
    expect(meta.hreflangs).toEqual(['ko', 'en', 'x-default']);
    expect(meta.robots).toBeNull();
    expect(meta.description?.slice(0, 20)).toBe(
      asset.description.ko.replace(/\s+/g, ' ').trim().slice(0, 20),
    );
    expect(meta.jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Place',
      name: asset.name.ko,
    });

    await page.getByTestId('lang-switch').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect.poll(async () => (await head(page)).ogTitle).toBe(asset.name.en);
    meta = await head(page);
    expect(meta.title).toContain(asset.name.en);
    expect(meta.ogLocale).toBe('en_US');
    expect(meta.canonical).toMatch(new RegExp(`/catalogue/${asset.id}$`));
    expect(meta.description?.slice(0, 20)).toBe(
      asset.description.en.replace(/\s+/g, ' ').trim().slice(0, 20),
    );
    expect(meta.jsonLd).toMatchObject({ '@type': 'Place', name: asset.name.en });
    // An address that names its language is that language's canonical page.
    await page.goto(`/catalogue/${asset.id}?lang=en`);
    await expect(page.getByTestId('asset-name')).toHaveText(asset.name.en);
    await expect
      .poll(async () => (await head(page)).canonical)
      .toMatch(new RegExp(`/catalogue/${asset.id}\\?lang=en$`));
    expect((await head(page)).ogUrl).toMatch(/\?lang=en$/);
    // Back to Korean for the next tests in this browser profile; the address stops naming English.
    await page.getByTestId('lang-switch').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page).toHaveURL(new RegExp(`/catalogue/${asset.id}$`));
  });

  test('every public page describes itself: its own title, a description from its data, canonical, JSON-LD', async ({
    page,
  }) => {
    const first = async <T>(url: string) =>
      ((await (await page.request.get(url)).json()) as { items: T[] }).items[0];
    const call = await first<PublicCallSummary>('/api/public/calls');
    const project = await first<PublicProjectSummary>('/api/public/labs/projects');
    // The oldest public observation (demo data): the newest may be one another spec turned into the shared
    // project above, whose summary then repeats its text.
    const observation = (
      (await (await page.request.get('/api/public/observations')).json()) as {
        items: PublicObservationSummary[];
      }
    ).items.at(-1) as PublicObservationSummary;
    const pages: [string, string][] = [
      ['/', '마당에 오신 것을 환영합니다'],
      ['/catalogue', '공간·장비'],
      ['/calls', '공모 안내'],
      [`/calls/${call.id}`, call.title.ko],
      ['/labs', '리빙랩 아카이브'],
      [`/labs/shared/${project.id}`, project.title],
      ['/observations', '시민 관찰'],
      [`/observations/${observation.id}`, observation.title],
    ];
    const descriptions = new Map<string | null, string>();
    for (const [path, title] of pages) {
      await page.goto(path);
      await expect(page.locator('h1').first()).toBeVisible();
      await expect.poll(async () => (await head(page)).jsonLd, { message: path }).not.toBeNull();
      const meta = await head(page);
      expect(meta.ogTitle, path).toContain(title);
      // Opened without ?lang=: each page is its own (x-default) canonical address.
      expect(meta.canonical, path).toMatch(new RegExp(`${path}$`));
      expect(meta.description?.length, path).toBeGreaterThan(10);
      expect(meta.description?.length, path).toBeLessThanOrEqual(150);
      expect(meta.robots, path).toBeNull();
      expect(descriptions.get(meta.description), `${path} repeats the description of`).toBeUndefined();
      descriptions.set(meta.description, path);
    }
  });

  test('a signed-in area is noindex, without canonical or structured data', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.locator('h1').first()).toBeVisible();
    await expect.poll(async () => (await head(page)).robots).toBe('noindex');
    const meta = await head(page);
    expect(meta.canonical).toBeNull();
    expect(meta.jsonLd).toBeNull();
  });

  test('sitemap.xml and robots.txt are served at the root', async ({ request }) => {
    const robots = await request.get('/robots.txt');
    expect(robots.status()).toBe(200);
    expect(await robots.text()).toMatch(/^Sitemap: http.*\/sitemap\.xml$/m);
    const sitemap = await request.get('/sitemap.xml');
    expect(sitemap.headers()['content-type']).toMatch(/^application\/xml/);
    expect(await sitemap.text()).toContain('/catalogue?lang=en</loc>');
  });
});
