import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ExportFormat } from '@madang/contracts';
import { DataSource, EntityManager, LessThan } from 'typeorm';
import { ExportRunEntity } from './export-run.entity';

/** A running export whose heartbeat is older than this is reported interrupted. */
export const STALE_AFTER_SECONDS = 60;

const MARK_STALE = `
UPDATE "export_runs" SET "state" = 'failed', "error" = 'interrupted', "finished_at" = now()
WHERE "id" = $1 AND "state" = 'running' AND "heartbeat_at" < now() - make_interval(secs => $2)`;

/** All SQL of `export_runs`. */
@Injectable()
export class ExportRunsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  insert(
    manager: EntityManager,
    run: {
      kind: string;
      format: ExportFormat;
      filename: string;
      requestedBy: string;
      rowsTotal: number | null;
      retentionHours: number;
    },
  ): Promise<ExportRunEntity> {
    return manager.save(
      manager.create(ExportRunEntity, {
        kind: run.kind,
        format: run.format,
        filename: run.filename,
        requestedBy: run.requestedBy,
        rowsTotal: run.rowsTotal,
        expiresAt: new Date(Date.now() + run.retentionHours * 3_600_000),
      }),
    );
  }

  /** The run if `userId` asked for it; a run that stopped beating is marked interrupted first. */
  async findOwned(id: string, userId: string): Promise<ExportRunEntity | null> {
    await this.db.query(MARK_STALE, [id, STALE_AFTER_SECONDS]);
    return this.db.manager.findOneBy(ExportRunEntity, { id, requestedBy: userId });
  }

  async isRequester(manager: EntityManager, id: string, userId: string): Promise<boolean> {
    return manager.existsBy(ExportRunEntity, { id, requestedBy: userId });
  }

  async progress(id: string, rowsDone: number): Promise<void> {
    await this.db.manager.update(
      ExportRunEntity,
      { id, state: 'running' },
      { rowsDone, heartbeatAt: () => 'now()' },
    );
  }

  async markReady(manager: EntityManager, id: string, fileId: string, rowsDone: number): Promise<void> {
    await manager.update(
      ExportRunEntity,
      { id, state: 'running' },
      { state: 'ready', fileId, rowsDone, finishedAt: () => 'now()', heartbeatAt: () => 'now()' },
    );
  }

  async markFailed(id: string, error: string, rowsDone: number): Promise<void> {
    await this.db.manager.update(
      ExportRunEntity,
      { id, state: 'running' },
      { state: 'failed', error, rowsDone, finishedAt: () => 'now()' },
    );
  }

  /** Expired runs, locked so two processes purging at once skip each other's rows. */
  expired(manager: EntityManager, limit = 100): Promise<ExportRunEntity[]> {
    return manager.find(ExportRunEntity, {
      where: { expiresAt: LessThan(new Date()) },
      lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
      take: limit,
    });
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(ExportRunEntity, { id });
  }
}
