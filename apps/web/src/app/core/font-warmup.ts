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
    const nextIdle = () =>
      new Promise<void>((resolve) =>
        win.requestIdleCallback
          ? win.requestIdleCallback(() => resolve(), { timeout: 10_000 })
          : win.setTimeout(resolve, 200),
      );
    const start = () => void nextIdle().then(() => warmUpFonts(doc, nextIdle));
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

/** One interval of a face's unicode-range, with the face's index. */
interface Interval {
  readonly from: number;
  readonly to: number;
  readonly face: number;
}

/** The intervals of a unicode-range value (`U+20-7e, U+ac00` → [[0x20, 0x7e], [0xac00, 0xac00]]). */
export function rangeIntervals(range: string): [number, number][] {
  const intervals: [number, number][] = [];
  for (const [, from, to] of range.matchAll(/U\+([0-9a-f]+)(?:-([0-9a-f]+))?/gi)) {
    const start = parseInt(from, 16);
    intervals.push([start, to ? parseInt(to, 16) : start]);
  }
  return intervals;
}

/** Every face's intervals in one list, sorted by start (faces' ranges do not overlap). */
export function faceIntervals(faces: readonly FaceFile[]): Interval[] {
  return faces
    .flatMap((face, index) => rangeIntervals(face.range).map(([from, to]) => ({ from, to, face: index })))
    .sort((a, b) => a.from - b.from);
}

/** The code points of `text`, whitespace and control characters aside, each once. */
export function codePoints(text: string): Set<number> {
  const points = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const point = text.codePointAt(i) as number;
    if (point > 0xffff) i++;
    if (point > 0x20) points.add(point);
  }
  return points;
}

/** The files of the faces that draw some of `points`, each once, in rule order (searched by halves). */
export function filesDrawing(
  faces: readonly FaceFile[],
  intervals: readonly Interval[],
  points: Set<number>,
) {
  const used = new Set<number>();
  for (const point of points) {
    // The last interval starting at or before the point.
    let low = 0;
    let high = intervals.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (intervals[middle].from <= point) low = middle;
      else high = middle - 1;
    }
    const found = intervals[low];
    if (found && found.from <= point && point <= found.to) used.add(found.face);
  }
  return faces
    .filter((_, index) => used.has(index))
    .map((face) => face.url)
    .filter((url, i, all) => all.indexOf(url) === i);
}

/** The files of the faces that draw some character of `text`, each once, in rule order. */
export function filesFor(faces: readonly FaceFile[], text: string): string[] {
  return filesDrawing(faces, faceIntervals(faces), codePoints(text));
}

/** The page's font <style> when the server sent it disabled, else null (rules on, or none). */
function deferredStyle(doc: Document): HTMLStyleElement | null {
  const style = doc.getElementById(FONT_FACES_STYLE_ID);
  return style instanceof HTMLStyleElement && style.media === 'not all' ? style : null;
}

/** The faces of a stylesheet's @font-face rules, as tools/fonts/pretendard-faces.mjs writes them. */
export function facesIn(css: string): FaceFile[] {
  const faces: FaceFile[] = [];
  for (const [rule] of css.matchAll(/@font-face\s*{[^}]*}/g)) {
    const url = /url\(\s*["']?([^"')]+)["']?\s*\)/.exec(rule)?.[1];
    const range = /unicode-range\s*:\s*([^;}]+)/.exec(rule)?.[1]?.trim();
    if (url && range) faces.push({ url, range });
  }
  return faces;
}

/**
 * The faces the server left out of the page (its disabled <style>): read from the file it points at
 * (`data-href`, a year in the cache), else from the style itself; null when the rules are on (or the page
 * has none) or the file cannot be had.
 */
export async function deferredFaces(doc: Document): Promise<FaceFile[] | null> {
  const style = deferredStyle(doc);
  if (!style) return null;
  const href = style.dataset['href'];
  if (!href) return facesIn(style.textContent ?? '');
  try {
    const answer = await fetch(href, { priority: 'low', credentials: 'same-origin' } as RequestInit);
    return answer.ok ? facesIn(await answer.text()) : null;
  } catch {
    return null;
  }
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
 * `data-fonts`). The work comes in three pieces, each in its own idle moment (`nextIdle`), so none is a
 * long task on a phone (the rules, fetched at low priority and read; their 3,400 intervals; the page's
 * text: ~15 ms each at a phone's speed). A file that fails leaves the cookie unset (the next page tries again); nothing is thrown:
 * fonts are never worth an error.
 */
export async function warmUpFonts(doc: Document, nextIdle: () => Promise<void>): Promise<void> {
  const set = deferredStyle(doc)?.dataset['fonts'];
  if (!set || !/^[0-9a-f]+$/.test(set)) return;
  const faces = await deferredFaces(doc);
  if (!faces?.length) return;
  await nextIdle();
  const intervals = faceIntervals(faces);
  await nextIdle();
  const urls = filesDrawing(faces, intervals, codePoints(pageText(doc)));
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
