import { type Page, expect, test } from '@playwright/test';
import { expectAccessible, signIn, snap, scrollToCalendar, watchConsole } from './support';

/**
 * Issue 13: public pages arrive rendered by the server and the browser adopts them (hydration) instead
 * of drawing them again. The app's scripts are held back until the test has looked at the server's page,
 * so "before any script runs" is a real moment here, not a guess (the app is a module script, which also
 * holds back DOMContentLoaded: the pages are opened with `waitUntil: 'commit'`).
 */
async function holdScripts(page: Page): Promise<() => void> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/(main|chunk)-[A-Z0-9]+\.js$/, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

test('the catalogue shows its rooms before any script runs, then hydrates without redrawing', async ({
  page,
}) => {
  const errors = watchConsole(page);
  const assets = (await (await page.request.get('/api/assets')).json()) as { name: { ko: string } }[];
  const release = await holdScripts(page);
  await page.goto('/catalogue', { waitUntil: 'commit' });
  // Server-rendered: the heading and every room's name are there with no script run yet.
  await expect(page.locator('h1')).toHaveText('공간·장비');
  for (const asset of assets.slice(0, 5)) await expect(page.getByText(asset.name.ko).first()).toBeVisible();
  // Mark the server's DOM nodes; hydration must adopt these very nodes, not replace them.
  await page.evaluate(() => {
    (document.querySelector('h1') as HTMLElement & { __fromServer?: boolean }).__fromServer = true;
  });
  release();
  await page.waitForLoadState('networkidle');
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('h1')).toHaveText('Spaces & equipment');
  expect(
    await page.evaluate(
      () => (document.querySelector('h1') as HTMLElement & { __fromServer?: boolean }).__fromServer,
    ),
    'the heading the server sent is the one the app now updates',
  ).toBe(true);
  expect(errors).toEqual([]);
  await expectAccessible(page, 'server-rendered catalogue after hydration');
});

test('the browser reuses the data the server rendered with: no public API call is made again', async ({
  page,
}) => {
  const apiCalls: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    // The session look-up is the browser's own (the server renders anonymously); anything else the page
    // shows came in the HTML.
    if (path.startsWith('/api/') && !path.startsWith('/api/auth/')) apiCalls.push(path);
  });
  const assets = (await (await page.request.get('/api/assets')).json()) as { id: string; kind: string }[];
  const room = assets.find((a) => a.kind === 'space') as { id: string };
  for (const path of ['/catalogue', `/catalogue/${room.id}`, '/calls']) {
    apiCalls.length = 0;
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('h1')).toBeVisible();
    expect(apiCalls, `${path} fetched again in the browser`).toEqual([]);
  }
});

test('hydration leaves the head the server wrote (title, description, Open Graph, JSON-LD) as it is', async ({
  page,
}) => {
  const errors = watchConsole(page);
  // Every change to the head's tags once the server's HTML is parsed (the app runs after that).
  await page.addInitScript(() => {
    const changes: string[] = [];
    (window as unknown as { headChanges: string[] }).headChanges = changes;
    document.addEventListener('DOMContentLoaded', () =>
      new MutationObserver((records) => {
        for (const r of records) {
          const node = r.target as Element;
          const tag = node.nodeType === Node.ELEMENT_NODE ? node.tagName : node.parentElement?.tagName;
          const added = Array.from(r.addedNodes, (n) => n.nodeName).filter((n) => n !== 'STYLE');
          if (r.type === 'childList' && tag === 'HEAD' && added.length === 0 && r.removedNodes.length === 0)
            continue;
          if (tag !== 'STYLE') changes.push(`${r.type} ${tag} ${r.attributeName ?? added.join(',')}`);
        }
      }).observe(document.head, { subtree: true, childList: true, attributes: true, characterData: true }),
    );
  });
  const assets = (await (await page.request.get('/api/assets')).json()) as {
    id: string;
    kind: string;
    name: { ko: string; en: string };
  }[];
  const room = assets.find((a) => a.kind === 'space') as (typeof assets)[number];
  for (const path of ['/', '/catalogue', `/catalogue/${room.id}`, '/calls']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('h1').first()).toBeVisible();
    expect(
      await page.evaluate(() => (window as unknown as { headChanges: string[] }).headChanges),
      `${path}: the head was written again while hydrating`,
    ).toEqual([]);
  }
  // The language still changes the head, and a page opened in the app gets its own.
  await page.goto(`/catalogue/${room.id}`);
  await expect(page).toHaveTitle(new RegExp(room.name.ko));
  await page.getByTestId('lang-switch').click();
  await expect(page).toHaveTitle(new RegExp(room.name.en));
  await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute('content', 'en_US');
  await page.getByTestId('back').click();
  await expect(page.locator('h1')).toHaveText('Spaces & equipment');
  await expect(page).toHaveTitle(/^Spaces & equipment/);
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  expect(errors).toEqual([]);
});

test('an asset page loads its booking form and FullCalendar only when they are scrolled to', async ({
  page,
}) => {
  const errors = watchConsole(page);
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  const assets = (await (await page.request.get('/api/assets')).json()) as { id: string; kind: string }[];
  const room = assets.find((a) => a.kind === 'space') as { id: string };
  await page.setViewportSize({ width: 390, height: 760 }); // a phone: both are well below the first screen
  await page.goto(`/catalogue/${room.id}`);
  await page.waitForLoadState('networkidle');
  await expect(page.getByTestId('asset-name')).toBeVisible();
  await expect(page.getByTestId('start')).toHaveCount(0);
  await expect(page.locator('.fc')).toHaveCount(0);
  const before = scripts.length;
  await scrollToCalendar(page);
  await expect(page.locator('.fc').first()).toBeVisible();
  expect(scripts.length, 'the calendar brought its own code').toBeGreaterThan(before);
  await page.locator('#asset-pick').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('start')).toBeVisible();
  expect(errors).toEqual([]);
});

test("cards still the server's HTML (off screen) follow a language switch, and so do the filters", async ({
  page,
}) => {
  const errors = watchConsole(page);
  const assets = (await (await page.request.get('/api/assets')).json()) as { name: { en: string } }[];
  await page.setViewportSize({ width: 390, height: 760 }); // most cards below the first screen
  await page.goto('/catalogue');
  await page.waitForLoadState('networkidle');
  await expect(page.getByTestId('filters-toggle')).toHaveText('필터');
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('h1')).toHaveText('Spaces & equipment');
  await expect(page.getByTestId('filters-toggle')).toHaveText('Filters');
  await page.getByTestId('filters-toggle').click();
  await expect(page.locator('form.filters mat-label').first()).toHaveText('Kind');
  // Every card (not only the ones hydrated because they were on screen).
  const last = assets[assets.length - 1] as { name: { en: string } };
  await expect(page.getByTestId('catalogue-list')).toContainText(last.name.en);
  expect(errors).toEqual([]);
});

test('a click made before the app is ready is replayed once it is', async ({ page }) => {
  const errors = watchConsole(page);
  const release = await holdScripts(page);
  await page.goto('/calls', { waitUntil: 'commit' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.locator('h1')).toHaveText('공모 안내');
  await page.getByTestId('lang-switch').click(); // recorded by Angular's event-dispatch contract
  release();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('h1')).toHaveText(/call/i);
  expect(errors).toEqual([]);
});

test('a page opened with ?lang=en is rendered in English by the server, and the choice sticks', async ({
  page,
}) => {
  const errors = watchConsole(page);
  const release = await holdScripts(page);
  await page.goto('/labs?lang=en', { waitUntil: 'commit' });
  await expect(page.locator('h1')).toHaveText('Living-lab archive');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  release();
  await page.waitForLoadState('networkidle');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // Switching in the app sets the cookie; the next server-rendered page comes in Korean.
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  const next = await page.request.get('/observations', { headers: { accept: 'text/html' } });
  expect(await next.text()).toMatch(/<html lang="ko"/);
  expect(errors).toEqual([]);
  await snap(page, 'labs-archive-ssr');
});

test('signed in, a public page hydrates into the signed-in shell and the work pages still open', async ({
  page,
}) => {
  const errors = watchConsole(page);
  await signIn(page, 'resident@madang.local');
  await page.goto('/catalogue');
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.locator('a[href^="/catalogue/"]').first().click();
  await scrollToCalendar(page);
  await expect(page.locator('.fc').first()).toBeVisible();
  await page.goto('/bookings');
  await expect(page.locator('h1')).toBeVisible();
  expect(errors).toEqual([]);
});

test('pages that hydrate without Intl do not start it; a page that needs it starts it in a task of its own', async ({
  page,
}) => {
  // Every use of the browser's international components (ICU: the first one costs a phone 60–90 ms), with
  // whether main.ts's warm-up (performance mark `madang:intl-warm-up`) had run by then.
  await page.addInitScript(() => {
    const uses: { what: string; afterWarmUp: boolean }[] = [];
    (window as unknown as { intlUses: typeof uses }).intlUses = uses;
    const record = (what: string) =>
      uses.push({ what, afterWarmUp: performance.getEntriesByName('madang:intl-warm-up').length > 0 });
    for (const name of ['DateTimeFormat', 'NumberFormat', 'Collator', 'RelativeTimeFormat'] as const) {
      const Original = Intl[name] as unknown as { new (...args: unknown[]): object; prototype: object };
      const Wrapped = function (...args: unknown[]) {
        record(name);
        return new Original(...args);
      };
      Object.setPrototypeOf(Wrapped, Original);
      Wrapped.prototype = Original.prototype;
      (Intl as unknown as Record<string, unknown>)[name] = Wrapped;
    }
    const wrap = <T extends object>(target: T, method: keyof T & string) => {
      const original = target[method] as unknown as (...args: unknown[]) => unknown;
      (target as Record<string, unknown>)[method] = function (this: unknown, ...args: unknown[]) {
        record(method);
        return original.apply(this, args);
      };
    };
    wrap(String.prototype, 'localeCompare');
    wrap(Number.prototype, 'toLocaleString');
    wrap(Date.prototype, 'toLocaleString');
    wrap(Date.prototype, 'toLocaleDateString');
    wrap(Date.prototype, 'toLocaleTimeString');
  });
  const uses = () =>
    page.evaluate(
      () => (window as unknown as { intlUses: { what: string; afterWarmUp: boolean }[] }).intlUses,
    );
  const warmedUp = () => page.evaluate(() => performance.getEntriesByName('madang:intl-warm-up').length > 0);
  const assets = (await (await page.request.get('/api/assets')).json()) as { id: string; kind: string }[];
  const calls = (await (await page.request.get('/api/public/calls?scope=open&limit=1')).json()) as {
    items: { id: string }[];
  };
  const hydrated = async () => {
    await page.waitForLoadState('networkidle');
    // Hydration takes the root's `ngh` attribute (the server's map of its DOM) away.
    await expect(page.locator('app-root')).not.toHaveAttribute('ngh');
    await expect(page.locator('h1').first()).toBeVisible();
  };

  // The home page, the catalogue and every asset page: nothing formatted until someone reaches for it.
  const paths = ['/', '/catalogue', ...assets.map((a) => `/catalogue/${a.id}`)];
  for (const path of paths) {
    await page.goto(path);
    await hydrated();
    expect(await uses(), `${path} used Intl while starting`).toEqual([]);
    expect(await warmedUp(), `${path} warmed Intl up`).toBe(false);
  }

  // A call page formats its deadline while hydrating: the warm-up comes first, in main.ts.
  await page.goto(`/calls/${calls.items[0].id}`);
  await hydrated();
  const onCallPage = await uses();
  expect(onCallPage.length).toBeGreaterThan(1);
  expect(
    onCallPage.every((use) => use.afterWarmUp),
    JSON.stringify(onCallPage),
  ).toBe(true);

  // Reaching for a card hydrates it: the catalogue still formats and sorts as before.
  await page.goto('/catalogue?lang=en');
  await hydrated();
  await page.getByTestId('catalogue-list').locator('a').first().hover();
  await expect(page.getByTestId('catalogue-list').locator('[data-testid^="seat-"]').first()).toBeVisible();
  const seats = await page
    .getByTestId('catalogue-list')
    .locator('[data-testid^="seat-"] span')
    .allTextContents();
  expect(seats.length).toBeGreaterThan(2);
  const numbers = seats.map((s) => Number(/\d+/.exec(s)?.[0]));
  expect(numbers, 'seats in natural order').toEqual([...numbers].sort((a, b) => a - b));
});
