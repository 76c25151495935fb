import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLogEntity } from './audit-log.entity';

export interface AuditActor {
  userId: string | null;
  requestId: string | null;
}

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Writes audit rows inside the caller's transaction, so a change and its record commit together. */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, actor: AuditActor, record: AuditRecord): Promise<void> {
    await manager.insert(AuditLogEntity, this.row(actor, record));
  }

  /** The row `record` writes, for callers that insert it inside a larger statement. */
  row(actor: AuditActor, record: AuditRecord) {
    return {
      actorId: actor.userId,
      requestId: actor.requestId,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      before: toJson(record.before),
      after: toJson(record.after),
    };
  }
}

/** Audit payloads are JSON objects; scalars are wrapped so jsonb always holds an object. */
function toJson(value: unknown): object | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'object' ? (JSON.parse(JSON.stringify(value)) as object) : { value };
}
