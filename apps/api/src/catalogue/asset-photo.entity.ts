import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AssetEntity } from './asset.entity';

/** Photos live in PostgreSQL so every API instance serves the same files. */
@Entity({ name: 'asset_photos' })
@Index('asset_photos_asset_id_idx', ['assetId'])
export class AssetPhotoEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'asset_photos_pkey' })
  id!: string;

  @Column({ name: 'asset_id', type: 'uuid' })
  assetId!: string;

  @ManyToOne(() => AssetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'asset_id', foreignKeyConstraintName: 'asset_photos_asset_id_fkey' })
  asset?: AssetEntity;

  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  @Column({ type: 'bytea' })
  bytes!: Buffer;

  @Column({ type: 'integer' })
  size!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
