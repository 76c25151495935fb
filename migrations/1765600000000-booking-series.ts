import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recurring booking series (issue 12). `booking_series` holds the recurrence (RFC 5545 RRULE read on
 * the wall clock of `time_zone`), its assets and request facts; each occurrence stays a normal
 * `bookings` row that points at its series with `series_id` and its original local date
 * (`occurrence_date`, unique per series), and says how it differs from the series in
 * `series_exception` (moved, other_room, cancelled). The exclusion constraint, the pool trigger,
 * quotas, approvals and cancellation terms thus apply to every occurrence unchanged.
 *
 * In the database too: an occurrence belongs to its series' requester (trigger), has a date iff it
 * has a series, and at most one booking per occurrence date.
 */
export class BookingSeries1765600000000 implements MigrationInterface {
  name = 'BookingSeries1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "booking_series" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "requester_id" uuid NOT NULL, "group_id" uuid, "split_from" uuid, "items" jsonb NOT NULL, "rrule" text NOT NULL, "start_date" date NOT NULL, "start_time" TIME NOT NULL, "duration_minutes" integer NOT NULL, "time_zone" text NOT NULL, "until_date" date, "occurrence_count" integer, "purpose" text NOT NULL, "purpose_tag" text, "attendees" integer NOT NULL, "status" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "booking_series_attendees_check" CHECK ("attendees" >= 0), CONSTRAINT "booking_series_items_check" CHECK (jsonb_typeof("items") = 'array' AND jsonb_array_length("items") BETWEEN 1 AND 10), CONSTRAINT "booking_series_end_check" CHECK (("until_date" IS NULL) <> ("occurrence_count" IS NULL) AND ("occurrence_count" IS NULL OR "occurrence_count" BETWEEN 1 AND 260) AND ("until_date" IS NULL OR "until_date" >= "start_date")), CONSTRAINT "booking_series_duration_check" CHECK ("duration_minutes" > 0 AND "duration_minutes" <= 527040), CONSTRAINT "booking_series_status_check" CHECK ("status" IN ('active', 'cancelled')), CONSTRAINT "booking_series_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "booking_series_requester_created_idx" ON "booking_series" ("requester_id", "created_at") `,
    );
    await q.query(`ALTER TABLE "bookings" ADD "series_id" uuid`);
    await q.query(`ALTER TABLE "bookings" ADD "occurrence_date" date`);
    await q.query(`ALTER TABLE "bookings" ADD "series_exception" text`);
    await q.query(
      `CREATE UNIQUE INDEX "bookings_series_occurrence_key" ON "bookings" ("series_id", "occurrence_date") WHERE "series_id" IS NOT NULL`,
    );
    await q.query(
      `ALTER TABLE "bookings" ADD CONSTRAINT "bookings_series_exception_check" CHECK ("series_exception" IS NULL OR ("series_id" IS NOT NULL AND "series_exception" IN ('moved', 'other_room', 'cancelled')))`,
    );
    await q.query(
      `ALTER TABLE "bookings" ADD CONSTRAINT "bookings_series_occurrence_check" CHECK (("series_id" IS NULL) = ("occurrence_date" IS NULL))`,
    );
    await q.query(
      `ALTER TABLE "booking_series" ADD CONSTRAINT "booking_series_requester_id_fkey" FOREIGN KEY ("requester_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "booking_series" ADD CONSTRAINT "booking_series_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "booking_series" ADD CONSTRAINT "booking_series_split_from_fkey" FOREIGN KEY ("split_from") REFERENCES "booking_series"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "bookings" ADD CONSTRAINT "bookings_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "booking_series"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // An occurrence is its series' requester's booking: nobody slips a booking into another's series.
    await q.query(`CREATE FUNCTION "bookings_series_requester_check"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.series_id IS NOT NULL AND NOT EXISTS (
             SELECT 1 FROM booking_series s WHERE s.id = NEW.series_id AND s.requester_id = NEW.requester_id) THEN
          RAISE EXCEPTION 'booking % is not its series'' requester''s', NEW.id
            USING ERRCODE = '23514', CONSTRAINT = 'bookings_series_requester_check';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE CONSTRAINT TRIGGER "bookings_series_requester_check"
      AFTER INSERT OR UPDATE OF series_id, requester_id ON "bookings"
      DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION "bookings_series_requester_check"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "bookings_series_requester_check" ON "bookings"`);
    await q.query(`DROP FUNCTION "bookings_series_requester_check"()`);
    await q.query(`ALTER TABLE "bookings" DROP CONSTRAINT "bookings_series_id_fkey"`);
    await q.query(`ALTER TABLE "booking_series" DROP CONSTRAINT "booking_series_split_from_fkey"`);
    await q.query(`ALTER TABLE "booking_series" DROP CONSTRAINT "booking_series_group_id_fkey"`);
    await q.query(`ALTER TABLE "booking_series" DROP CONSTRAINT "booking_series_requester_id_fkey"`);
    await q.query(`ALTER TABLE "bookings" DROP CONSTRAINT "bookings_series_occurrence_check"`);
    await q.query(`ALTER TABLE "bookings" DROP CONSTRAINT "bookings_series_exception_check"`);
    await q.query(`DROP INDEX "bookings_series_occurrence_key"`);
    await q.query(`ALTER TABLE "bookings" DROP COLUMN "series_exception"`);
    await q.query(`ALTER TABLE "bookings" DROP COLUMN "occurrence_date"`);
    await q.query(`ALTER TABLE "bookings" DROP COLUMN "series_id"`);
    await q.query(`DROP INDEX "booking_series_requester_created_idx"`);
    await q.query(`DROP TABLE "booking_series"`);
  }
}
