import type { RentalRulesOverride } from '@madang/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity({ name: 'asset_categories' })
@Index('asset_categories_code_key', ['code'], { unique: true })
@Check('asset_categories_rules_object_check', `jsonb_typeof("rules") = 'object'`)
export class CategoryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'asset_categories_pkey' })
  id!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ name: 'name_ko', type: 'text' })
  nameKo!: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn!: string;

  @Column({ name: 'description_ko', type: 'text', default: '' })
  descriptionKo!: string;

  @Column({ name: 'description_en', type: 'text', default: '' })
  descriptionEn!: string;

  /** The category's rules over the centre defaults. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  rules!: RentalRulesOverride;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
