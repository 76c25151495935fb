import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Waitlists with timed offers, reminders and calendar feeds (issue 12).
 *
 * - `waitlist_entries`: people in line for a taken slot; `waitlist_offers`: timed offers of a freed
 *   slot. One open offer per slot and per entry (partial unique indexes). A trigger refuses to
 *   accept an offer that is not open or whose `expires_at` has passed (read with now(), so no code
 *   path can accept late) and stamps `decided_at`.
 * - `booking_reminders`: (booking, kind) is the primary key, so each reminder is sent exactly once.
 * - `users.reminder_*`: the person's reminder preference (hours before: 1, 3, 24 or none; channels).
 * - `calendar_feeds`: a person's feed secret, stored only as its SHA-256.
 * - `booking_feed_sequences`: the iCal SEQUENCE of each booking, bumped by triggers on every change
 *   of its time, state, purpose, or an item's asset or range, whichever code makes it.
 */
export class BookingNotify1765620000000 implements MigrationInterface {
  name = 'BookingNotify1765620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" ADD "reminder_hours" integer`);
    await q.query(`ALTER TABLE "users" ADD "reminder_email" boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE "users" ADD "reminder_in_app" boolean NOT NULL DEFAULT true`);
    await q.query(
      `ALTER TABLE "users" ADD CONSTRAINT "users_reminder_channel_check" CHECK ("reminder_hours" IS NULL OR "reminder_email" OR "reminder_in_app")`,
    );
    await q.query(
      `ALTER TABLE "users" ADD CONSTRAINT "users_reminder_hours_check" CHECK ("reminder_hours" IS NULL OR "reminder_hours" IN (1, 3, 24))`,
    );

    await q.query(
      `CREATE TABLE "waitlist_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "asset_id" uuid NOT NULL, "group_id" uuid, "start_at" TIMESTAMP WITH TIME ZONE NOT NULL, "end_at" TIMESTAMP WITH TIME ZONE NOT NULL, "items" jsonb NOT NULL, "purpose" text NOT NULL, "attendees" integer NOT NULL, "state" text NOT NULL DEFAULT 'waiting', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "waitlist_entries_items_check" CHECK (jsonb_typeof("items") = 'array' AND jsonb_array_length("items") > 0), CONSTRAINT "waitlist_entries_attendees_check" CHECK ("attendees" >= 0), CONSTRAINT "waitlist_entries_state_check" CHECK ("state" IN ('waiting', 'offered', 'booked', 'lapsed', 'withdrawn')), CONSTRAINT "waitlist_entries_range_check" CHECK ("end_at" > "start_at"), CONSTRAINT "waitlist_entries_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "waitlist_entries_one_per_person_slot" ON "waitlist_entries" ("user_id", "asset_id", "start_at", "end_at") WHERE "state" IN ('waiting', 'offered')`,
    );
    await q.query(`CREATE INDEX "waitlist_entries_user_idx" ON "waitlist_entries" ("user_id", "created_at")`);
    await q.query(
      `CREATE INDEX "waitlist_entries_asset_start_idx" ON "waitlist_entries" ("asset_id", "start_at")`,
    );
    await q.query(
      `CREATE TABLE "waitlist_offers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "entry_id" uuid NOT NULL, "user_id" uuid NOT NULL, "asset_id" uuid NOT NULL, "start_at" TIMESTAMP WITH TIME ZONE NOT NULL, "end_at" TIMESTAMP WITH TIME ZONE NOT NULL, "state" text NOT NULL DEFAULT 'open', "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE, "booking_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "waitlist_offers_booking_check" CHECK (("state" = 'accepted') = ("booking_id" IS NOT NULL)), CONSTRAINT "waitlist_offers_expiry_check" CHECK ("expires_at" > "created_at"), CONSTRAINT "waitlist_offers_state_check" CHECK ("state" IN ('open', 'accepted', 'expired', 'withdrawn')), CONSTRAINT "waitlist_offers_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "waitlist_offers_open_expiry_idx" ON "waitlist_offers" ("expires_at") WHERE "state" = 'open'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "waitlist_offers_one_open_per_entry" ON "waitlist_offers" ("entry_id") WHERE "state" = 'open'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "waitlist_offers_one_open_per_slot" ON "waitlist_offers" ("asset_id", "start_at", "end_at") WHERE "state" = 'open'`,
    );
    await q.query(`CREATE FUNCTION waitlist_offer_accept_in_time() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.state = 'accepted' AND OLD.state IS DISTINCT FROM 'accepted' THEN
          IF OLD.state <> 'open' OR now() >= OLD.expires_at THEN
            RAISE EXCEPTION 'waitlist offer % is not open or has expired', OLD.id
              USING ERRCODE = 'check_violation', CONSTRAINT = 'waitlist_offers_accept_before_expiry';
          END IF;
          NEW.decided_at := now();
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER waitlist_offers_accept_before_expiry BEFORE UPDATE ON waitlist_offers
      FOR EACH ROW EXECUTE FUNCTION waitlist_offer_accept_in_time()`);

    await q.query(
      `CREATE TABLE "booking_reminders" ("booking_id" uuid NOT NULL, "kind" text NOT NULL, "user_id" uuid NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "booking_reminders_kind_check" CHECK ("kind" IN ('start', 'return_due')), CONSTRAINT "booking_reminders_pkey" PRIMARY KEY ("booking_id", "kind"))`,
    );
    await q.query(
      `CREATE TABLE "calendar_feeds" ("user_id" uuid NOT NULL, "token_hash" text NOT NULL, "generation" integer NOT NULL DEFAULT '1', "rotated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "calendar_feeds_generation_check" CHECK ("generation" > 0), CONSTRAINT "calendar_feeds_pkey" PRIMARY KEY ("user_id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "calendar_feeds_token_hash_key" ON "calendar_feeds" ("token_hash")`);
    await q.query(
      `CREATE TABLE "booking_feed_sequences" ("booking_id" uuid NOT NULL, "sequence" integer NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "booking_feed_sequences_sequence_check" CHECK ("sequence" >= 0), CONSTRAINT "booking_feed_sequences_pkey" PRIMARY KEY ("booking_id"))`,
    );

    const fk = (table: string, name: string, column: string, target: string, onDelete: string) =>
      q.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${name}" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION`,
      );
    await fk(
      'booking_feed_sequences',
      'booking_feed_sequences_booking_id_fkey',
      'booking_id',
      'bookings',
      'CASCADE',
    );
    await fk('calendar_feeds', 'calendar_feeds_user_id_fkey', 'user_id', 'users', 'CASCADE');
    await fk('booking_reminders', 'booking_reminders_booking_id_fkey', 'booking_id', 'bookings', 'CASCADE');
    await fk('booking_reminders', 'booking_reminders_user_id_fkey', 'user_id', 'users', 'CASCADE');
    await fk('waitlist_entries', 'waitlist_entries_user_id_fkey', 'user_id', 'users', 'CASCADE');
    await fk('waitlist_entries', 'waitlist_entries_asset_id_fkey', 'asset_id', 'assets', 'CASCADE');
    await fk('waitlist_entries', 'waitlist_entries_group_id_fkey', 'group_id', 'groups', 'CASCADE');
    await fk('waitlist_offers', 'waitlist_offers_entry_id_fkey', 'entry_id', 'waitlist_entries', 'CASCADE');
    await fk('waitlist_offers', 'waitlist_offers_user_id_fkey', 'user_id', 'users', 'CASCADE');
    await fk('waitlist_offers', 'waitlist_offers_asset_id_fkey', 'asset_id', 'assets', 'CASCADE');
    await fk('waitlist_offers', 'waitlist_offers_booking_id_fkey', 'booking_id', 'bookings', 'RESTRICT');

    await q.query(`CREATE FUNCTION booking_feed_sequence_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- TG_ARGV[0] names the booking id column of the row that changed (bookings.id, booking_items.booking_id).
        INSERT INTO booking_feed_sequences (booking_id, sequence, changed_at)
        VALUES ((to_jsonb(NEW) ->> TG_ARGV[0])::uuid, 1, now())
        ON CONFLICT (booking_id) DO UPDATE SET sequence = booking_feed_sequences.sequence + 1, changed_at = now();
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER bookings_feed_sequence AFTER UPDATE ON bookings FOR EACH ROW
      WHEN (OLD.start_at IS DISTINCT FROM NEW.start_at OR OLD.end_at IS DISTINCT FROM NEW.end_at
            OR OLD.decision IS DISTINCT FROM NEW.decision OR OLD.holds_slot IS DISTINCT FROM NEW.holds_slot
            OR OLD.purpose IS DISTINCT FROM NEW.purpose)
      EXECUTE FUNCTION booking_feed_sequence_bump('id')`);
    await q.query(`CREATE TRIGGER booking_items_feed_sequence AFTER UPDATE ON booking_items FOR EACH ROW
      WHEN (OLD.asset_id IS DISTINCT FROM NEW.asset_id OR OLD.during IS DISTINCT FROM NEW.during)
      EXECUTE FUNCTION booking_feed_sequence_bump('booking_id')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER booking_items_feed_sequence ON booking_items`);
    await q.query(`DROP TRIGGER bookings_feed_sequence ON bookings`);
    await q.query(`DROP FUNCTION booking_feed_sequence_bump()`);
    await q.query(`DROP TRIGGER waitlist_offers_accept_before_expiry ON waitlist_offers`);
    await q.query(`DROP FUNCTION waitlist_offer_accept_in_time()`);
    await q.query(`DROP TABLE "booking_feed_sequences"`);
    await q.query(`DROP TABLE "calendar_feeds"`);
    await q.query(`DROP TABLE "booking_reminders"`);
    await q.query(`DROP TABLE "waitlist_offers"`);
    await q.query(`DROP TABLE "waitlist_entries"`);
    await q.query(`ALTER TABLE "users" DROP CONSTRAINT "users_reminder_hours_check"`);
    await q.query(`ALTER TABLE "users" DROP CONSTRAINT "users_reminder_channel_check"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "reminder_in_app"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "reminder_email"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "reminder_hours"`);
  }
}
