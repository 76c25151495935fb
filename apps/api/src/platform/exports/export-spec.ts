/**
 * What a domain hands to ExportsService: a document of one or more sections (sheets in XLSX,
 * headed tables in PDF), each with typed columns and rows as a (possibly async) iterable, so a
 * large export streams from a database cursor without being held in memory (PDF excepted: its
 * layout needs every row, so PDF is capped at PDF_MAX_ROWS).
 */

/**
 * - `text`: as given.
 * - `integer`: a whole number (counts).
 * - `won`: integer won; `#,##0` in XLSX, `1,234,500` in PDF, plain digits in CSV.
 * - `date` / `datetime`: a Date or ISO instant shown in the centre's time zone; `date` also takes
 *   a calendar date `YYYY-MM-DD` as it is.
 * - `percent`: a ratio (0.125 is 12.5%).
 */
export type ColumnKind = 'text' | 'integer' | 'won' | 'date' | 'datetime' | 'percent';

export type Cell = string | number | Date | null | undefined;

export interface ExportColumn<R> {
  header: string;
  kind: ColumnKind;
  value(row: R): Cell;
  /** Width in characters for XLSX (a default follows from the kind). */
  width?: number;
}

export interface ExportSection<R> {
  /** Sheet name in XLSX (Korean fine; shortened to 31 characters), heading in PDF. */
  title: string;
  columns: readonly ExportColumn<R>[];
  rows: AsyncIterable<R> | Iterable<R>;
  /** Number of rows, when known, for progress. */
  total?: number;
}

export interface ExportDocument {
  title: string;
  subtitle?: string;
  /** Download name without extension, e.g. `2026년 12월 정산`; sanitised. */
  filename: string;
  /** PDF on A4 landscape instead of portrait. */
  landscape?: boolean;
  sections: readonly ExportSection<unknown>[];
}

/** Keeps a section's columns and rows typed together, then erases the row type for the document. */
export function section<R>(spec: ExportSection<R>): ExportSection<unknown> {
  return spec as ExportSection<unknown>;
}

/** Told once per row written, for progress. */
export type RowListener = () => void;
