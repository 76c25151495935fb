import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Blocks (issue 12): staff hold an asset's time without a resident request — out-of-service periods,
 * residency agreements, experiments. A block is a `bookings` row of kind `block` and holds its slot
 * through the same items, exclusion constraint and pool trigger as any booking. It costs nothing,
 * has no attendees, is decided at once, and says why (`block_reason`) and, optionally, which record
 * of another domain made it (`source_type`/`source_id`, both or neither).
 */
export class BookingBlocks1765610000000 implements MigrationInterface {
  name = 'BookingBlocks1765610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "bookings" ADD "kind" text NOT NULL DEFAULT 'request', ADD "block_reason" text, ADD "source_type" text, ADD "source_id" uuid`,
    );
    await q.query(
      `ALTER TABLE "bookings" ADD CONSTRAINT "bookings_kind_check" CHECK ("kind" IN ('request', 'block'))`,
    );
    await q.query(
      `ALTER TABLE "bookings" ADD CONSTRAINT "bookings_block_reason_check" CHECK (("kind" = 'block') = ("block_reason" IS NOT NULL) AND ("block_reason" IS NULL OR "block_reason" IN ('maintenance', 'repair', 'residency', 'experiment', 'event', 'other')))`,
    );
    await q.query(
      `ALTER TABLE "bookings" ADD CONSTRAINT "bookings_source_check" CHECK (("source_type" IS NULL) = ("source_id" IS NULL) AND ("source_type" IS NULL OR "kind" = 'block'))`,
    );
    await q.query(
      `ALTER TABLE "bookings" ADD CONSTRAINT "bookings_block_free_check" CHECK ("kind" = 'request' OR ("quoted_total" = 0 AND "cancellation_fee" = 0 AND "attendees" = 0 AND "decision" IN ('approved', 'cancelled')))`,
    );
    await q.query(
      `CREATE INDEX "bookings_source_idx" ON "bookings" ("source_type", "source_id") WHERE "source_id" IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "bookings_source_idx"`);
    // Blocks have no meaning without their kind: they are removed with it (their items cascade).
    await q.query(`DELETE FROM "bookings" WHERE "kind" = 'block'`);
    await q.query(`ALTER TABLE "bookings" DROP CONSTRAINT "bookings_block_free_check"`);
    await q.query(`ALTER TABLE "bookings" DROP CONSTRAINT "bookings_source_check"`);
    await q.query(`ALTER TABLE "bookings" DROP CONSTRAINT "bookings_block_reason_check"`);
    await q.query(`ALTER TABLE "bookings" DROP CONSTRAINT "bookings_kind_check"`);
    await q.query(
      `ALTER TABLE "bookings" DROP COLUMN "source_id", DROP COLUMN "source_type", DROP COLUMN "block_reason", DROP COLUMN "kind"`,
    );
  }
}
