import type { RentalRules } from '@madang/contracts';
import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { AssetEntity } from './asset.entity';

/** Immutable snapshots of an asset's effective rules; bookings point at the version they were given. */
@Entity({ name: 'asset_rule_versions' })
@Check('asset_rule_versions_rules_object_check', `jsonb_typeof("rules") = 'object'`)
export class AssetRuleVersionEntity {
  @PrimaryColumn({ name: 'asset_id', type: 'uuid', primaryKeyConstraintName: 'asset_rule_versions_pkey' })
  assetId!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'asset_rule_versions_pkey' })
  version!: number;

  @ManyToOne(() => AssetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'asset_id', foreignKeyConstraintName: 'asset_rule_versions_asset_id_fkey' })
  asset?: AssetEntity;

  @Column({ type: 'jsonb' })
  rules!: RentalRules;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'asset_rule_versions_created_by_fkey' })
  author?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
