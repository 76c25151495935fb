import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { prepared, runPrepared } from '../../database/prepared';

/** An audit_log row as written (keys are its columns). */
export interface AuditInsert {
  actor_id: string | null;
  request_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: object | null;
  after: object | null;
}

/** An audit_log row as read, with the actor's e-mail. */
export interface AuditRow extends AuditInsert {
  id: string;
  at: Date;
  actor_email: string | null;
}

export interface AuditFilter {
  /** An action, or an action prefix before a dot (`booking` matches `booking.approved`). */
  action: string | null;
  entityType: string | null;
  entityId: string | null;
  actorId: string | null;
  from: string | null;
  to: string | null;
}

/**
 * The audit_log insert of JSON rows (an array of AuditInsert) bound at `param`. Its one text, used
 * alone and as a part of a caller's single-statement write (see BookingsRepository.insertHeld).
 */
export const insertAuditRowsFrom = (param: string) =>
  `INSERT INTO audit_log (actor_id, request_id, action, entity_type, entity_id, before, after)
   SELECT actor_id, request_id, action, entity_type, entity_id, before, after
     FROM jsonb_populate_recordset(NULL::audit_log, ${param}::jsonb)`;

/** Every state change writes one: a prepared statement, run on the caller's transaction. */
const INSERT_AUDIT = prepared('audit_insert', insertAuditRowsFrom('$1'));

const MATCHING = `FROM audit_log a
  WHERE ($1::text IS NULL OR a.action = $1 OR a.action LIKE $1 || '.%')
    AND ($2::text IS NULL OR a.entity_type = $2)
    AND ($3::text IS NULL OR a.entity_id = $3)
    AND ($4::uuid IS NULL OR a.actor_id = $4)
    AND ($5::timestamptz IS NULL OR a.at >= $5)
    AND ($6::timestamptz IS NULL OR a.at < $6)`;

/** The append-only audit log (a trigger refuses UPDATE, DELETE and TRUNCATE). */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(tx: EntityManager, row: AuditInsert): Promise<void> {
    await runPrepared(tx, INSERT_AUDIT, [JSON.stringify([row])]);
  }

  /** One page of matching entries, newest first. */
  async page(filter: AuditFilter, limit: number, offset: number): Promise<AuditRow[]> {
    return (await this.db.query(
      `SELECT a.*, u.email AS actor_email FROM (SELECT a.* ${MATCHING} ORDER BY a.at DESC, a.id DESC LIMIT $7 OFFSET $8) a
         LEFT JOIN users u ON u.id = a.actor_id ORDER BY a.at DESC, a.id DESC`,
      [...this.params(filter), limit, offset],
    )) as AuditRow[];
  }

  /** How many entries match, whatever page is asked for. */
  async count(filter: AuditFilter): Promise<number> {
    const [{ total }] = (await this.db.query(
      `SELECT count(*)::int AS total ${MATCHING}`,
      this.params(filter),
    )) as {
      total: number;
    }[];
    return total;
  }

  private params(f: AuditFilter): (string | null)[] {
    return [f.action, f.entityType, f.entityId, f.actorId, f.from, f.to];
  }
}
