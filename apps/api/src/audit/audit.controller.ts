import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { AuditEntry, Page, PERMISSIONS } from '@madang/contracts';
import { DataSource } from 'typeorm';
import { CurrentActor, RequirePermission } from '../core/decorators';
import type { Actor } from '../core/actor';
import { assertSpan, MAX_SPAN_DAYS } from '../core/time-range';
import { AuditQueryDto } from './dto/audit.dto';

interface AuditRow {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
  total: string;
}

@ApiTags('audit')
@ApiCookieAuth()
@Controller('audit')
export class AuditController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @RequirePermission(PERMISSIONS.AUDIT_READ)
  async list(@CurrentActor() _actor: Actor, @Query() query: AuditQueryDto): Promise<Page<AuditEntry>> {
    assertSpan(query.from, query.to, 'to', MAX_SPAN_DAYS.list);
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const rows = (await this.db.query(
      `SELECT a.*, u.email AS actor_email, count(*) OVER () AS total
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
        WHERE ($1::text IS NULL OR a.action = $1 OR a.action LIKE $1 || '.%')
          AND ($2::text IS NULL OR a.entity_type = $2)
          AND ($3::text IS NULL OR a.entity_id = $3)
          AND ($4::uuid IS NULL OR a.actor_id = $4)
          AND ($5::timestamptz IS NULL OR a.at >= $5)
          AND ($6::timestamptz IS NULL OR a.at < $6)
        ORDER BY a.at DESC, a.id DESC LIMIT $7 OFFSET $8`,
      [
        query.action ?? null,
        query.entityType ?? null,
        query.entityId ?? null,
        query.actorId ?? null,
        query.from ?? null,
        query.to ?? null,
        limit,
        offset,
      ],
    )) as AuditRow[];
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
      total: rows.length ? Number(rows[0].total) : 0,
      limit,
      offset,
    };
  }
}
