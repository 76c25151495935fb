import type { AssetKind, RentalRulesOverride } from '@madang/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CategoryEntity } from './category.entity';

@Entity({ name: 'assets' })
@Index('assets_category_id_idx', ['categoryId'])
@Check('assets_kind_check', `"kind" IN ('space', 'equipment_item', 'equipment_pool')`)
@Check(
  'assets_pool_size_check',
  `("kind" = 'equipment_pool') = ("pool_size" IS NOT NULL) AND ("pool_size" IS NULL OR "pool_size" > 0)`,
)
@Check('assets_capacity_check', `"capacity" IS NULL OR "capacity" >= 0`)
@Check('assets_rules_object_check', `jsonb_typeof("rules") = 'object'`)
export class AssetEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'assets_pkey' })
  id!: string;

  @Column({ name: 'category_id', type: 'uuid' })
  categoryId!: string;

  @ManyToOne(() => CategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'assets_category_id_fkey' })
  category?: CategoryEntity;

  @Column({ type: 'text' })
  kind!: AssetKind;

  @Column({ name: 'name_ko', type: 'text' })
  nameKo!: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn!: string;

  @Column({ name: 'description_ko', type: 'text', default: '' })
  descriptionKo!: string;

  @Column({ name: 'description_en', type: 'text', default: '' })
  descriptionEn!: string;

  @Column({ type: 'integer', nullable: true })
  capacity!: number | null;

  @Column({ name: 'pool_size', type: 'integer', nullable: true })
  poolSize!: number | null;

  @Column({ type: 'text', default: '' })
  location!: string;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  amenities!: string[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  accessibility!: string[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** What this asset overrides of its category's rules. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  rules!: RentalRulesOverride;

  /** The current version in asset_rule_versions. */
  @Column({ name: 'rules_version', type: 'integer', default: 1 })
  rulesVersion!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
