import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FileEntity } from '../platform/files/file.entity';

/**
 * An asset photo re-encoded for the web (AVIF or WebP at a standard width, or the Open Graph JPEG),
 * made the first time it is asked for and kept: a photo's bytes never change under its id, and the
 * variant goes with the photo (ON DELETE CASCADE).
 */
@Entity({ name: 'asset_photo_variants' })
@Check('asset_photo_variants_kind_check', `"kind" IN ('avif', 'webp', 'og')`)
@Check(
  'asset_photo_variants_size_check',
  '"target_width" > 0 AND "width" > 0 AND "height" > 0 AND "width" <= "target_width"',
)
export class PhotoVariantEntity {
  @PrimaryColumn({ name: 'file_id', type: 'uuid', primaryKeyConstraintName: 'asset_photo_variants_pkey' })
  fileId!: string;

  @ManyToOne(() => FileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'asset_photo_variants_file_id_fkey' })
  file?: FileEntity;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'asset_photo_variants_pkey' })
  kind!: string;

  /** The width asked for (320, 640, 1280; 1200 for Open Graph). */
  @PrimaryColumn({
    name: 'target_width',
    type: 'integer',
    primaryKeyConstraintName: 'asset_photo_variants_pkey',
  })
  targetWidth!: number;

  /** The width and height made: the target, or less when the photo is smaller (never enlarged). */
  @Column({ type: 'integer' })
  width!: number;

  @Column({ type: 'integer' })
  height!: number;

  @Column({ name: 'media_type', type: 'text' })
  mediaType!: string;

  @Column({ type: 'bytea' })
  bytes!: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
