import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Foreign keys for the columns that name a person without one. Who decided, cancelled or wrote a
 * rules version is part of that record, so such a person cannot be deleted while the record exists
 * (RESTRICT, like `bookings.requester_id`). A role grant outlives the account of whoever granted it
 * (SET NULL; the audit log still says who did).
 */
export class PersonForeignKeys1765010000000 implements MigrationInterface {
  name = 'PersonForeignKeys1765010000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "bookings" ADD CONSTRAINT "bookings_decided_by_fkey" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "bookings" ADD CONSTRAINT "bookings_cancelled_by_fkey" FOREIGN KEY ("cancelled_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "asset_rule_versions" ADD CONSTRAINT "asset_rule_versions_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_granted_by_fkey" FOREIGN KEY ("granted_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "user_roles" DROP CONSTRAINT "user_roles_granted_by_fkey"`);
    await q.query(`ALTER TABLE "asset_rule_versions" DROP CONSTRAINT "asset_rule_versions_created_by_fkey"`);
    await q.query(`ALTER TABLE "bookings" DROP CONSTRAINT "bookings_cancelled_by_fkey"`);
    await q.query(`ALTER TABLE "bookings" DROP CONSTRAINT "bookings_decided_by_fkey"`);
  }
}
