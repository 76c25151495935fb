// Measures the JavaScript the first page downloads: serves a production build of the web app
// (without the API, so the visitor is anonymous), opens `/` in Chromium and sums every .js
// response, raw and gzipped (level 9). Usage:
//   node e2e/web/tools/first-page-bytes.mjs [dist/apps/web/browser] [path]
import { chromium } from '@playwright/test';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(process.argv[2] ?? 'dist/apps/web/browser');
const path = process.argv[3] ?? '/';
const types = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.svg': 'image/svg+xml' };

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname.startsWith('/api/')) {
    res.writeHead(401, { 'content-type': 'application/problem+json' });
    res.end(
      JSON.stringify({
        type: 'about:blank',
        title: 'unauthenticated',
        status: 401,
        detail: '',
        code: 'unauthenticated',
      }),
    );
    return;
  }
  let file = join(root, url.pathname);
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const { port } = server.address();

const browser = await chromium.launch({
  executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
const scripts = new Map();
page.on('response', async (response) => {
  const name = new URL(response.url()).pathname;
  if (name.endsWith('.js')) scripts.set(name, await response.body());
});
await page.goto(`http://127.0.0.1:${port}${path}`, { waitUntil: 'networkidle' });
await page.waitForSelector('h1');
await page.waitForTimeout(500);
await browser.close();
server.close();

let raw = 0;
let gzip = 0;
for (const [name, body] of [...scripts].sort()) {
  const zipped = gzipSync(body, { level: 9 }).length;
  raw += body.length;
  gzip += zipped;
  console.log(`${name.padEnd(28)} ${String(body.length).padStart(9)} ${String(zipped).padStart(8)}`);
}
console.log(`first page ${path}: ${scripts.size} JS files, ${raw} bytes raw, ${gzip} bytes gzip`);
