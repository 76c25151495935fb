import { DOCUMENT, isPlatformBrowser } from '@angular/common';
import { type EnvironmentProviders, PLATFORM_ID, inject, provideEnvironmentInitializer } from '@angular/core';
import { FONT_FACES_STYLE_ID, FONTS_COOKIE } from '@madang/contracts';

/**
 * A first visit draws with the system's Korean font: the API sends the page's Pretendard @font-face rules
 * disabled until this browser has the files (FONTS_COOKIE, apps/api/src/core/web-app.ts). Once the page
 * has loaded and the browser is idle, this fetches the files of the faces that draw the page's text (at
 * low priority, into the HTTP cache, where they stay a year) and sets the cookie: the next page the server
 * sends has the rules on, and its first paint is in Pretendard, from the cache (`font-display: fallback`
 * gives a cached file the 100 ms it needs).
 */
export function provideFontWarmup(): EnvironmentProviders {
  return provideEnvironmentInitializer(() => {
    if (!isPlatformBrowser(inject(PLATFORM_ID))) return;
    const doc = inject(DOCUMENT);
    const win = doc.defaultView;
    if (!win || !deferredStyle(doc)) return;
    const start = () => {
      const idle = win.requestIdleCallback ?? ((run: () => void) => win.setTimeout(run, 1_000));
      idle(() => void warmUpFonts(doc), { timeout: 10_000 });
    };
    if (doc.readyState === 'complete') start();
    else win.addEventListener('load', start, { once: true });
  });
}

/** One @font-face rule: its file and the characters it draws. */
export interface FaceFile {
  readonly url: string;
  /** The rule's unicode-range, as CSS writes it (`U+20-7e, U+ac00`). */
  readonly range: string;
}

/** The intervals of a unicode-range value (`U+20-7e, U+ac00` → [[0x20, 0x7e], [0xac00, 0xac00]]). */
export function rangeIntervals(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [from, to] = part
      .trim()
      .replace(/^U\+/i, '')
      .split('-')
      .map((hex) => parseInt(hex, 16));
    return [from, to ?? from];
  });
}

/**
 * The files of the faces that draw some character of `text` (whitespace aside), each once, in rule order.
 * One sorted list of every face's intervals, searched by halves: a few thousand intervals and a few
 * hundred characters take well under a millisecond (this runs on the main thread after the page loads).
 */
export function filesFor(faces: readonly FaceFile[], text: string): string[] {
  const intervals = faces
    .flatMap((face, index) => rangeIntervals(face.range).map(([from, to]) => ({ from, to, index })))
    .sort((a, b) => a.from - b.from);
  const used = new Set<number>();
  for (const char of new Set(text.replace(/\s+/g, ''))) {
    const point = char.codePointAt(0) as number;
    // The last interval starting at or before the point; faces' ranges do not overlap.
    let low = 0;
    let high = intervals.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (intervals[middle].from <= point) low = middle;
      else high = middle - 1;
    }
    const found = intervals[low];
    if (found && found.from <= point && point <= found.to) used.add(found.index);
  }
  return faces
    .filter((_, index) => used.has(index))
    .map((face) => face.url)
    .filter((url, i, all) => all.indexOf(url) === i);
}

/** The page's font <style> when the server sent it disabled, else null (rules on, or none). */
function deferredStyle(doc: Document): HTMLStyleElement | null {
  const style = doc.getElementById(FONT_FACES_STYLE_ID);
  return style instanceof HTMLStyleElement && style.media === 'not all' && style.sheet ? style : null;
}

/** The faces of the page's disabled font <style>; null when the rules are on (or the page has none). */
export function deferredFaces(doc: Document): FaceFile[] | null {
  const style = deferredStyle(doc);
  if (!style?.sheet) return null;
  const faces: FaceFile[] = [];
  for (const rule of Array.from(style.sheet.cssRules)) {
    if (!rule.cssText.startsWith('@font-face')) continue;
    const { style: face } = rule as CSSFontFaceRule;
    const url = /url\(["']?([^"')]+)["']?\)/.exec(face.getPropertyValue('src'))?.[1];
    const range = face.getPropertyValue('unicode-range');
    if (url && range) faces.push({ url, range });
  }
  return faces;
}

/**
 * The text of the page's body, scripts and styles aside. Read from the text nodes, not `innerText`: that
 * would lay the page out first, a long task on a phone.
 */
export function pageText(doc: Document): string {
  if (!doc.body) return '';
  const skip = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (!skip.has(node.parentElement?.tagName ?? '')) parts.push(node.nodeValue ?? '');
  return parts.join('');
}

/**
 * Fetches the files the page's text needs, then sets FONTS_COOKIE to the faces' hash (the style's
 * `data-fonts`). A file that fails leaves the cookie unset (the next page tries again); nothing is thrown:
 * fonts are never worth an error.
 */
export async function warmUpFonts(doc: Document): Promise<void> {
  const faces = deferredFaces(doc);
  const set = deferredStyle(doc)?.dataset['fonts'];
  if (!faces || !set || !/^[0-9a-f]+$/.test(set)) return;
  const urls = filesFor(faces, pageText(doc));
  try {
    const answers = await Promise.all(
      urls.map((url) => fetch(url, { priority: 'low', credentials: 'same-origin' } as RequestInit)),
    );
    // Read to the end: a body left unread may not be stored in the cache.
    await Promise.all(answers.map((answer) => answer.arrayBuffer()));
    if (answers.some((answer) => !answer.ok)) return;
  } catch {
    return;
  }
  const secure = doc.location?.protocol === 'https:' ? '; Secure' : '';
  doc.cookie = `${FONTS_COOKIE}=${set}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
}
