import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EXPORT_MEDIA_TYPES, ExportFormat, ExportRunStatus } from '@madang/contracts';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { JobsService } from '../jobs/jobs.service';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../../config/app-config';
import type { Actor } from '../../core/actor';
import { DomainError, notFound } from '../../core/domain-error';
import { contentDisposition, sanitizeFileName } from '../files/file-names';
import { FileDownload, FilesService } from '../files/files.service';
import { writeCsv } from './csv-writer';
import type { ExportDocument, RowListener } from './export-spec';
import type { ExportRunEntity } from './export-run.entity';
import { ExportRunsRepository } from './export-runs.repository';
import { PdfTooLargeError, writePdf } from './pdf-writer';
import { writeXlsx } from './xlsx-writer';

/** Owner type of the files that hold finished background exports. */
export const EXPORT_RUN_OWNER = 'export_run';

const WRITERS: Record<
  ExportFormat,
  (doc: ExportDocument, zone: string, out: Writable, onRow: RowListener) => Promise<void>
> = { csv: writeCsv, xlsx: writeXlsx, pdf: writePdf };

const PROGRESS_EVERY_MS = 1000;
const HEARTBEAT_EVERY_MS = 10_000;

export function exportFileName(doc: ExportDocument, format: ExportFormat): string {
  return `${sanitizeFileName(doc.filename, 'export')}.${format}`;
}

function toStatus(run: ExportRunEntity): ExportRunStatus {
  const percent =
    run.state === 'ready'
      ? 100
      : run.rowsTotal
        ? Math.min(99, Math.floor((run.rowsDone * 100) / run.rowsTotal))
        : run.rowsTotal === 0
          ? 0
          : null;
  return {
    id: run.id,
    kind: run.kind,
    format: run.format,
    state: run.state,
    rowsDone: run.rowsDone,
    rowsTotal: run.rowsTotal,
    percent,
    filename: run.filename,
    error: run.error,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    expiresAt: run.expiresAt.toISOString(),
    fileUrl: run.state === 'ready' ? `/api/exports/${run.id}/file` : null,
  };
}

/**
 * One way to produce CSV, XLSX and PDF from a table spec. Either streamed straight into an HTTP
 * response (`send`), or run in the background (`start`) with progress polled on
 * `GET /api/exports/:id` and the file fetched from `GET /api/exports/:id/file` until it expires.
 */
@Injectable()
export class ExportsService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('Exports');
  private readonly running = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly runs: ExportRunsRepository,
    private readonly files: FilesService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    // Expired background exports are purged hourly (and on every start of a new one).
    this.jobs.define<Record<string, never>>({
      name: 'exports.purge',
      policy: 'stately',
      schedule: { cron: '17 * * * *', data: {} },
      handler: async () => {
        await this.purgeExpired();
      },
    });
    const isRequester = async (actor: Actor | undefined, runId: string, manager = this.db.manager) =>
      !!actor && (await this.runs.isRequester(manager, runId, actor.userId));
    this.files.registerOwner(EXPORT_RUN_OWNER, {
      purposes: ['export'],
      canRead: (actor, runId, manager) => isRequester(actor, runId, manager),
      canAttach: (actor, runId, _purpose, manager) => isRequester(actor, runId, manager),
      canDelete: (actor, runId, _file, manager) => isRequester(actor, runId, manager),
    });
  }

  /** Lets background exports finish (and record their end) before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  /** Writes the document in `format` to any stream (a file, a test buffer). */
  async write(
    format: ExportFormat,
    doc: ExportDocument,
    out: Writable,
    onRow: RowListener = () => undefined,
  ): Promise<void> {
    // If the output closes early (a client that went away), stop pulling rows: the domain's
    // generator is returned, so its database cursor is released instead of read to the end.
    let closedEarly = false;
    let onClose: () => void = () => undefined;
    const closed = new Promise<never>((_, reject) => {
      onClose = () => {
        if (out.writableFinished) return;
        closedEarly = true;
        reject(new Error('the export output closed before the export finished'));
      };
      out.once('close', onClose);
    });
    const guarded: ExportDocument = {
      ...doc,
      sections: doc.sections.map((s) => ({ ...s, rows: untilClosed(s.rows, () => closedEarly) })),
    };
    const writing = WRITERS[format](guarded, this.config.MADANG_TIMEZONE, out, onRow);
    // Whichever of the two loses the race settles later; neither may become an unhandled rejection.
    writing.catch(() => undefined);
    closed.catch(() => undefined);
    try {
      await Promise.race([writing, closed]);
    } finally {
      out.off('close', onClose);
    }
  }

  /**
   * Streams the export as the HTTP response — a controller's whole body:
   * `return this.exports.send(res, query.format, doc)` with `@Res() res: Response`.
   */
  async send(res: Response, format: ExportFormat, doc: ExportDocument): Promise<void> {
    res.status(200);
    res.setHeader('Content-Type', EXPORT_MEDIA_TYPES[format]);
    res.setHeader('Content-Disposition', contentDisposition(exportFileName(doc, format)));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    try {
      await this.write(format, doc, res);
    } catch (error) {
      if (!res.headersSent) {
        res.removeHeader('Content-Disposition');
        throw error instanceof PdfTooLargeError ? tooLarge() : error;
      }
      this.logger.error(`export ${doc.filename}.${format} failed while streaming: ${String(error)}`);
      res.destroy(error instanceof Error ? error : undefined);
    }
  }

  /**
   * Starts an export in the background and answers at once. `kind` names what is exported
   * (e.g. `settlement.ledger`); progress is known when every section gives its `total`.
   * The run is audited (`export.started`) with the caller's identity.
   */
  async start(
    actor: Actor,
    kind: string,
    format: ExportFormat,
    doc: ExportDocument,
  ): Promise<ExportRunStatus> {
    await this.purgeExpired().catch((error: unknown) => this.logger.warn(`purge failed: ${String(error)}`));
    const totals = doc.sections.map((s) => s.total);
    const rowsTotal = totals.every((t): t is number => t !== undefined)
      ? totals.reduce((a, b) => a + b, 0)
      : null;
    const filename = exportFileName(doc, format);
    const run = await this.db.transaction(async (manager) => {
      const created = await this.runs.insert(manager, {
        kind,
        format,
        filename,
        requestedBy: actor.userId,
        rowsTotal,
        retentionHours: this.config.EXPORT_RETENTION_HOURS,
      });
      await this.audit.record(manager, actor, {
        action: 'export.started',
        entityType: EXPORT_RUN_OWNER,
        entityId: created.id,
        after: { kind, format, filename, rowsTotal },
      });
      return created;
    });
    const execution = this.execute(actor, run, doc).finally(() => this.running.delete(execution));
    this.running.add(execution);
    return toStatus(run);
  }

  /** The requester's view of a run; anyone else gets 404. */
  async status(actor: Actor, runId: string): Promise<ExportRunStatus> {
    const run = await this.runs.findOwned(runId, actor.userId);
    if (!run) throw notFound();
    return toStatus(run);
  }

  /** The finished file (409 while running or failed; 404 once expired or for anyone else). */
  async open(actor: Actor, runId: string): Promise<FileDownload> {
    const run = await this.runs.findOwned(runId, actor.userId);
    if (!run || run.expiresAt.getTime() <= Date.now()) throw notFound();
    if (run.state !== 'ready' || !run.fileId) throw new DomainError('state_conflict', { state: run.state });
    return this.files.open(actor, run.fileId);
  }

  /**
   * Deletes expired runs and their files. Runs on every `start`; the jobs runner should also
   * call it on a schedule (e.g. hourly). Safe in several processes at once (SKIP LOCKED).
   */
  async purgeExpired(): Promise<number> {
    return this.db.transaction(async (manager) => {
      const expired = await this.runs.expired(manager);
      for (const run of expired) {
        await this.files.removeAllOf({ userId: null, requestId: null }, manager, EXPORT_RUN_OWNER, run.id);
        await this.runs.delete(manager, run.id);
      }
      return expired.length;
    });
  }

  private async execute(actor: Actor, run: ExportRunEntity, doc: ExportDocument): Promise<void> {
    const path = join(tmpdir(), `madang-export-${randomUUID()}.${run.format}`);
    let rowsDone = 0;
    let reported = Date.now();
    let reporting: Promise<void> = Promise.resolve();
    const report = () => {
      reporting = reporting
        .then(() => this.runs.progress(run.id, rowsDone))
        .catch((error: unknown) => this.logger.warn(`progress of ${run.id}: ${String(error)}`));
    };
    const heartbeat = setInterval(report, HEARTBEAT_EVERY_MS);
    try {
      await this.write(run.format, doc, createWriteStream(path), () => {
        rowsDone++;
        if (Date.now() - reported >= PROGRESS_EVERY_MS) {
          reported = Date.now();
          report();
        }
      });
      clearInterval(heartbeat);
      await reporting;
      const bytes = await readFile(path);
      await this.db.transaction(async (manager) => {
        const file = await this.files.attach(
          actor,
          {
            ownerType: EXPORT_RUN_OWNER,
            ownerId: run.id,
            purpose: 'export',
            name: run.filename,
            declaredType: EXPORT_MEDIA_TYPES[run.format],
            bytes,
          },
          manager,
        );
        await this.runs.markReady(manager, run.id, file.id, rowsDone);
      });
    } catch (error) {
      clearInterval(heartbeat);
      await reporting;
      const tooBig =
        error instanceof PdfTooLargeError ||
        (error instanceof DomainError && error.code === 'payload_too_large');
      if (!tooBig)
        this.logger.error(
          `export ${run.id} (${run.kind}) failed: ${error instanceof Error ? error.stack : String(error)}`,
        );
      await this.runs
        .markFailed(run.id, tooBig ? 'too_large' : 'error', rowsDone)
        .catch((e: unknown) => this.logger.error(`could not record the failure of ${run.id}: ${String(e)}`));
    } finally {
      await rm(path, { force: true });
    }
  }
}

async function* untilClosed<R>(
  rows: AsyncIterable<R> | Iterable<R>,
  closed: () => boolean,
): AsyncGenerator<R> {
  for await (const row of rows) {
    if (closed()) throw new Error('the export output closed before the export finished');
    yield row;
  }
}

function tooLarge(): DomainError {
  return new DomainError('payload_too_large', { reason: 'pdf_rows' });
}
