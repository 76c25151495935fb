import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Catalogue, versioned rental rules, bookings and notifications. No double booking is enforced by
 * PostgreSQL itself: an exclusion constraint for spaces and single items, and a trigger that
 * serialises each quantity pool and refuses over-commitment (raised as SQLSTATE 23P01 too).
 */
export class Bookings1764100000000 implements MigrationInterface {
  name = 'Bookings1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(
      `CREATE TABLE "asset_categories" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name_ko" text NOT NULL, "name_en" text NOT NULL, "description_ko" text NOT NULL DEFAULT '', "description_en" text NOT NULL DEFAULT '', "rules" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "asset_categories_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "asset_categories_code_key" ON "asset_categories" ("code")`);
    await q.query(
      `CREATE TABLE "assets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "category_id" uuid NOT NULL, "kind" text NOT NULL, "name_ko" text NOT NULL, "name_en" text NOT NULL, "description_ko" text NOT NULL DEFAULT '', "description_en" text NOT NULL DEFAULT '', "capacity" integer, "pool_size" integer, "location" text NOT NULL DEFAULT '', "amenities" text array NOT NULL DEFAULT '{}', "accessibility" text array NOT NULL DEFAULT '{}', "active" boolean NOT NULL DEFAULT true, "rules" jsonb NOT NULL DEFAULT '{}', "rules_version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "assets_capacity_check" CHECK ("capacity" IS NULL OR "capacity" >= 0), CONSTRAINT "assets_pool_size_check" CHECK (("kind" = 'equipment_pool') = ("pool_size" IS NOT NULL) AND ("pool_size" IS NULL OR "pool_size" > 0)), CONSTRAINT "assets_kind_check" CHECK ("kind" IN ('space', 'equipment_item', 'equipment_pool')), CONSTRAINT "assets_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "assets_category_id_idx" ON "assets" ("category_id")`);
    await q.query(
      `CREATE TABLE "bookings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "requester_id" uuid NOT NULL, "group_id" uuid, "purpose" text NOT NULL, "purpose_tag" text, "attendees" integer NOT NULL, "start_at" TIMESTAMP WITH TIME ZONE NOT NULL, "end_at" TIMESTAMP WITH TIME ZONE NOT NULL, "holds_slot" boolean NOT NULL, "decision" text NOT NULL, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_reason" text, "cancelled_by" uuid, "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancel_reason" text, "payment_status" text NOT NULL, "quoted_total" integer NOT NULL, "cancellation_fee" integer NOT NULL DEFAULT '0', "quote" jsonb NOT NULL, "approval_required" boolean NOT NULL, "idempotency_key" text, "request_hash" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "bookings_attendees_check" CHECK ("attendees" >= 0), CONSTRAINT "bookings_money_check" CHECK ("quoted_total" >= 0 AND "cancellation_fee" >= 0), CONSTRAINT "bookings_holds_slot_check" CHECK (NOT "holds_slot" OR "decision" IN ('pending', 'approved')), CONSTRAINT "bookings_payment_status_check" CHECK ("payment_status" IN ('quoted', 'invoiced', 'paid', 'waived', 'refunded')), CONSTRAINT "bookings_decision_check" CHECK ("decision" IN ('pending', 'approved', 'rejected', 'cancelled')), CONSTRAINT "bookings_range_check" CHECK ("end_at" > "start_at"), CONSTRAINT "bookings_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "bookings_requester_idempotency_key" ON "bookings" ("requester_id", "idempotency_key") WHERE "idempotency_key" IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "bookings_decision_created_idx" ON "bookings" ("decision", "created_at")`);
    await q.query(`CREATE INDEX "bookings_group_start_idx" ON "bookings" ("group_id", "start_at")`);
    await q.query(`CREATE INDEX "bookings_requester_start_idx" ON "bookings" ("requester_id", "start_at")`);
    await q.query(
      `CREATE TABLE "booking_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "booking_id" uuid NOT NULL, "asset_id" uuid NOT NULL, "asset_kind" text NOT NULL, "quantity" integer NOT NULL, "rules_version" integer NOT NULL, "during" tstzrange NOT NULL, "holds_slot" boolean NOT NULL, CONSTRAINT "booking_items_during_check" CHECK (NOT isempty("during") AND NOT lower_inf("during") AND NOT upper_inf("during")), CONSTRAINT "booking_items_quantity_check" CHECK ("quantity" > 0 AND ("asset_kind" = 'equipment_pool' OR "quantity" = 1)), CONSTRAINT "booking_items_no_overlap" EXCLUDE USING gist ("asset_id" WITH =, "during" WITH &&) WHERE ("holds_slot" AND "asset_kind" <> 'equipment_pool'), CONSTRAINT "booking_items_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "booking_items_asset_during_idx" ON "booking_items" USING GiST ("asset_id", "during")`,
    );
    await q.query(`CREATE INDEX "booking_items_booking_id_idx" ON "booking_items" ("booking_id")`);
    await q.query(
      `CREATE TABLE "asset_photos" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "asset_id" uuid NOT NULL, "content_type" text NOT NULL, "bytes" bytea NOT NULL, "size" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "asset_photos_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "asset_photos_asset_id_idx" ON "asset_photos" ("asset_id")`);
    await q.query(
      `CREATE TABLE "asset_rule_versions" ("asset_id" uuid NOT NULL, "version" integer NOT NULL, "rules" jsonb NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "asset_rule_versions_pkey" PRIMARY KEY ("asset_id", "version"))`,
    );
    await q.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" text NOT NULL, "title_ko" text NOT NULL, "title_en" text NOT NULL, "body_ko" text NOT NULL, "body_en" text NOT NULL, "booking_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "notifications_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "notifications_user_created_idx" ON "notifications" ("user_id", "created_at")`,
    );
    await q.query(
      `ALTER TABLE "assets" ADD CONSTRAINT "assets_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "asset_categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "bookings" ADD CONSTRAINT "bookings_requester_id_fkey" FOREIGN KEY ("requester_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "bookings" ADD CONSTRAINT "bookings_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "booking_items" ADD CONSTRAINT "booking_items_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "booking_items" ADD CONSTRAINT "booking_items_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "asset_photos" ADD CONSTRAINT "asset_photos_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "asset_rule_versions" ADD CONSTRAINT "asset_rule_versions_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    // booking_items.holds_slot follows bookings.holds_slot: one source of truth, enforced where the constraint is.
    await q.query(`CREATE FUNCTION "bookings_sync_holds_slot"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE booking_items SET holds_slot = NEW.holds_slot WHERE booking_id = NEW.id AND holds_slot IS DISTINCT FROM NEW.holds_slot;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "bookings_sync_holds_slot" AFTER UPDATE OF holds_slot ON bookings
      FOR EACH ROW WHEN (OLD.holds_slot IS DISTINCT FROM NEW.holds_slot) EXECUTE FUNCTION "bookings_sync_holds_slot"()`);

    // Quantity pools: lock the pool's asset row (serialising concurrent claims on that pool), then
    // refuse the row if the peak of units held at any instant of its range would exceed the pool.
    await q.query(`CREATE FUNCTION "booking_items_pool_capacity"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        pool integer;
        peak integer;
      BEGIN
        SELECT pool_size INTO pool FROM assets WHERE id = NEW.asset_id FOR UPDATE;
        SELECT coalesce(max(used), 0) INTO peak FROM (
          SELECT (SELECT coalesce(sum(o.quantity), 0) FROM booking_items o
                   WHERE o.asset_id = NEW.asset_id AND o.holds_slot AND o.id <> NEW.id AND o.during @> p.at) AS used
            FROM (SELECT lower(NEW.during) AS at
                  UNION
                  SELECT lower(o.during) FROM booking_items o
                   WHERE o.asset_id = NEW.asset_id AND o.holds_slot AND o.id <> NEW.id
                     AND o.during && NEW.during AND lower(o.during) > lower(NEW.during)) p
        ) s;
        IF peak + NEW.quantity > pool THEN
          RAISE EXCEPTION 'pool % would hold % of % units', NEW.asset_id, peak + NEW.quantity, pool
            USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'booking_items_pool_capacity';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "booking_items_pool_capacity" BEFORE INSERT OR UPDATE OF holds_slot, during, quantity ON booking_items
      FOR EACH ROW WHEN (NEW.asset_kind = 'equipment_pool' AND NEW.holds_slot) EXECUTE FUNCTION "booking_items_pool_capacity"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "notifications"`);
    await q.query(`DROP TABLE "booking_items"`);
    await q.query(`DROP FUNCTION "booking_items_pool_capacity"()`);
    await q.query(`DROP TABLE "bookings"`);
    await q.query(`DROP FUNCTION "bookings_sync_holds_slot"()`);
    await q.query(`DROP TABLE "asset_photos"`);
    await q.query(`DROP TABLE "asset_rule_versions"`);
    await q.query(`DROP TABLE "assets"`);
    await q.query(`DROP TABLE "asset_categories"`);
  }
}
