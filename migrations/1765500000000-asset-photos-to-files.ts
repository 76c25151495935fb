import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Asset photos move onto the files service (issue 8): every `asset_photos` row becomes a `files`
 * row (owner type `asset`, purpose `photo`) with the SAME id — photo URLs and `photoIds` keep
 * working — and its bytes go to `file_contents`. Then `asset_photos` is dropped.
 *
 * - Uploader: the actor of the `asset.photo_added` audit row of that photo, else the earliest
 *   admin. With neither, the migration stops and says so (`files.uploaded_by` is required).
 * - `files` keeps one row per owner, purpose and content: when an asset holds the same bytes
 *   twice (the old table allowed it), the earliest copy is kept and the later ids are dropped.
 * - The name is `photo` with the extension of its type (the old table kept no names).
 *
 * `down()` recreates `asset_photos` as the bookings migration made it and moves the photos back
 * (same ids, bytes and times); audit rows stay, they are append-only.
 */
export class AssetPhotosToFiles1765500000000 implements MigrationInterface {
  name = 'AssetPhotosToFiles1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TEMPORARY TABLE "asset_photo_moves" AS
      SELECT DISTINCT ON (p.asset_id, sha) p.id, p.asset_id, p.content_type, p.bytes, p.created_at, sha,
        coalesce(
          (SELECT l.actor_id FROM audit_log l JOIN users u ON u.id = l.actor_id
            WHERE l.entity_type = 'asset' AND l.entity_id = p.asset_id::text
              AND l.action = 'asset.photo_added' AND l.after->>'photoId' = p.id::text
            ORDER BY l.at LIMIT 1),
          (SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'admin'
            ORDER BY u.created_at, u.id LIMIT 1)) AS uploaded_by
      FROM asset_photos p, LATERAL encode(sha256(p.bytes), 'hex') AS sha
      ORDER BY p.asset_id, sha, p.created_at, p.id`);
    const [{ orphans }] = (await q.query(
      `SELECT count(*)::int AS orphans FROM asset_photo_moves WHERE uploaded_by IS NULL`,
    )) as { orphans: number }[];
    if (orphans > 0) {
      throw new Error(
        `AssetPhotosToFiles: ${orphans} asset photo(s) have no 'asset.photo_added' audit row naming an ` +
          `existing user and there is no admin to record as their uploader; create an admin user, then migrate again`,
      );
    }
    await q.query(`INSERT INTO files
        (id, owner_type, owner_id, purpose, original_name, media_type, size, sha256, store, uploaded_by, created_at)
      SELECT id, 'asset', asset_id, 'photo',
        'photo' || CASE content_type WHEN 'image/jpeg' THEN '.jpg' WHEN 'image/png' THEN '.png'
                                     WHEN 'image/webp' THEN '.webp' WHEN 'image/gif' THEN '.gif' ELSE '' END,
        content_type, octet_length(bytes), sha, 'postgres', uploaded_by, created_at
      FROM asset_photo_moves`);
    await q.query(`INSERT INTO file_contents (file_id, bytes) SELECT id, bytes FROM asset_photo_moves`);
    await q.query(`DROP TABLE "asset_photo_moves"`);
    await q.query(`DROP TABLE "asset_photos"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "asset_photos" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "asset_id" uuid NOT NULL, "content_type" text NOT NULL, "bytes" bytea NOT NULL, "size" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "asset_photos_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "asset_photos_asset_id_idx" ON "asset_photos" ("asset_id")`);
    await q.query(
      `ALTER TABLE "asset_photos" ADD CONSTRAINT "asset_photos_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Photos whose asset no longer exists (files have no foreign key to their owner) are dropped.
    await q.query(`INSERT INTO asset_photos (id, asset_id, content_type, bytes, size, created_at)
      SELECT f.id, f.owner_id, f.media_type, c.bytes, f.size, f.created_at
        FROM files f JOIN file_contents c ON c.file_id = f.id JOIN assets a ON a.id = f.owner_id
       WHERE f.owner_type = 'asset' AND f.purpose = 'photo'`);
    await q.query(`DELETE FROM files WHERE owner_type = 'asset' AND purpose = 'photo'`);
  }
}
