import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { writeCsv } from './csv-writer';
import { ExportDocument, section } from './export-spec';
import { PDF_MAX_ROWS, PdfTooLargeError, writePdf } from './pdf-writer';
import { sheetName, writeXlsx } from './xlsx-writer';

const ZONE = 'Asia/Seoul';

interface Booking {
  name: string;
  amount: number;
  people: number;
  at: Date;
  discount: number | null;
  day: string;
}

const TRICKY: Booking[] = [
  {
    name: '김주민',
    amount: 1234500,
    people: 12,
    at: new Date('2026-12-01T05:30:00Z'),
    discount: 0.125,
    day: '2026-12-01',
  },
  {
    name: 'Hello, "world"',
    amount: -5000,
    people: 0,
    at: new Date('2026-12-31T15:10:00Z'),
    discount: null,
    day: '2027-01-01',
  },
  {
    name: '첫 줄\n둘째 줄',
    amount: 0,
    people: 3,
    at: new Date('2026-06-15T00:00:00Z'),
    discount: 1,
    day: '2026-06-15',
  },
  {
    name: '=HYPERLINK("http://evil")',
    amount: 70000,
    people: 1,
    at: new Date('2026-03-01T23:59:00Z'),
    discount: 0,
    day: '2026-03-02',
  },
];

async function* slowly<T>(rows: T[]): AsyncGenerator<T> {
  for (const row of rows) {
    await Promise.resolve();
    yield row;
  }
}

function bookingsDoc(rows: Booking[], extra: Partial<ExportDocument> = {}): ExportDocument {
  return {
    title: '2026년 12월 대관 정산 보고서',
    subtitle: '제주 사회적연결센터 · 운영관리팀',
    filename: '대관 정산',
    sections: [
      section<Booking>({
        title: '대관 내역',
        total: rows.length,
        rows: slowly(rows),
        columns: [
          { header: '신청자', kind: 'text', value: (r) => r.name },
          { header: '금액(원)', kind: 'won', value: (r) => r.amount },
          { header: '인원', kind: 'integer', value: (r) => r.people },
          { header: '일시', kind: 'datetime', value: (r) => r.at },
          { header: '할인율', kind: 'percent', value: (r) => r.discount },
          { header: '날짜', kind: 'date', value: (r) => r.day },
        ],
      }),
      section<{ label: string; sum: number }>({
        title: '요약',
        rows: [{ label: '합계', sum: 1299500 }],
        columns: [
          { header: '항목', kind: 'text', value: (r) => r.label },
          { header: '금액', kind: 'won', value: (r) => r.sum },
        ],
      }),
    ],
    ...extra,
  };
}

async function render(
  writer: (doc: ExportDocument, zone: string, out: Writable, onRow: () => void) => Promise<void>,
  doc: ExportDocument,
): Promise<{ bytes: Buffer; rows: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  let rows = 0;
  await writer(doc, ZONE, out, () => rows++);
  return { bytes: Buffer.concat(chunks), rows };
}

function requireBinary(name: string): void {
  try {
    execFileSync('which', [name], { stdio: 'pipe' });
  } catch {
    throw new Error(
      `${name} is not installed: apt-get install poppler-utils (the PDF test reads PDFs back with it)`,
    );
  }
}

describe('CSV export', () => {
  it('writes UTF-8 with a BOM that csv-parse reads back exactly, Korean, quotes, commas and newlines included', async () => {
    const { bytes, rows } = await render(writeCsv, bookingsDoc(TRICKY));
    expect(rows).toBe(5);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes, { bom: true, relax_column_count: true }) as string[][];
    expect(records[0]).toEqual(['대관 내역']);
    expect(records[1]).toEqual(['신청자', '금액(원)', '인원', '일시', '할인율', '날짜']);
    expect(records[2]).toEqual(['김주민', '1234500', '12', '2026-12-01 14:30', '12.5%', '2026-12-01']);
    expect(records[3]).toEqual(['Hello, "world"', '-5000', '0', '2027-01-01 00:10', '', '2027-01-01']);
    expect(records[4]).toEqual(['첫 줄\n둘째 줄', '0', '3', '2026-06-15 09:00', '100%', '2026-06-15']);
    // A formula would run when the file is opened in a spreadsheet: it is kept as text.
    expect(records[5][0]).toBe(`'=HYPERLINK("http://evil")`);
    expect(records[6]).toEqual(['']);
    expect(records[7]).toEqual(['요약']);
    expect(records[9]).toEqual(['합계', '1299500']);
    expect(bytes.toString('utf8')).toContain('\r\n');
  });

  it('refuses a won amount that is not a whole number instead of writing a wrong figure', async () => {
    const doc = bookingsDoc([{ ...TRICKY[0], amount: 10.5 }]);
    await expect(render(writeCsv, doc)).rejects.toThrow(/won cell is not a whole number/);
  });
});

describe('XLSX export', () => {
  it('writes typed, formatted cells on Korean-named sheets with a bold, frozen, filtered header row', async () => {
    const { bytes, rows } = await render(writeXlsx, bookingsDoc(TRICKY));
    expect(rows).toBe(5);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['대관 내역', '요약']);

    const sheet = workbook.getWorksheet('대관 내역');
    if (!sheet) throw new Error('sheet missing');
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '신청자',
      '금액(원)',
      '인원',
      '일시',
      '할인율',
      '날짜',
    ]);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeDefined();

    expect(sheet.getCell('A2').value).toBe('김주민');
    expect(sheet.getCell('B2').value).toBe(1234500);
    expect(sheet.getCell('B2').numFmt).toBe('#,##0');
    expect(sheet.getCell('B3').value).toBe(-5000);
    expect(sheet.getCell('C2').value).toBe(12);
    // 05:30 UTC is 14:30 in Seoul; Excel has no zones, so the local reading is stored.
    expect(sheet.getCell('D2').value).toEqual(new Date(Date.UTC(2026, 11, 1, 14, 30)));
    expect(sheet.getCell('D2').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.getCell('E2').value).toBe(0.125);
    expect(sheet.getCell('E2').numFmt).toBe('0.0%');
    expect(sheet.getCell('E3').value).toBeNull();
    expect(sheet.getCell('F3').value).toEqual(new Date(Date.UTC(2027, 0, 1)));
    expect(sheet.getCell('F3').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('A4').value).toBe('첫 줄\n둘째 줄');
    expect(sheet.getCell('A5').value).toBe('=HYPERLINK("http://evil")');
    expect(sheet.getCell('A5').formula).toBeUndefined();
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(14);

    const summary = workbook.getWorksheet('요약');
    expect(summary?.getCell('B2').value).toBe(1299500);
  });

  it('makes sheet names Excel accepts', () => {
    const used = new Set<string>();
    expect(sheetName('2026/12 정산: [최종]', used)).toBe('2026 12 정산   최종');
    expect(sheetName('가'.repeat(40), used)).toHaveLength(31);
    expect(sheetName('요약', used)).toBe('요약');
    expect(sheetName('요약', used)).toBe('요약 (2)');
  });

  it('streams a large table without holding it (20 000 rows)', async () => {
    const many = function* () {
      for (let i = 0; i < 20_000; i++) yield { i };
    };
    const doc: ExportDocument = {
      title: '큰 표',
      filename: 'big',
      sections: [
        section<{ i: number }>({
          title: '행',
          rows: many(),
          columns: [{ header: '번호', kind: 'integer', value: (r) => r.i }],
        }),
      ],
    };
    const { bytes, rows } = await render(writeXlsx, doc);
    expect(rows).toBe(20_000);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    expect(workbook.worksheets[0].rowCount).toBe(20_001);
    expect(workbook.worksheets[0].getCell('A20001').value).toBe(19_999);
  }, 60_000);
});

describe('PDF export', () => {
  const many: Booking[] = Array.from({ length: 120 }, (_, i) => ({
    ...TRICKY[0],
    name: `참여자 ${i + 1}`,
    amount: 1234500 + i,
  }));

  it('renders Korean text, right-aligned grouped won and "n / m" page numbers that pdftotext reads back', async () => {
    requireBinary('pdftotext');
    requireBinary('pdfinfo');
    requireBinary('pdftoppm');
    const { bytes, rows } = await render(writePdf, bookingsDoc(many, { landscape: true }));
    expect(rows).toBe(121);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'madang-pdf-'));
    const file = join(dir, 'report.pdf');
    writeFileSync(file, bytes);

    const info = execFileSync('pdfinfo', [file]).toString();
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    expect(info).toContain('2026년 12월 대관 정산 보고서');

    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('2026년 12월 대관 정산 보고서');
    expect(text).toContain('제주 사회적연결센터');
    expect(text).toContain('참여자 1 ');
    expect(text).toMatch(/참여자 1\s+1,234,500\s+12\s+2026-12-01 14:30\s+12\.5%/);
    expect(text).toContain('1,299,500');
    // pdftotext drops the spaces around the slash of the centred "n / m".
    const pageNumbers = text.split('\f').map((page) => /(\d+)\s*\/\s*(\d+)\s*$/.exec(page.trim())?.slice(1));
    expect(pageNumbers.filter(Boolean)).toEqual(
      Array.from({ length: pages }, (_, i) => [String(i + 1), String(pages)]),
    );
    // The header row repeats on the second page.
    const secondPage = text.split('\f')[1];
    expect(secondPage).toContain('신청자');

    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(dir, 'page')]);
    process.stdout.write(`PDF page 1 rendered to ${join(dir, 'page-1.png')}\n`);
  }, 60_000);

  it('is portrait unless asked for landscape', async () => {
    requireBinary('pdfinfo');
    const { bytes } = await render(writePdf, bookingsDoc(TRICKY.slice(0, 1)));
    const dir = mkdtempSync(join(tmpdir(), 'madang-pdf-'));
    writeFileSync(join(dir, 'p.pdf'), bytes);
    expect(execFileSync('pdfinfo', [join(dir, 'p.pdf')]).toString()).toMatch(
      /Page size:\s+595\.\d+ x 841\.\d+ pts/,
    );
  });

  it(`refuses more than ${PDF_MAX_ROWS} rows instead of exhausting memory`, async () => {
    const endless = function* () {
      for (let i = 0; ; i++) yield { i };
    };
    const doc: ExportDocument = {
      title: 't',
      filename: 't',
      sections: [
        section<{ i: number }>({
          title: 't',
          rows: endless(),
          columns: [{ header: 'n', kind: 'integer', value: (r) => r.i }],
        }),
      ],
    };
    await expect(render(writePdf, doc)).rejects.toBeInstanceOf(PdfTooLargeError);
  });
});
