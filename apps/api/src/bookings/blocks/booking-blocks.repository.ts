import { Injectable } from '@nestjs/common';
import type { AssetKind, BlockReason, BookingKind, Quote } from '@madang/contracts';
import { EntityManager } from 'typeorm';
import { AuditInsert, insertAuditRowsFrom } from '../../platform/audit/audit.repository';

/** A block as inserted: keys are `bookings` columns (read by jsonb_populate_record). */
export interface BlockInsert {
  id: string;
  requester_id: string;
  purpose: string;
  start_at: string;
  end_at: string;
  decided_by: string;
  decided_at: string;
  /** The staff's note. */
  decision_reason: string | null;
  quote: Quote;
  block_reason: BlockReason;
  source_type: string | null;
  source_id: string | null;
}

export interface BlockItemInsert {
  asset_id: string;
  asset_kind: AssetKind;
  /** A block takes every unit of a pool. */
  quantity: number;
  rules_version: number;
  during: string;
}

export interface BlockConflictRow {
  booking_id: string;
  kind: BookingKind;
  block_reason: BlockReason | null;
  asset_id: string;
  name_ko: string;
  name_en: string;
  start: Date;
  end: Date;
}

export interface BlockRow {
  id: string;
  asset_id: string;
  start_at: Date;
  end_at: Date;
  block_reason: BlockReason;
  note: string | null;
  source_type: string | null;
  source_id: string | null;
  holds_slot: boolean;
  requester_id: string;
  requester_name: string;
  created_at: Date;
}

/**
 * A block, its items and its audit entry in one statement. The items hold their slot at once, so the
 * exclusion constraint (and, for pools, the capacity trigger) judge them like any booking's.
 */
const INSERT_BLOCK = `WITH b AS (
     INSERT INTO bookings (id, requester_id, group_id, purpose, attendees, start_at, end_at, holds_slot, decision, decided_by,
                           decided_at, decision_reason, payment_status, quoted_total, quote, approval_required, kind, block_reason, source_type, source_id)
     SELECT id, requester_id, NULL, purpose, 0, start_at, end_at, true, 'approved', decided_by,
            decided_at, decision_reason, 'quoted', 0, quote, false, 'block', block_reason, source_type, source_id
       FROM jsonb_populate_record(NULL::bookings, $1::jsonb)
     RETURNING id),
   i AS (
     INSERT INTO booking_items (booking_id, asset_id, asset_kind, quantity, rules_version, during, holds_slot)
     SELECT b.id, x.asset_id, x.asset_kind, x.quantity, x.rules_version, x.during, true
       FROM b, jsonb_populate_recordset(NULL::booking_items, $2::jsonb) AS x
     RETURNING 1),
   a AS (${insertAuditRowsFrom('$3')})
   SELECT b.id, (SELECT count(*) FROM i)::int AS items FROM b`;

const SELECT_BLOCK = `SELECT b.id, i.asset_id, b.start_at, b.end_at, b.block_reason, b.decision_reason AS note,
       b.source_type, b.source_id, b.holds_slot, b.requester_id, u.display_name AS requester_name, b.created_at
  FROM bookings b JOIN booking_items i ON i.booking_id = b.id JOIN users u ON u.id = b.requester_id`;

/** Every SQL statement of blocks. */
@Injectable()
export class BookingBlocksRepository {
  async insert(
    tx: EntityManager,
    block: BlockInsert,
    items: BlockItemInsert[],
    audit: AuditInsert[],
  ): Promise<{ id: string }> {
    const [row] = (await tx.query(INSERT_BLOCK, [
      JSON.stringify(block),
      JSON.stringify(items),
      JSON.stringify(audit),
    ])) as { id: string }[];
    return { id: row.id };
  }

  /** Slot-holding items of these assets overlapping [start, end), with their booking's kind. */
  async conflicts(
    tx: EntityManager,
    assetIds: string[],
    start: string,
    end: string,
  ): Promise<BlockConflictRow[]> {
    return (await tx.query(
      `SELECT i.booking_id, b.kind, b.block_reason, i.asset_id, a.name_ko, a.name_en,
              lower(i.during) AS start, upper(i.during) AS end
         FROM booking_items i JOIN bookings b ON b.id = i.booking_id JOIN assets a ON a.id = i.asset_id
        WHERE i.asset_id = ANY($1::uuid[]) AND i.holds_slot AND i.during && tstzrange($2::timestamptz, $3::timestamptz)
        ORDER BY lower(i.during), a.name_ko, i.booking_id`,
      [assetIds, start, end],
    )) as BlockConflictRow[];
  }

  /** Blocks of an asset ending after `from` (released ones too when asked), soonest first. */
  async ofAsset(
    tx: EntityManager,
    assetId: string,
    from: string,
    withReleased: boolean,
  ): Promise<BlockRow[]> {
    return (await tx.query(
      `${SELECT_BLOCK} WHERE b.kind = 'block' AND i.asset_id = $1 AND b.end_at > $2 AND ($3::boolean OR b.holds_slot)
        ORDER BY b.start_at, b.id
        LIMIT 200`,
      [assetId, from, withReleased],
    )) as BlockRow[];
  }

  /** A block on one asset (one row per asset of the block). */
  async findOnAsset(tx: EntityManager, id: string, assetId: string): Promise<BlockRow | undefined> {
    const rows = (await tx.query(`${SELECT_BLOCK} WHERE b.kind = 'block' AND b.id = $1 AND i.asset_id = $2`, [
      id,
      assetId,
    ])) as BlockRow[];
    return rows[0];
  }
}
