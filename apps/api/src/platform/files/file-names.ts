import { extensionOf } from './file-types';

const MAX_NAME_LENGTH = 200;

/**
 * A file name safe to store and to send back: Unicode NFC (macOS uploads decomposed Hangul),
 * no path, no control or reserved characters, no leading dots, at most 200 characters with the
 * extension kept. Korean and other letters are kept as they are.
 */
export function sanitizeFileName(raw: string, fallback = 'file'): string {
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = Array.from(base)
    .filter((c) => !isInvisible(c.codePointAt(0) ?? 0))
    .join('')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (!name) return fallback;
  const chars = Array.from(name);
  if (chars.length > MAX_NAME_LENGTH) {
    const extension = extensionOf(name);
    name =
      chars
        .slice(0, MAX_NAME_LENGTH - extension.length)
        .join('')
        .trimEnd() + extension;
  }
  return name;
}

/** Control characters, zero-width and bidirectional controls (which can disguise an extension). */
function isInvisible(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

/** Replaces the extension (or adds one). */
export function withExtension(name: string, extension: string): string {
  const current = extensionOf(name);
  return (current ? name.slice(0, -current.length) : name) + extension;
}

/**
 * `Content-Disposition` with an ASCII fallback name and the real name in RFC 5987 / RFC 6266
 * `filename*=UTF-8''…` form, which every current browser prefers.
 */
export function contentDisposition(
  name: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const safe = sanitizeFileName(name);
  const ascii = safe.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(safe).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Multer hands over part-header file names as Latin-1 unless told otherwise; a name that is
 * really UTF-8 read as Latin-1 is turned back into the text the user saw.
 */
export function repairLatin1(name: string): string {
  const codes = Array.from(name, (c) => c.codePointAt(0) ?? 0);
  if (!codes.some((c) => c >= 0x80) || codes.some((c) => c > 0xff)) return name;
  const bytes = Buffer.from(name, 'latin1');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return name;
  }
}
