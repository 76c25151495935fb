import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications for any subject: `booking_id` becomes (`subject_type`, `subject_id`), so recruitment,
 * living labs and settlement can notify about their own things (`subject_id` is null for a subject
 * that is a list, such as an approver's daily digest of the queue). Users choose how they hear of
 * requests waiting for them: each one (`each`), one digest a day (`daily_digest`) or not at all (`off`).
 */
export class NotificationSubjects1765000000000 implements MigrationInterface {
  name = 'NotificationSubjects1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "notifications" ADD "subject_type" text, ADD "subject_id" uuid`);
    await q.query(
      `UPDATE "notifications" SET "subject_type" = CASE WHEN "booking_id" IS NULL THEN 'none' ELSE 'booking' END, "subject_id" = "booking_id"`,
    );
    await q.query(
      `ALTER TABLE "notifications" ALTER COLUMN "subject_type" SET NOT NULL, DROP COLUMN "booking_id"`,
    );
    await q.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_subject_type_check" CHECK ("subject_type" ~ '^[a-z][a-z_]{0,39}$')`,
    );
    await q.query(
      `CREATE INDEX "notifications_subject_idx" ON "notifications" ("subject_type", "subject_id")`,
    );
    await q.query(`ALTER TABLE "users" ADD "approval_notices" text NOT NULL DEFAULT 'each'`);
    await q.query(
      `ALTER TABLE "users" ADD CONSTRAINT "users_approval_notices_check" CHECK ("approval_notices" IN ('each', 'daily_digest', 'off'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" DROP CONSTRAINT "users_approval_notices_check"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "approval_notices"`);
    await q.query(`DROP INDEX "notifications_subject_idx"`);
    await q.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_subject_type_check"`);
    await q.query(`ALTER TABLE "notifications" ADD "booking_id" uuid`);
    // Only booking subjects fit the old column; other subjects' notifications keep no link.
    await q.query(`UPDATE "notifications" SET "booking_id" = "subject_id" WHERE "subject_type" = 'booking'`);
    await q.query(`ALTER TABLE "notifications" DROP COLUMN "subject_id", DROP COLUMN "subject_type"`);
  }
}
