import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Throttled attempts of three kinds in one table: sign-in (`login`), the current-password check of
 * a password change (`password`) and registration (`register`). The throttle takes an advisory lock
 * per account and per address, counts and records the attempt in one transaction, so parallel
 * guesses cannot all pass the check before any is recorded.
 */
export class AttemptKinds1765300000000 implements MigrationInterface {
  name = 'AttemptKinds1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "login_attempts" ADD "kind" text NOT NULL DEFAULT 'login'`);
    await q.query(
      `ALTER TABLE "login_attempts" ADD CONSTRAINT "login_attempts_kind_check" CHECK ("kind" IN ('login', 'password', 'register'))`,
    );
    await q.query(`CREATE INDEX "login_attempts_kind_ip_at_idx" ON "login_attempts" ("kind", "ip", "at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "login_attempts_kind_ip_at_idx"`);
    await q.query(`ALTER TABLE "login_attempts" DROP CONSTRAINT "login_attempts_kind_check"`);
    await q.query(`ALTER TABLE "login_attempts" DROP COLUMN "kind"`);
  }
}
