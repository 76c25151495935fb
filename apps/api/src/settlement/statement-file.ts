import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export interface StatementRows {
  format: 'csv' | 'xlsx';
  encoding: string;
  rows: string[][];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Text of a CSV as Korean banks export it: UTF-8 (with or without BOM) when the bytes are valid
 * UTF-8, otherwise EUC-KR (read as CP949, its superset, which the banks actually write).
 */
export function decodeStatementText(buffer: Buffer): { text: string; encoding: string } {
  if (buffer.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])))
    return { text: buffer.subarray(3).toString('utf8'), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buffer, 'cp949'), encoding: 'euc-kr' };
  }
}

/** Reads a statement file (CSV or XLSX) into rows of cell texts. */
export async function readStatementFile(buffer: Buffer): Promise<StatementRows> {
  if (buffer.subarray(0, 4).equals(ZIP_MAGIC)) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const rows: string[][] = [];
    sheet?.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
      rows.push(cells);
    });
    return { format: 'xlsx', encoding: 'xlsx', rows };
  }
  const { text, encoding } = decodeStatementText(buffer);
  const rows = parse(text, {
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
  }) as string[][];
  return { format: 'csv', encoding, rows };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value && value.result !== undefined) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}
