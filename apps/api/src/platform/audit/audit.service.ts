import { Injectable } from '@nestjs/common';
import type { AuditEntry, Page } from '@madang/contracts';
import type { EntityManager } from 'typeorm';
import { pageOf } from '../../core/pagination';
import type { Actor } from '../../core/actor';
import { assertSpan, MAX_SPAN_DAYS } from '../../core/time-range';
import { AuditQueryDto } from './dto/audit.dto';
import { AuditInsert, AuditRepository } from './audit.repository';

/** Who did it: a signed-in actor, or the system (userId null). */
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

/** The audit log: written inside the caller's transaction, so a change and its record commit together. */
@Injectable()
export class AuditService {
  constructor(private readonly entries: AuditRepository) {}

  async record(tx: EntityManager, actor: AuditActor, record: AuditRecord): Promise<void> {
    await this.entries.insert(tx, this.entry(actor, record));
  }

  /**
   * The row `record` writes, for a hot path that writes it as part of its own single statement
   * (with `insertAuditRowsFrom`, the audit repository's own SQL).
   */
  entry(actor: AuditActor, record: AuditRecord): AuditInsert {
    return {
      actor_id: actor.userId,
      request_id: actor.requestId,
      action: record.action,
      entity_type: record.entityType,
      entity_id: record.entityId,
      before: toJson(record.before),
      after: toJson(record.after),
    };
  }

  async list(_actor: Actor, query: AuditQueryDto): Promise<Page<AuditEntry>> {
    assertSpan(query.from, query.to, 'to', MAX_SPAN_DAYS.list);
    const { limit, offset } = pageOf(query);
    const filter = {
      action: query.action ?? null,
      entityType: query.entityType ?? null,
      entityId: query.entityId ?? null,
      actorId: query.actorId ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
    };
    const [rows, total] = await Promise.all([
      this.entries.page(filter, limit, offset),
      this.entries.count(filter),
    ]);
    return {
      items: rows.map((r) => ({
        id: String(r.id),
        at: r.at.toISOString(),
        actorId: r.actor_id,
        actorEmail: r.actor_email,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before,
        after: r.after,
        requestId: r.request_id,
      })),
      total,
      limit,
      offset,
    };
  }
}

/** Audit payloads are JSON objects; scalars are wrapped so jsonb always holds an object. */
function toJson(value: unknown): object | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'object' ? (JSON.parse(JSON.stringify(value)) as object) : { value };
}
