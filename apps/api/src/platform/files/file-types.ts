import { FILE_EXTENSIONS, FileMediaType } from '@madang/contracts';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/**
 * The media type of a file by its bytes alone — what the client declares is never trusted.
 * Text has no magic number: bytes with no control characters other than tab, CR, LF and form
 * feed, valid as UTF-8 (BOM allowed) or as EUC-KR (Korean bank and government exports), are
 * text; whether it is `text/csv` or `text/plain` follows the file name's extension.
 */
export function sniffMediaType(bytes: Buffer, fileName: string): FileMediaType | undefined {
  if (bytes.length >= 5 && bytes.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG)) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (
    bytes.length >= 12 &&
    bytes.toString('latin1', 0, 4) === 'RIFF' &&
    bytes.toString('latin1', 8, 12) === 'WEBP'
  )
    return 'image/webp';
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(bytes.toString('latin1', 0, 6))) return 'image/gif';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(OLE)) {
    // HWP 5 is an OLE compound file whose FileHeader stream starts with this signature.
    return bytes.includes('HWP Document File', 0, 'latin1') ? 'application/x-hwp' : undefined;
  }
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === ZIP_LOCAL) return sniffZip(bytes);
  if (isText(bytes)) return extensionOf(fileName) === '.csv' ? 'text/csv' : 'text/plain';
  return undefined;
}

/** Office Open XML and HWPX are ZIP archives; their entry names tell them apart. */
function sniffZip(bytes: Buffer): FileMediaType | undefined {
  const names = zipEntryNames(bytes);
  if (!names) return undefined;
  if (
    names.has('mimetype') &&
    bytes.includes('application/hwp+zip', 0, 'latin1') &&
    names.has('Contents/content.hpf')
  )
    return 'application/hwp+zip';
  if (!names.has('[Content_Types].xml')) return undefined;
  if (names.has('xl/workbook.xml')) return XLSX;
  if (names.has('word/document.xml')) return DOCX;
  if (names.has('ppt/presentation.xml')) return PPTX;
  return undefined;
}

/** Entry names from the ZIP central directory, or undefined when the archive is not well-formed. */
export function zipEntryNames(bytes: Buffer): Set<string> | undefined {
  const searchFrom = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= searchFrom; i--) {
    if (bytes.readUInt32LE(i) === ZIP_END) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  const names = new Set<string>();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== ZIP_CENTRAL) return undefined;
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    if (offset + 46 + nameLength > bytes.length) return undefined;
    names.add(bytes.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const eucKr = new TextDecoder('euc-kr', { fatal: true });

function isText(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  for (const byte of bytes) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return false;
    if (byte === 0x7f) return false;
  }
  for (const decoder of [utf8, eucKr]) {
    try {
      decoder.decode(bytes);
      return true;
    } catch {
      // try the next encoding
    }
  }
  return false;
}

/** Lower-case extension with its dot, or '' when the name has none. */
export function extensionOf(fileName: string): string {
  const match = /\.[A-Za-z0-9]{1,8}$/.exec(fileName);
  return match ? match[0].toLowerCase() : '';
}

/**
 * Declared content types browsers and office suites send for each type. `application/octet-stream`
 * (or nothing) means "not declared" and is accepted; anything else must be one of these.
 */
const DECLARED_ALIASES: Readonly<Record<FileMediaType, readonly string[]>> = {
  'application/pdf': ['application/pdf', 'application/x-pdf'],
  'image/png': ['image/png'],
  'image/jpeg': ['image/jpeg', 'image/jpg', 'image/pjpeg'],
  'image/webp': ['image/webp'],
  'image/gif': ['image/gif'],
  [XLSX]: [XLSX],
  [DOCX]: [DOCX],
  [PPTX]: [PPTX],
  'application/x-hwp': ['application/x-hwp', 'application/haansofthwp', 'application/vnd.hancom.hwp'],
  'application/hwp+zip': ['application/hwp+zip', 'application/haansofthwpx', 'application/vnd.hancom.hwpx'],
  'text/plain': ['text/plain'],
  'text/csv': ['text/csv', 'application/csv', 'text/comma-separated-values', 'application/vnd.ms-excel'],
};

export function declaredTypeAgrees(declared: string | undefined, sniffed: FileMediaType): boolean {
  const type = (declared ?? '').split(';')[0].trim().toLowerCase();
  if (type === '' || type === 'application/octet-stream') return true;
  return DECLARED_ALIASES[sniffed].includes(type);
}

export function extensionAgrees(fileName: string, sniffed: FileMediaType): boolean {
  return FILE_EXTENSIONS[sniffed].includes(extensionOf(fileName));
}
