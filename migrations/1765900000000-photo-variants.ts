import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Asset photos in modern formats (issue 13): each photo's AVIF and WebP at 320/640/1280 px and its
 * 1200×630 Open Graph JPEG, made on first request and kept here. No backfill: a photo uploaded before
 * this migration gets its variants the first time a page asks for them, like any other. A variant is
 * never wider than asked (the check) and goes with its photo (ON DELETE CASCADE).
 */
export class PhotoVariants1765900000000 implements MigrationInterface {
  name = 'PhotoVariants1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "asset_photo_variants" ("file_id" uuid NOT NULL, "kind" text NOT NULL, "target_width" integer NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "media_type" text NOT NULL, "bytes" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "asset_photo_variants_kind_check" CHECK ("kind" IN ('avif', 'webp', 'og')), CONSTRAINT "asset_photo_variants_size_check" CHECK ("target_width" > 0 AND "width" > 0 AND "height" > 0 AND "width" <= "target_width"), CONSTRAINT "asset_photo_variants_pkey" PRIMARY KEY ("file_id", "kind", "target_width"))`,
    );
    await q.query(
      `ALTER TABLE "asset_photo_variants" ADD CONSTRAINT "asset_photo_variants_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "files"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Already compressed: keep the bytes out of line without trying to compress them again.
    await q.query(`ALTER TABLE "asset_photo_variants" ALTER COLUMN "bytes" SET STORAGE EXTERNAL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "asset_photo_variants"`);
  }
}
