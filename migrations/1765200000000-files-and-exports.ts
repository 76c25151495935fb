import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments and background exports.
 * - `files`: metadata of every attachment, owned polymorphically by a domain object; one row per
 *   owner, purpose and content (sha256), so the same bytes uploaded twice are stored once.
 * - `file_contents`: the bytes kept by the PostgreSQL store, uncompressed out of line
 *   (`STORAGE EXTERNAL`) so that `substring()` reads a download slice by slice.
 * - `export_runs`: progress and result of a background export, with a heartbeat and an expiry.
 */
export class FilesAndExports1765200000000 implements MigrationInterface {
  name = 'FilesAndExports1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "files" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "owner_type" text NOT NULL,
      "owner_id" uuid NOT NULL,
      "purpose" text NOT NULL,
      "original_name" text NOT NULL,
      "media_type" text NOT NULL,
      "size" integer NOT NULL,
      "sha256" text NOT NULL,
      "store" text NOT NULL DEFAULT 'postgres',
      "uploaded_by" uuid NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "files_owner_purpose_sha256_key" UNIQUE ("owner_type", "owner_id", "purpose", "sha256"),
      CONSTRAINT "files_owner_type_check" CHECK ("owner_type" ~ '^[a-z][a-z0-9_]{1,39}$'),
      CONSTRAINT "files_size_check" CHECK ("size" >= 1),
      CONSTRAINT "files_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
      CONSTRAINT "files_original_name_check" CHECK (char_length("original_name") BETWEEN 1 AND 200),
      CONSTRAINT "files_purpose_check" CHECK ("purpose" IN ('photo', 'application_document', 'expense_evidence', 'project_evidence', 'export')),
      CONSTRAINT "files_pkey" PRIMARY KEY ("id"))`);
    await q.query(
      `ALTER TABLE "files" ADD CONSTRAINT "files_uploaded_by_fkey" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await q.query(`CREATE TABLE "file_contents" (
      "file_id" uuid NOT NULL,
      "bytes" bytea NOT NULL,
      CONSTRAINT "file_contents_pkey" PRIMARY KEY ("file_id"))`);
    await q.query(`ALTER TABLE "file_contents" ALTER COLUMN "bytes" SET STORAGE EXTERNAL`);
    await q.query(
      `ALTER TABLE "file_contents" ADD CONSTRAINT "file_contents_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "files"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await q.query(`CREATE TABLE "export_runs" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "kind" text NOT NULL,
      "format" text NOT NULL,
      "state" text NOT NULL DEFAULT 'running',
      "rows_done" integer NOT NULL DEFAULT '0',
      "rows_total" integer,
      "filename" text NOT NULL,
      "requested_by" uuid NOT NULL,
      "file_id" uuid,
      "error" text,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "heartbeat_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "finished_at" TIMESTAMP WITH TIME ZONE,
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "export_runs_format_check" CHECK ("format" IN ('csv', 'xlsx', 'pdf')),
      CONSTRAINT "export_runs_state_check" CHECK ("state" IN ('running', 'ready', 'failed')),
      CONSTRAINT "export_runs_rows_check" CHECK ("rows_done" >= 0 AND ("rows_total" IS NULL OR "rows_total" >= 0)),
      CONSTRAINT "export_runs_finished_check" CHECK (("state" = 'running') = ("finished_at" IS NULL)),
      CONSTRAINT "export_runs_pkey" PRIMARY KEY ("id"))`);
    await q.query(
      `CREATE INDEX "export_runs_requested_by_idx" ON "export_runs" ("requested_by", "created_at")`,
    );
    await q.query(`CREATE INDEX "export_runs_expires_at_idx" ON "export_runs" ("expires_at")`);
    await q.query(
      `ALTER TABLE "export_runs" ADD CONSTRAINT "export_runs_requested_by_fkey" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "export_runs" ADD CONSTRAINT "export_runs_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "files"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "export_runs"`);
    await q.query(`DROP TABLE "file_contents"`);
    await q.query(`DROP TABLE "files"`);
  }
}
