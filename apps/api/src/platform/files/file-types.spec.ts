import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { contentDisposition, repairLatin1, sanitizeFileName } from './file-names';
import { declaredTypeAgrees, extensionAgrees, sniffMediaType, zipEntryNames } from './file-types';

/** A ZIP archive with stored (uncompressed) entries — enough for the sniffer to read names. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const JPEG = Buffer.from('ffd8ffe000104a464946', 'hex');
const OLE = Buffer.from('d0cf11e0a1b11ae1', 'hex');

describe('sniffMediaType', () => {
  it.each([
    ['PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'a.pdf', 'application/pdf'],
    ['PNG', PNG, 'a.png', 'image/png'],
    ['JPEG', JPEG, 'a.jpg', 'image/jpeg'],
    [
      'WebP',
      Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]),
      'a.webp',
      'image/webp',
    ],
    ['GIF', Buffer.from('GIF89a\x01\x00', 'latin1'), 'a.gif', 'image/gif'],
    [
      'HWP 5',
      Buffer.concat([OLE, Buffer.alloc(600), Buffer.from('HWP Document File')]),
      'a.hwp',
      'application/x-hwp',
    ],
    [
      'DOCX',
      zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }),
      'a.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'PPTX',
      zip({ '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p/>' }),
      'a.pptx',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    [
      'HWPX',
      zip({ mimetype: 'application/hwp+zip', 'Contents/content.hpf': '<opf/>' }),
      'a.hwpx',
      'application/hwp+zip',
    ],
    ['UTF-8 CSV with BOM', Buffer.from('\ufeff이름,금액\r\n김주민,"1,000"\r\n'), '정산.csv', 'text/csv'],
    ['EUC-KR CSV', iconv.encode('거래일,입금액\n2026-12-01,50000\n', 'euc-kr'), 'bank.csv', 'text/csv'],
    ['plain text', Buffer.from('관찰 기록\n'), 'note.txt', 'text/plain'],
  ])('recognises %s', (_label, bytes, name, expected) => {
    expect(sniffMediaType(bytes, name)).toBe(expected);
  });

  it('recognises an XLSX written by exceljs', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('시트').addRow(['a']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(sniffMediaType(bytes, 'a.xlsx')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  it.each([
    ['an empty file', Buffer.alloc(0)],
    ['binary with NUL bytes', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03])],
    ['a plain ZIP', zip({ 'readme.txt': 'hi' })],
    ['an OLE file that is not HWP (old .doc)', Buffer.concat([OLE, Buffer.alloc(600)])],
    ['a truncated ZIP', zip({ '[Content_Types].xml': 'x', 'xl/workbook.xml': 'y' }).subarray(0, 60)],
    ['bytes invalid in UTF-8 and EUC-KR', Buffer.from([0x41, 0xff, 0xfe, 0x41])],
  ])('refuses %s', (_label, bytes) => {
    expect(sniffMediaType(bytes, 'a.csv')).toBeUndefined();
  });

  it('reads ZIP entry names from the central directory', () => {
    expect(zipEntryNames(zip({ 'a/b.xml': '1', 'c.txt': '2' }))).toEqual(new Set(['a/b.xml', 'c.txt']));
  });
});

describe('declared type and extension', () => {
  it('accepts a matching or absent declared type and refuses a different one', () => {
    expect(declaredTypeAgrees('application/pdf', 'application/pdf')).toBe(true);
    expect(declaredTypeAgrees('application/octet-stream', 'application/x-hwp')).toBe(true);
    expect(declaredTypeAgrees(undefined, 'image/png')).toBe(true);
    expect(declaredTypeAgrees('text/csv; charset=utf-8', 'text/csv')).toBe(true);
    expect(declaredTypeAgrees('image/png', 'application/pdf')).toBe(false);
  });

  it('compares extensions case-insensitively', () => {
    expect(extensionAgrees('사진.JPEG', 'image/jpeg')).toBe(true);
    expect(extensionAgrees('사진.png', 'image/jpeg')).toBe(false);
    expect(extensionAgrees('noextension', 'application/pdf')).toBe(false);
  });
});

describe('file names', () => {
  it('keeps Korean, normalises to NFC and strips paths, controls and reserved characters', () => {
    const decomposed = '사업계획서.pdf'.normalize('NFD');
    expect(sanitizeFileName(decomposed)).toBe('사업계획서.pdf');
    expect(sanitizeFileName('C:\\Users\\kim\\증빙 <1>.pdf')).toBe('증빙 _1_.pdf');
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('a\u0000b\u202e.pdf')).toBe('ab.pdf');
    expect(sanitizeFileName('  ..  ')).toBe('file');
    expect(sanitizeFileName('.hidden.txt')).toBe('hidden.txt');
  });

  it('shortens long names and keeps the extension', () => {
    const name = sanitizeFileName(`${'가'.repeat(300)}.xlsx`);
    expect(Array.from(name)).toHaveLength(200);
    expect(name.endsWith('.xlsx')).toBe(true);
  });

  it('writes an RFC 5987 Content-Disposition with an ASCII fallback', () => {
    const header = contentDisposition('2026년 정산 보고서 (최종).xlsx');
    expect(header).toBe(
      `attachment; filename="2026_ __ ___ (__).xlsx"; filename*=UTF-8''2026%EB%85%84%20%EC%A0%95%EC%82%B0%20%EB%B3%B4%EA%B3%A0%EC%84%9C%20%28%EC%B5%9C%EC%A2%85%29.xlsx`,
    );
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe('2026년 정산 보고서 (최종).xlsx');
    expect(contentDisposition('a";b.pdf')).toContain('filename="a__b.pdf"');
  });

  it('repairs UTF-8 names read as Latin-1 and leaves real Latin-1 alone', () => {
    expect(repairLatin1(Buffer.from('증빙.pdf', 'utf8').toString('latin1'))).toBe('증빙.pdf');
    expect(repairLatin1('café.pdf')).toBe('café.pdf');
    expect(repairLatin1('증빙.pdf')).toBe('증빙.pdf');
  });
});
