import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The desk (issue 12): kits, custody, check-in and no-shows, deposit retention.
 *
 * - `asset_parts`: what a kit is made of (booked as one asset, checked part by part).
 * - `bookings`: check-in (when, by whom, how many came) and the no-show mark. A no-show never holds
 *   its slot and was never checked in.
 * - `custody_handouts`: one hand-out and its return per booking item. The database keeps at most one
 *   open hand-out per item, hands out only items of an approved booking that holds its slot, takes the
 *   return after the hand-out, and keeps what was recorded (a trigger refuses rewriting it).
 * - `custody_part_checks`: the part-by-part checklist at hand-out (`out`) and return (`in`), only for
 *   parts of the handed-out asset, `in` only once returned; never rewritten.
 * - `deposit_retentions`: deposit kept for damage or loss, with the reason, who decided and the
 *   settlement payment it was posted as; never more in total than the booking's deposit, never rewritten.
 */
export class Desk1765611000000 implements MigrationInterface {
  name = 'Desk1765611000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "asset_parts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "asset_id" uuid NOT NULL, "name_ko" text NOT NULL, "name_en" text NOT NULL, "quantity" integer NOT NULL DEFAULT '1', "serial" text NOT NULL DEFAULT '', "sort" integer NOT NULL DEFAULT '0', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "asset_parts_quantity_check" CHECK ("quantity" >= 1 AND "quantity" <= 100), CONSTRAINT "asset_parts_names_check" CHECK (length(btrim("name_ko")) > 0 AND length(btrim("name_en")) > 0), CONSTRAINT "asset_parts_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "asset_parts_asset_id_sort_idx" ON "asset_parts" ("asset_id", "sort")`);
    await q.query(
      `ALTER TABLE "asset_parts" ADD CONSTRAINT "asset_parts_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await q.query(
      `ALTER TABLE "bookings" ADD "checked_in_at" TIMESTAMP WITH TIME ZONE, ADD "checked_in_by" uuid, ADD "attendance" integer, ADD "no_show_at" TIMESTAMP WITH TIME ZONE`,
    );
    await q.query(
      `ALTER TABLE "bookings" ADD CONSTRAINT "bookings_check_in_check" CHECK (("checked_in_at" IS NULL) = ("checked_in_by" IS NULL) AND ("attendance" IS NULL OR ("checked_in_at" IS NOT NULL AND "attendance" >= 0)))`,
    );
    await q.query(
      `ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_show_check" CHECK ("no_show_at" IS NULL OR ("checked_in_at" IS NULL AND "kind" = 'request' AND NOT "holds_slot"))`,
    );
    await q.query(
      `ALTER TABLE "bookings" ADD CONSTRAINT "bookings_checked_in_by_fkey" FOREIGN KEY ("checked_in_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `CREATE INDEX "bookings_no_show_idx" ON "bookings" ("requester_id", "no_show_at") WHERE "no_show_at" IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "bookings_attendance_due_idx" ON "bookings" ("start_at") WHERE "holds_slot" AND "checked_in_at" IS NULL AND "kind" = 'request'`,
    );

    await q.query(
      `CREATE TABLE "custody_handouts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "booking_id" uuid NOT NULL, "booking_item_id" uuid NOT NULL, "asset_id" uuid NOT NULL, "handed_out_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "handed_out_by" uuid NOT NULL, "received_by" text NOT NULL, "condition_out" text NOT NULL DEFAULT '', "returned_at" TIMESTAMP WITH TIME ZONE, "returned_by" uuid, "condition_in" text, "overdue_notified_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "custody_handouts_return_check" CHECK (("returned_at" IS NULL) = ("returned_by" IS NULL) AND ("returned_at" IS NULL) = ("condition_in" IS NULL) AND ("returned_at" IS NULL OR "returned_at" >= "handed_out_at")), CONSTRAINT "custody_handouts_received_by_check" CHECK (length(btrim("received_by")) > 0), CONSTRAINT "custody_handouts_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "custody_handouts_one_open_idx" ON "custody_handouts" ("booking_item_id") WHERE "returned_at" IS NULL`,
    );
    await q.query(`CREATE INDEX "custody_handouts_booking_id_idx" ON "custody_handouts" ("booking_id")`);
    for (const [column, table, onDelete] of [
      ['booking_id', 'bookings', 'RESTRICT'],
      ['booking_item_id', 'booking_items', 'RESTRICT'],
      ['asset_id', 'assets', 'RESTRICT'],
      ['handed_out_by', 'users', 'RESTRICT'],
      ['returned_by', 'users', 'RESTRICT'],
    ])
      await q.query(
        `ALTER TABLE "custody_handouts" ADD CONSTRAINT "custody_handouts_${column}_fkey" FOREIGN KEY ("${column}") REFERENCES "${table}"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION`,
      );

    await q.query(
      `CREATE TABLE "custody_part_checks" ("handout_id" uuid NOT NULL, "part_id" uuid NOT NULL, "stage" text NOT NULL, "state" text NOT NULL, "note" text NOT NULL DEFAULT '', CONSTRAINT "custody_part_checks_stage_check" CHECK ("stage" IN ('out', 'in')), CONSTRAINT "custody_part_checks_state_check" CHECK ("state" IN ('ok', 'missing', 'damaged')), CONSTRAINT "custody_part_checks_pkey" PRIMARY KEY ("handout_id", "part_id", "stage"))`,
    );
    await q.query(
      `ALTER TABLE "custody_part_checks" ADD CONSTRAINT "custody_part_checks_handout_id_fkey" FOREIGN KEY ("handout_id") REFERENCES "custody_handouts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "custody_part_checks" ADD CONSTRAINT "custody_part_checks_part_id_fkey" FOREIGN KEY ("part_id") REFERENCES "asset_parts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await q.query(
      `CREATE TABLE "deposit_retentions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "booking_id" uuid NOT NULL, "handout_id" uuid, "amount" integer NOT NULL, "reason" text NOT NULL, "decided_by" uuid NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "payment_id" uuid NOT NULL, CONSTRAINT "deposit_retentions_amount_check" CHECK ("amount" > 0), CONSTRAINT "deposit_retentions_reason_check" CHECK (length(btrim("reason")) > 0), CONSTRAINT "deposit_retentions_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "deposit_retentions_booking_id_idx" ON "deposit_retentions" ("booking_id")`);
    for (const [column, table] of [
      ['booking_id', 'bookings'],
      ['handout_id', 'custody_handouts'],
      ['decided_by', 'users'],
    ])
      await q.query(
        `ALTER TABLE "deposit_retentions" ADD CONSTRAINT "deposit_retentions_${column}_fkey" FOREIGN KEY ("${column}") REFERENCES "${table}"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );

    // Hand-outs: only for an approved, slot-holding request's own item; the record is kept as written.
    await q.query(`CREATE FUNCTION "custody_handouts_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        b record;
      BEGIN
        IF TG_OP = 'INSERT' THEN
          IF NEW.returned_at IS NOT NULL THEN
            RAISE EXCEPTION 'a hand-out starts open' USING ERRCODE = 'check_violation', CONSTRAINT = 'custody_handouts_guard';
          END IF;
          SELECT i.booking_id, i.asset_id, k.kind, k.decision, k.holds_slot INTO b
            FROM booking_items i JOIN bookings k ON k.id = i.booking_id WHERE i.id = NEW.booking_item_id FOR SHARE OF k;
          IF b.booking_id IS DISTINCT FROM NEW.booking_id OR b.asset_id IS DISTINCT FROM NEW.asset_id THEN
            RAISE EXCEPTION 'item % is not asset % of booking %', NEW.booking_item_id, NEW.asset_id, NEW.booking_id
              USING ERRCODE = 'check_violation', CONSTRAINT = 'custody_handouts_guard';
          END IF;
          IF b.kind <> 'request' OR b.decision <> 'approved' OR NOT b.holds_slot THEN
            RAISE EXCEPTION 'booking % is not an approved booking holding its slot', NEW.booking_id
              USING ERRCODE = 'check_violation', CONSTRAINT = 'custody_handouts_guard';
          END IF;
        ELSE
          IF OLD.returned_at IS NOT NULL THEN
            RAISE EXCEPTION 'hand-out % is returned and final', OLD.id
              USING ERRCODE = 'check_violation', CONSTRAINT = 'custody_handouts_guard';
          END IF;
          IF (NEW.booking_id, NEW.booking_item_id, NEW.asset_id, NEW.handed_out_at, NEW.handed_out_by, NEW.received_by, NEW.condition_out)
             IS DISTINCT FROM (OLD.booking_id, OLD.booking_item_id, OLD.asset_id, OLD.handed_out_at, OLD.handed_out_by, OLD.received_by, OLD.condition_out) THEN
            RAISE EXCEPTION 'what was recorded at hand-out % is kept as it was', OLD.id
              USING ERRCODE = 'check_violation', CONSTRAINT = 'custody_handouts_guard';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "custody_handouts_guard" BEFORE INSERT OR UPDATE ON "custody_handouts"
      FOR EACH ROW EXECUTE FUNCTION "custody_handouts_guard"()`);

    // Part checks: parts of the handed-out asset; `out` while it is out, `in` once returned; kept as written.
    await q.query(`CREATE FUNCTION "custody_part_checks_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        h record;
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          RAISE EXCEPTION 'part checks are kept as written' USING ERRCODE = 'check_violation', CONSTRAINT = 'custody_part_checks_guard';
        END IF;
        SELECT c.asset_id, c.returned_at, p.asset_id AS part_asset INTO h
          FROM custody_handouts c, asset_parts p WHERE c.id = NEW.handout_id AND p.id = NEW.part_id;
        IF h.part_asset IS DISTINCT FROM h.asset_id THEN
          RAISE EXCEPTION 'part % is not a part of the handed-out asset', NEW.part_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'custody_part_checks_guard';
        END IF;
        IF (NEW.stage = 'out') <> (h.returned_at IS NULL) THEN
          RAISE EXCEPTION 'a % check does not fit hand-out % now', NEW.stage, NEW.handout_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'custody_part_checks_guard';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "custody_part_checks_guard" BEFORE INSERT OR UPDATE ON "custody_part_checks"
      FOR EACH ROW EXECUTE FUNCTION "custody_part_checks_guard"()`);

    // Deposit kept: never more in total than the booking's deposit (serialised on the booking); never rewritten.
    await q.query(`CREATE FUNCTION "deposit_retentions_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        deposit integer;
        kept integer;
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          RAISE EXCEPTION 'a deposit retention is kept as written; record a correction instead'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'deposit_retentions_guard';
        END IF;
        SELECT coalesce((quote->>'deposit')::integer, 0) INTO deposit FROM bookings WHERE id = NEW.booking_id FOR UPDATE;
        SELECT coalesce(sum(amount), 0) INTO kept FROM deposit_retentions WHERE booking_id = NEW.booking_id;
        IF kept + NEW.amount > deposit THEN
          RAISE EXCEPTION 'booking % would keep % of a % deposit', NEW.booking_id, kept + NEW.amount, deposit
            USING ERRCODE = 'check_violation', CONSTRAINT = 'deposit_retentions_guard';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "deposit_retentions_guard" BEFORE INSERT OR UPDATE OR DELETE ON "deposit_retentions"
      FOR EACH ROW EXECUTE FUNCTION "deposit_retentions_guard"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "deposit_retentions"`);
    await q.query(`DROP FUNCTION "deposit_retentions_guard"()`);
    await q.query(`DROP TABLE "custody_part_checks"`);
    await q.query(`DROP FUNCTION "custody_part_checks_guard"()`);
    await q.query(`DROP TABLE "custody_handouts"`);
    await q.query(`DROP FUNCTION "custody_handouts_guard"()`);
    await q.query(`DROP INDEX "bookings_attendance_due_idx"`);
    await q.query(`DROP INDEX "bookings_no_show_idx"`);
    await q.query(`ALTER TABLE "bookings" DROP CONSTRAINT "bookings_checked_in_by_fkey"`);
    await q.query(`ALTER TABLE "bookings" DROP CONSTRAINT "bookings_no_show_check"`);
    await q.query(`ALTER TABLE "bookings" DROP CONSTRAINT "bookings_check_in_check"`);
    await q.query(
      `ALTER TABLE "bookings" DROP COLUMN "no_show_at", DROP COLUMN "attendance", DROP COLUMN "checked_in_by", DROP COLUMN "checked_in_at"`,
    );
    await q.query(`DROP TABLE "asset_parts"`);
  }
}
