import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { displayText, isNumeric } from './cells';
import type { ExportDocument, RowListener } from './export-spec';

/** pdfmake lays out the whole document in memory; beyond this, ask for CSV or XLSX. */
export const PDF_MAX_ROWS = 20_000;

export class PdfTooLargeError extends Error {
  constructor() {
    super(`PDF exports are limited to ${PDF_MAX_ROWS} rows`);
    this.name = 'PdfTooLargeError';
  }
}

/**
 * Pretendard's static TTFs (Hangul included) from the installed `pretendard` package, found from
 * this file's folder — which is `dist/apps/api` in the bundle, whose modules are external.
 */
export function pretendardDir(): string {
  const resolve = createRequire(join(__dirname, 'index.js')).resolve;
  return join(dirname(resolve('pretendard/package.json')), 'dist/public/static/alternative');
}

/**
 * pdfmake lays a document out synchronously, hundreds of milliseconds for a few hundred rows, so it
 * runs in a worker thread: the API's event loop keeps answering while a report is set. The worker is
 * evaluated from this text (the API is one webpack bundle) and loads pdfmake and the fonts by
 * absolute path from the installed packages. The footer ("n / m") is added there, as functions do not
 * cross threads.
 */
const PDF_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { join } = require('node:path');
const pdfmake = require(workerData.pdfmakePath);
const dir = workerData.fontDir;
pdfmake.setFonts({
  Pretendard: {
    normal: join(dir, 'Pretendard-Regular.ttf'),
    bold: join(dir, 'Pretendard-Bold.ttf'),
    italics: join(dir, 'Pretendard-Regular.ttf'),
    bolditalics: join(dir, 'Pretendard-Bold.ttf'),
  },
});
// Documents are built from data, never from URLs or paths a user supplies: allow only the fonts.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(dir));
const definition = workerData.definition;
definition.footer = (currentPage, pageCount) => ({
  text: currentPage + ' / ' + pageCount, alignment: 'center', fontSize: 8, margin: [0, 16, 0, 0],
});
(async () => {
  const pdf = await pdfmake.createPdf(definition).getStream();
  const chunks = [];
  pdf.on('data', (chunk) => chunks.push(chunk));
  pdf.on('end', () => {
    const bytes = Buffer.concat(chunks);
    const copy = new Uint8Array(bytes.length);
    copy.set(bytes);
    parentPort.postMessage(copy, [copy.buffer]);
  });
  pdf.on('error', (error) => { throw error; });
  pdf.end();
})().catch((error) => { throw error; });
`;

/** Lays the document out in a worker thread and returns the PDF's bytes. */
function layOut(definition: TDocumentDefinitions): Promise<Uint8Array> {
  const resolve = createRequire(join(__dirname, 'index.js')).resolve;
  return new Promise((done, fail) => {
    const worker = new Worker(PDF_WORKER, {
      eval: true,
      workerData: { definition, fontDir: pretendardDir(), pdfmakePath: resolve('pdfmake') },
    });
    let answered = false;
    worker.once('message', (bytes: Uint8Array) => {
      answered = true;
      done(bytes);
    });
    worker.once('error', fail);
    worker.once('exit', (code) => {
      if (!answered) fail(new Error(`the PDF worker stopped (exit ${code}) before it answered`));
    });
  });
}

/**
 * PDF with Korean text: title and subtitle, one headed table per section whose header row repeats
 * on every page, numbers right-aligned with grouped digits, "n / m" page numbers, A4 portrait or
 * landscape.
 */
export async function writePdf(
  doc: ExportDocument,
  zone: string,
  out: Writable,
  onRow: RowListener,
): Promise<void> {
  const content: Content[] = [{ text: doc.title, style: 'title' }];
  if (doc.subtitle) content.push({ text: doc.subtitle, style: 'subtitle' });
  let rows = 0;
  for (const section of doc.sections) {
    const header: TableCell[] = section.columns.map((c) => ({
      text: c.header,
      bold: true,
      fillColor: '#eeeeee',
      alignment: isNumeric(c.kind) ? 'right' : 'left',
    }));
    const body: TableCell[][] = [header];
    for await (const row of section.rows) {
      if (++rows > PDF_MAX_ROWS) throw new PdfTooLargeError();
      body.push(
        section.columns.map((c) => ({
          text: displayText(c.value(row), c.kind, zone),
          alignment: isNumeric(c.kind) ? 'right' : 'left',
        })),
      );
      onRow();
    }
    if (doc.sections.length > 1 || section.title !== doc.title)
      content.push({ text: section.title, style: 'section' });
    content.push({
      table: {
        headerRows: 1,
        widths: section.columns.map((c) => (c.kind === 'text' ? '*' : 'auto')),
        body,
      },
      layout: 'lightHorizontalLines',
    });
  }
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: doc.landscape ? 'landscape' : 'portrait',
    pageMargins: [36, 40, 36, 48],
    info: { title: doc.title, creator: 'Madang', producer: 'Madang' },
    defaultStyle: { font: 'Pretendard', fontSize: 9 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 10, color: '#555555', margin: [0, 0, 0, 10] },
      section: { fontSize: 12, bold: true, margin: [0, 12, 0, 6] },
    },
    content,
  };
  const bytes = await layOut(definition);
  await new Promise<void>((done, fail) => {
    out.once('error', fail);
    out.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), () => done());
  });
}
