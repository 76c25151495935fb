import { Injectable } from '@nestjs/common';
import type { AssetKind, CustodyDto, PartCheckInput, PartCheckStage } from '@madang/contracts';
import { EntityManager } from 'typeorm';

export interface PartRow {
  id: string;
  asset_id: string;
  name_ko: string;
  name_en: string;
  quantity: number;
  serial: string;
  active: boolean;
}

/** A booked item as the desk needs it. */
export interface DeskItemRow {
  booking_id: string;
  booking_item_id: string;
  asset_id: string;
  asset_kind: AssetKind;
  name_ko: string;
  name_en: string;
  rules_version: number;
  requester_id: string;
  requester_name: string;
  start_at: Date;
  end_at: Date;
  deposit: number;
  deposit_kept: number;
  kind: string;
  decision: string;
  holds_slot: boolean;
}

/** A hand-out with its checks, as JSON from one query. */
export interface HandoutRow {
  id: string;
  booking_id: string;
  booking_item_id: string;
  asset_id: string;
  name_ko: string;
  name_en: string;
  handed_out_at: Date;
  handed_out_by: string;
  handed_out_by_name: string;
  received_by: string;
  condition_out: string;
  returned_at: Date | null;
  returned_by: string | null;
  returned_by_name: string | null;
  condition_in: string | null;
  checks: {
    partId: string;
    nameKo: string;
    nameEn: string;
    quantity: number;
    stage: PartCheckStage;
    state: CustodyDto['out'][number]['state'];
    note: string;
  }[];
  photo_ids: string[];
}

export interface AttendanceRow {
  id: string;
  requester_id: string;
  start_at: Date;
  end_at: Date;
  checked_in_at: Date | null;
  checked_in_by: string | null;
  checked_in_by_name: string | null;
  attendance: number | null;
  no_show_at: Date | null;
  holds_slot: boolean;
  decision: string;
  kind: string;
  group_id: string | null;
  items: { assetId: string; rulesVersion: number }[];
}

const ITEM = `SELECT b.id AS booking_id, i.id AS booking_item_id, i.asset_id, i.asset_kind, a.name_ko, a.name_en, i.rules_version,
       b.requester_id, u.display_name AS requester_name, b.start_at, b.end_at, b.kind, b.decision, b.holds_slot,
       coalesce((b.quote->>'deposit')::int, 0) AS deposit,
       (SELECT coalesce(sum(r.amount), 0)::int FROM deposit_retentions r WHERE r.booking_id = b.id) AS deposit_kept
  FROM booking_items i JOIN bookings b ON b.id = i.booking_id JOIN assets a ON a.id = i.asset_id
  JOIN users u ON u.id = b.requester_id`;

const HANDOUT = `SELECT h.id, h.booking_id, h.booking_item_id, h.asset_id, a.name_ko, a.name_en, h.handed_out_at, h.handed_out_by,
       o.display_name AS handed_out_by_name, h.received_by, h.condition_out, h.returned_at, h.returned_by,
       r.display_name AS returned_by_name, h.condition_in,
       (SELECT coalesce(json_agg(json_build_object('partId', c.part_id, 'nameKo', p.name_ko, 'nameEn', p.name_en,
                'quantity', p.quantity, 'stage', c.stage, 'state', c.state, 'note', c.note) ORDER BY p.sort, p.name_ko), '[]')
          FROM custody_part_checks c JOIN asset_parts p ON p.id = c.part_id WHERE c.handout_id = h.id) AS checks,
       (SELECT coalesce(array_agg(f.id ORDER BY f.created_at), '{}') FROM files f
         WHERE f.owner_type = 'custody_handout' AND f.owner_id = h.id) AS photo_ids
  FROM custody_handouts h JOIN assets a ON a.id = h.asset_id JOIN users o ON o.id = h.handed_out_by
  LEFT JOIN users r ON r.id = h.returned_by`;

/** Every SQL statement of the desk (kits, custody, deposit kept, check-in). */
@Injectable()
export class DeskRepository {
  async parts(tx: EntityManager, assetIds: string[], withInactive = false): Promise<PartRow[]> {
    if (assetIds.length === 0) return [];
    return (await tx.query(
      `SELECT id, asset_id, name_ko, name_en, quantity, serial, active FROM asset_parts
        WHERE asset_id = ANY($1::uuid[]) AND ($2::boolean OR active) ORDER BY asset_id, sort, name_ko, id`,
      [assetIds, withInactive],
    )) as PartRow[];
  }

  async partUsed(tx: EntityManager, partId: string): Promise<boolean> {
    const rows = (await tx.query(`SELECT 1 FROM custody_part_checks WHERE part_id = $1 LIMIT 1`, [
      partId,
    ])) as unknown[];
    return rows.length > 0;
  }

  async item(tx: EntityManager, bookingId: string, assetId: string): Promise<DeskItemRow | undefined> {
    const rows = (await tx.query(`${ITEM} WHERE b.id = $1 AND i.asset_id = $2`, [
      bookingId,
      assetId,
    ])) as DeskItemRow[];
    return rows[0];
  }

  /** Slot-holding approved equipment requests overlapping [from, to), and every item still out. */
  async deskItems(tx: EntityManager, from: string, to: string): Promise<DeskItemRow[]> {
    return (await tx.query(
      `${ITEM}
        WHERE b.kind = 'request' AND i.asset_kind <> 'space'
          AND ((b.decision = 'approved' AND b.holds_slot AND b.start_at < $2 AND b.end_at >= $1)
               OR EXISTS (SELECT 1 FROM custody_handouts h WHERE h.booking_item_id = i.id AND h.returned_at IS NULL))
        ORDER BY b.start_at, a.name_ko, b.id
        LIMIT 500`,
      [from, to],
    )) as DeskItemRow[];
  }

  /** Items out whose booking ended before `before` (candidates for overdue; grace is applied by the caller). */
  async outSince(
    tx: EntityManager,
    before: string,
  ): Promise<(DeskItemRow & { handout_id: string; overdue_notified_at: Date | null })[]> {
    return (await tx.query(
      `SELECT x.*, h.id AS handout_id, h.overdue_notified_at FROM (${ITEM}) x
         JOIN custody_handouts h ON h.booking_item_id = x.booking_item_id AND h.returned_at IS NULL
        WHERE x.end_at < $1
        ORDER BY x.end_at
        LIMIT 500`,
      [before],
    )) as (DeskItemRow & { handout_id: string; overdue_notified_at: Date | null })[];
  }

  async handouts(tx: EntityManager, bookingIds: string[]): Promise<HandoutRow[]> {
    if (bookingIds.length === 0) return [];
    return (await tx.query(`${HANDOUT} WHERE h.booking_id = ANY($1::uuid[]) ORDER BY h.handed_out_at`, [
      bookingIds,
    ])) as HandoutRow[];
  }

  async handout(tx: EntityManager, id: string, lock = false): Promise<HandoutRow | undefined> {
    if (lock) await tx.query(`SELECT id FROM custody_handouts WHERE id = $1 FOR UPDATE`, [id]);
    const rows = (await tx.query(`${HANDOUT} WHERE h.id = $1`, [id])) as HandoutRow[];
    return rows[0];
  }

  async insertHandout(
    tx: EntityManager,
    row: {
      booking_id: string;
      booking_item_id: string;
      asset_id: string;
      handed_out_by: string;
      received_by: string;
      condition_out: string;
    },
  ): Promise<string> {
    const [{ id }] = (await tx.query(
      `INSERT INTO custody_handouts (booking_id, booking_item_id, asset_id, handed_out_by, received_by, condition_out)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        row.booking_id,
        row.booking_item_id,
        row.asset_id,
        row.handed_out_by,
        row.received_by,
        row.condition_out,
      ],
    )) as { id: string }[];
    return id;
  }

  async insertChecks(
    tx: EntityManager,
    handoutId: string,
    stage: PartCheckStage,
    checks: PartCheckInput[],
  ): Promise<void> {
    if (checks.length === 0) return;
    await tx.query(
      `INSERT INTO custody_part_checks (handout_id, part_id, stage, state, note)
       SELECT $1, x.part_id, $2, x.state, x.note FROM jsonb_to_recordset($3::jsonb) AS x(part_id uuid, state text, note text)`,
      [
        handoutId,
        stage,
        JSON.stringify(checks.map((c) => ({ part_id: c.partId, state: c.state, note: c.note ?? '' }))),
      ],
    );
  }

  async markReturned(tx: EntityManager, id: string, by: string, condition: string): Promise<void> {
    await tx.query(
      `UPDATE custody_handouts SET returned_at = greatest(now(), handed_out_at), returned_by = $2, condition_in = $3 WHERE id = $1`,
      [id, by, condition],
    );
  }

  async markOverdueNotified(tx: EntityManager, id: string): Promise<void> {
    await tx.query(`UPDATE custody_handouts SET overdue_notified_at = now() WHERE id = $1`, [id]);
  }

  async insertRetention(
    tx: EntityManager,
    row: {
      booking_id: string;
      handout_id: string | null;
      amount: number;
      reason: string;
      decided_by: string;
      payment_id: string;
    },
  ): Promise<{ id: string; decided_at: Date }> {
    const [created] = (await tx.query(
      `INSERT INTO deposit_retentions (booking_id, handout_id, amount, reason, decided_by, payment_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, decided_at`,
      [row.booking_id, row.handout_id, row.amount, row.reason, row.decided_by, row.payment_id],
    )) as { id: string; decided_at: Date }[];
    return created;
  }

  async depositKept(tx: EntityManager, bookingId: string): Promise<number> {
    const [{ total }] = (await tx.query(
      `SELECT coalesce(sum(amount), 0)::int AS total FROM deposit_retentions WHERE booking_id = $1`,
      [bookingId],
    )) as { total: number }[];
    return total;
  }

  async attendance(tx: EntityManager, bookingId: string): Promise<AttendanceRow | undefined> {
    const rows = (await tx.query(
      `SELECT b.id, b.requester_id, b.start_at, b.end_at, b.checked_in_at, b.checked_in_by, c.display_name AS checked_in_by_name,
              b.attendance, b.no_show_at, b.holds_slot, b.decision, b.kind, b.group_id,
              (SELECT json_agg(json_build_object('assetId', i.asset_id, 'rulesVersion', i.rules_version) ORDER BY i.asset_id)
                 FROM booking_items i WHERE i.booking_id = b.id) AS items
         FROM bookings b LEFT JOIN users c ON c.id = b.checked_in_by WHERE b.id = $1`,
      [bookingId],
    )) as AttendanceRow[];
    return rows[0];
  }

  async checkIn(tx: EntityManager, bookingId: string, by: string, attendance: number | null): Promise<void> {
    await tx.query(
      `UPDATE bookings SET checked_in_at = now(), checked_in_by = $2, attendance = $3, updated_at = now() WHERE id = $1`,
      [bookingId, by, attendance],
    );
  }

  /**
   * Approved requests that hold their slot, started before `now` (within two days) and not checked in:
   * the no-show job's candidates (the deadline per the rules is applied by the caller).
   */
  async attendanceDue(tx: EntityManager, now: string): Promise<AttendanceRow[]> {
    return (await tx.query(
      `SELECT b.id, b.requester_id, b.start_at, b.end_at, b.checked_in_at, b.checked_in_by, NULL AS checked_in_by_name,
              b.attendance, b.no_show_at, b.holds_slot, b.decision, b.kind, b.group_id,
              (SELECT json_agg(json_build_object('assetId', i.asset_id, 'rulesVersion', i.rules_version) ORDER BY i.asset_id)
                 FROM booking_items i WHERE i.booking_id = b.id) AS items
         FROM bookings b
        WHERE b.holds_slot AND b.checked_in_at IS NULL AND b.kind = 'request' AND b.decision = 'approved'
          AND b.start_at < $1::timestamptz AND b.start_at > $1::timestamptz - interval '2 days'
        ORDER BY b.start_at
        LIMIT 500`,
      [now],
    )) as AttendanceRow[];
  }

  /** A person's no-shows in the last `days` days. */
  async noShowCount(tx: EntityManager, userId: string, days: number): Promise<number> {
    const [{ n }] = (await tx.query(
      `SELECT count(*)::int AS n FROM bookings WHERE requester_id = $1 AND no_show_at > now() - make_interval(days => $2)`,
      [userId, days],
    )) as { n: number }[];
    return n;
  }
}
