// The public pages the Lighthouse tier measures, found through the public (anonymous) API, and the checks of
// their raw HTML (what a search engine or a chat-link preview sees before any script runs).

async function getJson(base, path) {
  const response = await fetch(`${base}${path}`, {
    headers: { accept: 'application/json', 'accept-language': 'ko' },
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return response.json();
}

/**
 * `/`, `/catalogue`, one demo room's page and one open call's page. Each entry: `{ key, label, path }`,
 * plus what the raw-HTML check looks for. The label names the page in lines and the table (ids vary per run).
 */
export async function findPages(base) {
  const assets = await getJson(base, '/api/assets');
  const rooms = assets.filter((a) => a.kind === 'space' && a.active);
  // A room with a photo when there is one: its page has the most to show (and an og:image to offer).
  const room = rooms.find((a) => a.photoIds.length > 0) ?? rooms[0];
  if (!room) throw new Error('the public catalogue (GET /api/assets) lists no active room');
  const calls = await getJson(base, '/api/public/calls?scope=open&limit=1');
  const call = calls.items[0];
  if (!call) throw new Error('no open call in GET /api/public/calls?scope=open');
  return [
    { key: 'home', label: '/', path: '/' },
    {
      key: 'catalogue',
      label: '/catalogue',
      path: '/catalogue',
      html: { texts: assets.map((a) => a.name.ko), what: 'asset names' },
    },
    {
      key: 'asset',
      label: '/catalogue/:id',
      path: `/catalogue/${room.id}`,
      html: { texts: [room.name.ko], what: 'the room name', ogTitle: room.name.ko },
    },
    {
      key: 'call',
      label: '/calls/:id',
      path: `/calls/${call.id}`,
      html: { texts: [call.title.ko], what: 'the call title', ogTitle: call.title.ko },
    },
  ];
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** HTML text with its character references decoded (enough for names and titles). */
export function decodeHtml(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** The content of `<meta property="og:title" content="…">` (either attribute order), or null. */
export function ogTitle(html) {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    if (!/\bproperty\s*=\s*["']og:title["']/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    return content ? decodeHtml(content[1] ?? content[2]).trim() : '';
  }
  return null;
}

/**
 * Checks one page's raw HTML: the expected texts present in its markup, an og:title (containing `ogTitle` when given).
 * Returns a list of problems (empty when the page passes), each a short sentence.
 */
export function checkHtml(html, { texts, what, ogTitle: expectedTitle }) {
  const problems = [];
  // The body's markup only: the head's title and meta tags, Angular's transfer state (<script id="ng-state">)
  // and JSON-LD carry the same names, but a reader of the page does not see them there.
  const body = /<body\b/i.exec(html);
  const markup = html
    .slice(body ? body.index : 0)
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<style\b[\s\S]*?<\/style\s*>/gi, '');
  const decoded = decodeHtml(markup);
  const unique = [...new Set(texts)];
  const missing = unique.filter((text) => !decoded.includes(text));
  if (missing.length) {
    const examples = missing
      .slice(0, 3)
      .map((t) => `"${t}"`)
      .join(', ');
    problems.push(`${what}: ${missing.length} of ${unique.length} missing (e.g. ${examples})`);
  }
  const title = ogTitle(html);
  if (title === null) problems.push('og:title: no <meta property="og:title">');
  else if (!title) problems.push('og:title: empty');
  else if (expectedTitle && !title.includes(expectedTitle))
    problems.push(`og:title: "${title}" does not name "${expectedTitle}"`);
  return problems;
}

/** Fetches each page's HTML as a crawler would (no script, Korean) and checks it. */
export async function checkRawHtml(base, pages) {
  const results = [];
  for (const page of pages.filter((p) => p.html)) {
    let problems;
    try {
      const response = await fetch(`${base}${page.path}`, {
        headers: { accept: 'text/html', 'accept-language': 'ko' },
        signal: AbortSignal.timeout(30_000),
      });
      const html = await response.text();
      problems = response.ok ? checkHtml(html, page.html) : [`status ${response.status}`];
    } catch (error) {
      problems = [`fetch failed: ${error.message}`];
    }
    results.push({ page: page.label, path: page.path, problems });
  }
  return results;
}
