import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail delivery state on each notification: a notification written while e-mail is configured is
 * `queued` in the same statement or transaction as the change it announces, so no decision commits
 * without its e-mail and none leaves for a change that rolled back. The API's sender delivers it
 * (`sent`), retries with backoff, or gives up (`failed`). Older notifications are `none`.
 */
export class EmailDelivery1764200000000 implements MigrationInterface {
  name = 'EmailDelivery1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "notifications" ADD "email_state" text NOT NULL DEFAULT 'none', ADD "email_attempts" integer NOT NULL DEFAULT '0', ADD "email_next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ADD "email_sent_at" TIMESTAMP WITH TIME ZONE, ADD "email_last_error" text`,
    );
    await q.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_email_state_check" CHECK ("email_state" IN ('none', 'queued', 'sent', 'failed')), ADD CONSTRAINT "notifications_email_attempts_check" CHECK ("email_attempts" >= 0)`,
    );
    await q.query(
      `CREATE INDEX "notifications_email_due_idx" ON "notifications" ("email_next_attempt_at") WHERE "email_state" = 'queued'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "notifications_email_due_idx"`);
    await q.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "notifications_email_attempts_check", DROP CONSTRAINT "notifications_email_state_check"`,
    );
    await q.query(
      `ALTER TABLE "notifications" DROP COLUMN "email_last_error", DROP COLUMN "email_sent_at", DROP COLUMN "email_next_attempt_at", DROP COLUMN "email_attempts", DROP COLUMN "email_state"`,
    );
  }
}
