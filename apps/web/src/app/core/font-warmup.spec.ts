import { FONT_FACES_STYLE_ID } from '@madang/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deferredFaces, facesIn, filesFor, pageText, rangeIntervals } from './font-warmup';

const faces = [
  { url: '/fonts/latin.woff2', range: 'U+20-7E, U+A0' },
  { url: '/fonts/ma.woff2', range: 'U+B9C8, U+B9CC-B9CF' },
  { url: '/fonts/dang.woff2', range: 'U+B2F9' },
  { url: '/fonts/rare.woff2', range: 'U+D7A0-D7A3' },
];

describe('the first visit’s font warm-up', () => {
  it('reads unicode-range values as CSS writes them', () => {
    expect(rangeIntervals('U+20-7E, U+A0')).toEqual([
      [0x20, 0x7e],
      [0xa0, 0xa0],
    ]);
    expect(rangeIntervals('u+ac00')).toEqual([[0xac00, 0xac00]]);
    expect(rangeIntervals('U+1F600-1F64F,U+0')).toEqual([
      [0x1f600, 0x1f64f],
      [0, 0],
    ]);
  });

  it('fetches only the files that draw the page’s text, each once', () => {
    expect(filesFor(faces, '마당 Madang 마당')).toEqual([
      '/fonts/latin.woff2',
      '/fonts/ma.woff2',
      '/fonts/dang.woff2',
    ]);
    expect(filesFor(faces, '  \n ')).toEqual([]);
    // Characters no face draws (below, between and above the ranges) ask for nothing.
    expect(filesFor(faces, '\u0010\u00ff\uffff😀')).toEqual([]);
    expect(filesFor(faces, '\ud7a3~')).toEqual(['/fonts/latin.woff2', '/fonts/rare.woff2']);
    expect(filesFor([], '마')).toEqual([]);
    // A character outside the basic plane counts once, as itself (not as its two halves).
    expect(filesFor([{ url: '/fonts/emoji.woff2', range: 'U+1F600' }], 'a😀')).toEqual([
      '/fonts/emoji.woff2',
    ]);
    // Two faces of one file: fetched once.
    expect(filesFor([...faces, { url: '/fonts/ma.woff2', range: 'U+B000' }], '마\ub000')).toEqual([
      '/fonts/ma.woff2',
    ]);
  });

  it('reads the faces of the rules the fonts tool writes', () => {
    const css =
      `@font-face{font-family:'Pretendard Variable';font-weight:45 920;font-display:fallback;` +
      `src:url(/fonts/ma.woff2) format('woff2-variations');unicode-range:U+B9C8,U+B9CC-B9CF}` +
      `@font-face { src: url("/fonts/latin.woff2") format("woff2"); unicode-range: U+20-7E }` +
      `@font-face{font-family:'No range';src:url(/fonts/all.woff2)}`;
    expect(facesIn(css)).toEqual([
      { url: '/fonts/ma.woff2', range: 'U+B9C8,U+B9CC-B9CF' },
      { url: '/fonts/latin.woff2', range: 'U+20-7E' },
    ]);
    expect(facesIn('')).toEqual([]);
  });

  it('finds the faces only when the server sent them disabled: from the file it points at, or inline', async () => {
    const rule = `@font-face{font-family:'P';src:url(/fonts/ma.woff2) format('woff2');unicode-range:U+B9C8}`;
    const fetched: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (url: string) => {
      fetched.push(url);
      const ok = url === '/faces.css';
      return { ok, status: ok ? 200 : 404, text: async () => (ok ? rule : '') };
    }) as typeof fetch;
    try {
      document.head.innerHTML = `<style id="${FONT_FACES_STYLE_ID}" data-fonts="0a1b2c3d4e" data-href="/faces.css" media="not all"></style>`;
      expect(await deferredFaces(document)).toEqual([{ url: '/fonts/ma.woff2', range: 'U+B9C8' }]);
      expect(fetched).toEqual(['/faces.css']);
      document.head.innerHTML = `<style id="${FONT_FACES_STYLE_ID}" data-fonts="0a1b2c3d4e" data-href="/gone.css" media="not all"></style>`;
      expect(await deferredFaces(document)).toBeNull();
      document.head.innerHTML = `<style id="${FONT_FACES_STYLE_ID}" data-fonts="0a1b2c3d4e" media="not all">${rule}</style>`;
      expect(await deferredFaces(document)).toEqual([{ url: '/fonts/ma.woff2', range: 'U+B9C8' }]);
      document.head.innerHTML = `<style id="${FONT_FACES_STYLE_ID}" data-fonts="0a1b2c3d4e">${rule}</style>`;
      expect(await deferredFaces(document)).toBeNull();
      document.head.innerHTML = '';
      expect(await deferredFaces(document)).toBeNull();
      expect(fetched).toEqual(['/faces.css', '/gone.css']);
    } finally {
      globalThis.fetch = realFetch;
      document.head.innerHTML = '';
    }
  });

  it('finds every face of index.html', () => {
    const html = readFileSync(join(__dirname, '../../index.html'), 'utf8');
    const css =
      new RegExp(`<style id="${FONT_FACES_STYLE_ID}"[^>]*>([\\s\\S]*?)</style>`).exec(html)?.[1] ?? '';
    const faces = facesIn(css);
    expect(faces).toHaveLength((css.match(/@font-face/g) ?? []).length);
    expect(faces.length).toBeGreaterThan(20);
    for (const face of faces) {
      expect(face.url).toMatch(/^\/fonts\/pretendard-[\d.]+\/.+\.woff2$/);
      expect(face.range).toMatch(/^U\+[0-9a-f]/i);
    }
  });

  it('reads the page’s text, not its scripts’ or styles’', () => {
    document.body.innerHTML =
      '<h1>마당</h1><p>Madang <b>센터</b></p><script type="application/json">{"x":"숨김"}</script>' +
      '<style>p::after{content:"없음"}</style>';
    expect(pageText(document)).toBe('마당Madang 센터');
    document.body.innerHTML = '';
  });

  it('names the style element index.html really has', () => {
    const html = readFileSync(join(__dirname, '../../index.html'), 'utf8');
    // The API matches this tag, hash and all (withFontFaces in apps/api/src/core/web-app.ts).
    expect(html).toMatch(new RegExp(`<style id="${FONT_FACES_STYLE_ID}" data-fonts="[0-9a-f]{10}">`));
  });
});
