import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { DEFAULT_WIDTHS, XLSX_FORMATS, xlsxValue } from './cells';
import type { ExportDocument, RowListener } from './export-spec';

/** Excel's rules for sheet names: ≤ 31 characters, none of \ / ? * [ ] :, unique ignoring case. */
export function sheetName(title: string, used: Set<string>): string {
  const base = Array.from(
    title
      .replace(/[\\/?*[\]:]/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Sheet',
  )
    .slice(0, 31)
    .join('');
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name =
      Array.from(base)
        .slice(0, 31 - suffix.length)
        .join('') + suffix;
  }
  used.add(name.toLowerCase());
  return name;
}

/**
 * XLSX through exceljs's streaming WorkbookWriter: each row is committed as it is written, so a
 * large table never sits in memory. One sheet per section; the header row is bold and frozen,
 * with an auto-filter; numbers and dates keep their types with display formats.
 */
export async function writeXlsx(
  doc: ExportDocument,
  zone: string,
  out: Writable,
  onRow: RowListener,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Madang';
  workbook.title = doc.title;
  workbook.subject = doc.subtitle ?? '';
  const used = new Set<string>();
  for (const section of doc.sections) {
    const sheet = workbook.addWorksheet(sheetName(section.title, used), {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    });
    sheet.columns = section.columns.map((column, index) => ({
      key: `c${index}`,
      width: column.width ?? Math.max(DEFAULT_WIDTHS[column.kind], Array.from(column.header).length * 2 + 2),
      style: XLSX_FORMATS[column.kind] ? { numFmt: XLSX_FORMATS[column.kind] } : {},
    }));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: section.columns.length } };
    const header = sheet.addRow(section.columns.map((c) => c.header));
    header.eachCell((cell) => {
      cell.font = { bold: true };
      cell.numFmt = '@';
    });
    header.commit();
    for await (const row of section.rows) {
      sheet.addRow(section.columns.map((c) => xlsxValue(c.value(row), c.kind, zone))).commit();
      onRow();
    }
    sheet.commit();
  }
  await workbook.commit();
}
