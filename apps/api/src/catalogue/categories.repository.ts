import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RentalRulesOverride } from '@madang/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { CategoryEntity } from './category.entity';

export interface CategoryRow {
  id: string;
  code: string;
  name_ko: string;
  name_en: string;
  description_ko: string;
  description_en: string;
  rules: RentalRulesOverride;
  /** Active assets in the category. */
  asset_count: number;
}

export type CategoryFields = Pick<
  CategoryEntity,
  'code' | 'nameKo' | 'nameEn' | 'descriptionKo' | 'descriptionEn' | 'rules'
>;

/** Asset categories: ordinary TypeORM work, one read that counts their active assets. */
@Injectable()
export class CategoriesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every category, or just the one with `id`. */
  async rows(id?: string): Promise<CategoryRow[]> {
    return (await this.db.query(
      `SELECT c.id, c.code, c.name_ko, c.name_en, c.description_ko, c.description_en, c.rules,
              (SELECT count(*)::int FROM assets a WHERE a.category_id = c.id AND a.active) AS asset_count
         FROM asset_categories c WHERE ($1::uuid IS NULL OR c.id = $1) ORDER BY c.name_ko`,
      [id ?? null],
    )) as CategoryRow[];
  }

  find(tx: EntityManager, id: string): Promise<CategoryEntity | null> {
    return tx.findOneBy(CategoryEntity, { id });
  }

  /** The category, locked for the rest of the transaction. */
  lock(tx: EntityManager, id: string): Promise<CategoryEntity | null> {
    return tx.findOne(CategoryEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async insert(tx: EntityManager, fields: CategoryFields): Promise<string> {
    const saved = await tx.save(tx.create(CategoryEntity, fields));
    return saved.id;
  }

  async update(tx: EntityManager, id: string, patch: Partial<CategoryFields>): Promise<void> {
    if (Object.keys(patch).length) await tx.update(CategoryEntity, { id }, patch);
  }
}
