import { get, type IncomingHttpHeaders } from 'node:http';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { MadangClient } from '@madang/testing';
import sharp from 'sharp';
import {
  CSRF_COOKIE,
  CSRF_HEADER,
  FONT_FACES_STYLE_ID,
  FONTS_COOKIE,
  type MeResponse,
  SESSION_COOKIE,
} from '@madang/contracts';

const baseUrl = () => process.env['E2E_BASE_URL'] as string;

interface Named {
  readonly id: string;
  readonly name: { ko: string; en: string };
}
interface PublicCall {
  readonly id: string;
  readonly title: { ko: string; en: string };
}

async function page(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${baseUrl()}${path}`, { headers: { accept: 'text/html', ...headers } });
  return { res, html: await res.text() };
}

/** The part of the page a person sees, without the state Angular hands to the browser. */
const visible = (html: string) => html.replace(/<script\b[\s\S]*?<\/script>/g, '');

/** Issue 13: public pages arrive with their content, before any script runs. */
describe('server-rendered public pages (built app over HTTP)', () => {
  let assets: Named[];
  let call: PublicCall;

  beforeAll(async () => {
    const client = new MadangClient(baseUrl());
    assets = (await client.get<Named[]>('/api/assets')).body;
    call = (await client.get<{ items: PublicCall[] }>('/api/public/calls')).body.items[0] as PublicCall;
    expect(assets.length).toBeGreaterThan(3);
    expect(call).toBeDefined();
  });

  it('renders the catalogue with every asset name in Korean, and in English with ?lang=en', async () => {
    const ko = await page('/catalogue');
    expect(ko.res.status).toBe(200);
    expect(ko.html).toMatch(/<html lang="ko"/);
    for (const asset of assets) expect(visible(ko.html)).toContain(asset.name.ko);
    const en = await page('/catalogue?lang=en');
    expect(en.html).toMatch(/<html lang="en"/);
    for (const asset of assets) expect(visible(en.html)).toContain(asset.name.en);
  });

  it('follows the remembered language cookie, then Accept-Language', async () => {
    const byCookie = await page('/catalogue', { cookie: 'madang_locale=en', 'accept-language': 'ko-KR' });
    expect(byCookie.html).toMatch(/<html lang="en"/);
    const byHeader = await page('/catalogue', { 'accept-language': 'en-US,en;q=0.9' });
    expect(byHeader.html).toMatch(/<html lang="en"/);
    expect(byHeader.res.headers.get('vary')).toMatch(/Accept-Language/);
    expect(byHeader.res.headers.get('vary')).toMatch(/Cookie/);
  });

  it('renders an asset page and a call page with their own names', async () => {
    const asset = assets[0] as Named;
    const assetPage = await page(`/catalogue/${asset.id}`);
    expect(assetPage.res.status).toBe(200);
    expect(visible(assetPage.html)).toMatch(new RegExp(`<h1[^>]*>\\s*${escape(asset.name.ko)}`));
    const callPage = await page(`/calls/${call.id}?lang=en`);
    expect(visible(callPage.html)).toMatch(new RegExp(`<h1[^>]*>\\s*${escape(call.title.en)}`));
  });

  it('gives a room with a photo an Open Graph image a chat app can show: a 1200×630 JPEG', async () => {
    // The demo rooms have no photos: staff add one, as in the catalogue editor.
    const staff = new MadangClient(baseUrl());
    await staff.login('approver@madang.local', 'madang-demo');
    await staff.get('/api/auth/csrf');
    const withPhoto = assets[0] as Named;
    const jpeg = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#2a7f62' } })
      .jpeg()
      .toBuffer();
    const form = new FormData();
    form.append('photo', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'room.jpg');
    const upload = await fetch(`${baseUrl()}/api/assets/${withPhoto.id}/photos`, {
      method: 'POST',
      body: form,
      headers: {
        cookie: [SESSION_COOKIE, CSRF_COOKIE].map((name) => `${name}=${staff.cookie(name)}`).join('; '),
        [CSRF_HEADER]: staff.cookie(CSRF_COOKIE) as string,
      },
    });
    expect(upload.status).toBeLessThan(300);
    const { html } = await page(`/catalogue/${(withPhoto as Named).id}`);
    const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1] as string;
    expect(image).toMatch(new RegExp(`/api/assets/${(withPhoto as Named).id}/og\\.jpg$`));
    expect(html).toContain('<meta property="og:image:width" content="1200">');
    const res = await fetch(new URL(new URL(image).pathname, baseUrl()));
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 630]);
  });

  it('renders the living-lab archive and the observations list on the server', async () => {
    for (const path of ['/', '/calls', '/labs', '/observations']) {
      const { res, html } = await page(path);
      expect(res.status).toBe(200);
      expect(visible(html)).toMatch(/<h1[^>]*>[^<]+/);
    }
  });

  it('renders the phone layout for a phone (client hint or User-Agent), the wide one otherwise', async () => {
    const toggle = /data-testid="nav-toggle"/;
    const hinted = await page('/catalogue', { 'sec-ch-ua-mobile': '?1' });
    expect(hinted.html).toMatch(toggle);
    const android = await page('/catalogue', {
      'user-agent': 'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) Chrome/130.0 Mobile Safari/537.36',
    });
    expect(android.html).toMatch(toggle);
    expect(android.res.headers.get('vary')).toMatch(/Sec-CH-UA-Mobile/);
    const desktop = await page('/catalogue', { 'sec-ch-ua-mobile': '?0' });
    expect(desktop.html).not.toMatch(toggle);
  });

  it('leaves signed-in pages to the browser: the shell only, no data', async () => {
    const { res, html } = await page('/settlement');
    expect(res.status).toBe(200);
    expect(html).not.toMatch(/<h1/);
    expect(html).toMatch(/<app-root/);
  });

  it('renders anonymously even for a signed-in visitor (no personal data in server HTML)', async () => {
    const resident = new MadangClient(baseUrl());
    await resident.login('resident@madang.local', 'madang-demo');
    const session = resident.cookie(SESSION_COOKIE) as string;
    const me = (await resident.get<MeResponse>('/api/auth/me')).body;
    expect(session).toBeTruthy();
    // The shell greets a signed-in resident by name once the browser knows the session.
    const { html } = await page('/', { cookie: `${SESSION_COOKIE}=${session}` });
    expect(html).not.toContain(me.displayName);
    expect(html).not.toContain(me.email);
  });

  it('lets only its own inline scripts run: each carries the answer’s CSP nonce', async () => {
    const { res, html } = await page('/catalogue');
    const csp = res.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
      ([, attributes, body]) => !/\bsrc=/.test(attributes as string) && (body as string).trim() !== '',
    );
    const executable = inline.filter(
      ([, attributes]) => !/type="application\/(?:ld\+)?json"/.test(attributes as string),
    );
    expect(executable.length).toBeGreaterThan(0);
    for (const [, attributes] of executable) expect(attributes).toContain(`nonce="${nonce}"`);
    const again = await page('/catalogue');
    expect(/'nonce-([^']+)'/.exec(again.res.headers.get('content-security-policy') ?? '')?.[1]).not.toBe(
      nonce,
    );
  });

  it('compresses pages and scripts, and caches hashed files for a year', async () => {
    const res = await fetch(`${baseUrl()}/catalogue`, {
      headers: { accept: 'text/html', 'accept-encoding': 'br' },
    });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const script = /<script src="(main-[A-Z0-9]+\.js)"/.exec(await res.text())?.[1];
    expect(script).toBeTruthy();
    const js = await fetch(`${baseUrl()}/${script}`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('content-encoding')).toMatch(/br|gzip/);
  });

  it('sends scripts compressed once at brotli’s best, gzip to a client without brotli', async () => {
    const html = await (await fetch(`${baseUrl()}/catalogue`, { headers: { accept: 'text/html' } })).text();
    const scripts = [...html.matchAll(/(?:src|href)="((?:main|chunk)-[A-Z0-9]+\.js)"/g)].map((m) => m[1]);
    const raw = (path: string, encoding: string) =>
      new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        get(`${baseUrl()}/${path}`, { headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    let checked = 0;
    for (const script of new Set(scripts)) {
      const plain = await raw(script, 'identity');
      if (plain.body.length < 1024) continue;
      const br = await raw(script, 'gzip, deflate, br');
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(br.headers['vary']).toContain('Accept-Encoding');
      expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
      const q6 = brotliCompressSync(plain.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } });
      expect(br.body.length).toBeLessThan(q6.length);
      const gz = await raw(script, 'gzip');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });

  it('starts every script of the page with the V8 compile hint (compiled off the main thread as it downloads)', async () => {
    const html = await (await fetch(`${baseUrl()}/catalogue`, { headers: { accept: 'text/html' } })).text();
    // The first page's scripts and the ones they import (the catalogue's own chunk among them).
    const scripts = [...html.matchAll(/(?:src|href)="((?:main|chunk)-[A-Z0-9]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(3);
    for (const script of new Set(scripts)) {
      const js = await (await fetch(`${baseUrl()}/${script}`)).text();
      expect(js.slice(0, js.indexOf('\n'))).toBe('//# allFunctionsCalledOnLoad');
    }
  });

  it('sends the faces only to a browser whose cookie names their set; the others get them as a file', async () => {
    const style = async (path: string, cookie?: string) => {
      const { html } = await page(path, cookie ? { cookie } : {});
      const found = new RegExp(
        `<style id="${FONT_FACES_STYLE_ID}" data-fonts="([0-9a-f]{10})"([^>]*)>([\\s\\S]*?)</style>`,
      ).exec(html);
      return {
        set: found?.[1] ?? '',
        attributes: found?.[2],
        faces: (found?.[3].match(/@font-face/g) ?? []).length,
      };
    };
    // A first visit: no rules in the page, a disabled style pointing at them.
    const first = await style('/catalogue');
    expect(first.attributes).toBe(` data-href="/${FONT_FACES_STYLE_ID}.${first.set}.css" media="not all"`);
    expect(first.faces).toBe(0);
    // The file: the very rules, a year in the cache (the hash names them), compressed like any stylesheet.
    const file = await fetch(`${baseUrl()}/${FONT_FACES_STYLE_ID}.${first.set}.css`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-encoding')).toBe('gzip');
    const css = await file.text();
    // The browser with the files: the same rules, on, in the page.
    const returning = await style('/catalogue', `${FONTS_COOKIE}=${first.set}`);
    expect(returning).toEqual({ set: first.set, attributes: '', faces: 28 });
    const { html } = await page('/catalogue', { cookie: `${FONTS_COOKIE}=${first.set}` });
    expect(html).toContain(css);
    expect(css.match(/@font-face/g)).toHaveLength(28);
    // A cookie from an earlier set of faces (other files): left out again, until the new files are fetched.
    expect((await style('/catalogue', `${FONTS_COOKIE}=0123456789`)).faces).toBe(0);
    // Pages the browser draws itself (signed-in work) come the same way.
    expect(await style('/bookings')).toEqual(first);
    expect((await style('/bookings', `${FONTS_COOKIE}=${first.set}`)).faces).toBe(28);
    // Another set's file does not exist.
    expect(
      (await fetch(`${baseUrl()}/${FONT_FACES_STYLE_ID}.0123456789.css`)).headers.get('content-type'),
    ).not.toMatch(/text\/css/);
  });

  it('declares the Pretendard faces once, in the page, and serves their files for a year', async () => {
    const withFonts = async (path: string) => {
      const first = await page(path);
      const set = new RegExp(`data-fonts="([0-9a-f]{10})"`).exec(first.html)?.[1];
      return (await page(path, { cookie: `${FONTS_COOKIE}=${set}` })).html;
    };
    const html = await withFonts('/catalogue');
    const faces = html.match(/@font-face\s*{[^}]*}/g) ?? [];
    expect(faces).toHaveLength(28);
    // Loaded again by the global stylesheet, they made the browser lay the whole page out a second time.
    const styles = /<link rel="stylesheet" href="(styles-[A-Z0-9]+\.css)"/.exec(html)?.[1];
    expect(styles).toBeTruthy();
    const css = await (await fetch(`${baseUrl()}/${styles}`)).text();
    expect(css).toContain('--mat-sys-primary'); // the real stylesheet
    expect(css).not.toContain('@font-face');
    // Every face's file: the package's slices and the files the build merged from its rarer ones.
    const files = faces.map((face) => /url\((\/fonts\/pretendard-[\d.]+\/[^)]+\.woff2)\)/.exec(face)?.[1]);
    expect(files.filter((f) => /\.slices-\d+-\d+\.[0-9a-f]+\.woff2$/.test(f ?? ''))).toHaveLength(8);
    for (const file of files) {
      const font = await fetch(`${baseUrl()}${file}`);
      expect(font.status).toBe(200);
      expect(font.headers.get('content-type')).toBe('font/woff2');
      expect(font.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const bytes = Buffer.from(await font.arrayBuffer());
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('wOF2');
      expect(bytes.byteLength).toBeGreaterThan(1000);
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
