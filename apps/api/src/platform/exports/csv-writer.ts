import { stringify } from 'csv-stringify';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { csvText } from './cells';
import type { ExportDocument, RowListener } from './export-spec';

/**
 * CSV in UTF-8 with a BOM (Excel then opens Korean correctly), CRLF line ends, RFC 4180 quoting.
 * One section is one header row and its rows; further sections follow after an empty line
 * under a line with their title.
 */
export async function writeCsv(
  doc: ExportDocument,
  zone: string,
  out: Writable,
  onRow: RowListener,
): Promise<void> {
  const csv = stringify({ bom: true, record_delimiter: 'windows' });
  const produce = async () => {
    try {
      for (const [index, section] of doc.sections.entries()) {
        if (doc.sections.length > 1) {
          if (index > 0) await write(csv, []);
          await write(csv, [section.title]);
        }
        await write(
          csv,
          section.columns.map((c) => c.header),
        );
        for await (const row of section.rows) {
          await write(
            csv,
            section.columns.map((c) => csvText(c.value(row), c.kind, zone)),
          );
          onRow();
        }
      }
      csv.end();
    } catch (error) {
      csv.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  };
  await Promise.all([produce(), pipeline(csv, out)]);
}

/**
 * Writes one record, waiting when the stream's buffer is full (backpressure); fails when the
 * stream was closed (the client went away), so the rows' source is closed instead of waiting.
 */
function write(csv: ReturnType<typeof stringify>, record: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    if (csv.destroyed) return reject(new Error('CSV output closed'));
    if (csv.write(record)) return resolve();
    const onDrain = () => {
      csv.off('close', onClose);
      resolve();
    };
    const onClose = () => {
      csv.off('drain', onDrain);
      reject(new Error('CSV output closed'));
    };
    csv.once('drain', onDrain);
    csv.once('close', onClose);
  });
}
