import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EncodedPhoto, PhotoVariantSpec } from './photo-encoder';

interface VariantRow {
  bytes: Buffer;
  media_type: string;
  width: number;
  height: number;
}

/** Kept variants of asset photos (`asset_photo_variants`). */
@Injectable()
export class PhotoVariantsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async find(fileId: string, spec: PhotoVariantSpec): Promise<EncodedPhoto | null> {
    const rows = (await this.db.query(
      `SELECT "bytes", "media_type", "width", "height" FROM "asset_photo_variants"
        WHERE "file_id" = $1 AND "kind" = $2 AND "target_width" = $3`,
      [fileId, spec.kind, spec.width],
    )) as VariantRow[];
    const row = rows[0];
    return row ? { bytes: row.bytes, mediaType: row.media_type, width: row.width, height: row.height } : null;
  }

  /**
   * Keeps a variant; when two first requests made it at once, the first one kept stays, and a photo
   * deleted meanwhile keeps nothing.
   */
  async save(fileId: string, spec: PhotoVariantSpec, photo: EncodedPhoto): Promise<void> {
    await this.db
      .query(
        `INSERT INTO "asset_photo_variants" ("file_id", "kind", "target_width", "width", "height", "media_type", "bytes")
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [fileId, spec.kind, spec.width, photo.width, photo.height, photo.mediaType, photo.bytes],
      )
      .catch((error: unknown) => {
        // The photo was deleted while its variant was made: nothing to keep.
        if ((error as { code?: string }).code !== '23503') throw error;
      });
  }
}
