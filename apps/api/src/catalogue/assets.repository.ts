import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AssetKind, RentalRules, RentalRulesOverride } from '@madang/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { prepared, runPrepared } from '../database/prepared';
import { AssetRuleVersionEntity } from './asset-rule-version.entity';
import { AssetEntity } from './asset.entity';

/** An asset with its effective rules (its current version) and category name; photos are files. */
export interface AssetRow {
  id: string;
  category_id: string;
  kind: AssetKind;
  name_ko: string;
  name_en: string;
  description_ko: string;
  description_en: string;
  capacity: number | null;
  pool_size: number | null;
  location: string;
  amenities: string[];
  accessibility: string[];
  active: boolean;
  rules: RentalRulesOverride;
  rules_version: number;
  effective: RentalRules;
  category_code: string;
  category_name_ko: string;
  category_name_en: string;
}

/** What the rules engine needs of an asset. */
export interface AssetRulesRow {
  id: string;
  kind: AssetKind;
  name_ko: string;
  name_en: string;
  capacity: number | null;
  pool_size: number | null;
  active: boolean;
  rules_version: number;
  effective: RentalRules;
}

export interface AssetFilter {
  includeRetired: boolean;
  kind: AssetKind | null;
  categoryId: string | null;
  minCapacity: number | null;
  /** Amenity or accessibility tags that must all be present. */
  tags: string[];
  /** `[from,to)`: only assets with a unit free for the whole range. */
  freeDuring: string | null;
}

export type AssetFields = Pick<
  AssetEntity,
  | 'categoryId'
  | 'kind'
  | 'nameKo'
  | 'nameEn'
  | 'descriptionKo'
  | 'descriptionEn'
  | 'capacity'
  | 'poolSize'
  | 'location'
  | 'amenities'
  | 'accessibility'
  | 'active'
  | 'rules'
>;

const SELECT_ASSET = `SELECT a.*, v.rules AS effective, c.code AS category_code,
       c.name_ko AS category_name_ko, c.name_en AS category_name_en
  FROM assets a
  JOIN asset_categories c ON c.id = a.category_id
  JOIN asset_rule_versions v ON v.asset_id = a.id AND v.version = a.rules_version`;

/** Hot path (every quote and booking): the assets as the rules engine sees them. */
const ASSETS_FOR_RULES = prepared(
  'assets_for_rules',
  `SELECT a.id, a.kind, a.name_ko, a.name_en, a.capacity, a.pool_size, a.active, a.rules_version, v.rules AS effective
     FROM unnest($1::uuid[]) AS wanted(id)
     JOIN assets a ON a.id = wanted.id
     JOIN asset_rule_versions v ON v.asset_id = a.id AND v.version = a.rules_version`,
);

/** Assets and their rule versions (a version is part of its asset: written with it, never changed). */
@Injectable()
export class AssetsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(filter: AssetFilter): Promise<AssetRow[]> {
    return (await this.db.query(
      `${SELECT_ASSET}
        WHERE ($1::boolean OR a.active)
          AND ($2::text IS NULL OR a.kind = $2)
          AND ($3::uuid IS NULL OR a.category_id = $3)
          AND ($4::int IS NULL OR a.capacity IS NULL OR a.capacity >= $4)
          AND (cardinality($5::text[]) = 0 OR (a.amenities || a.accessibility) @> $5::text[])
          AND ($6::tstzrange IS NULL OR NOT EXISTS (
                SELECT 1 FROM booking_items b
                 WHERE b.asset_id = a.id AND b.holds_slot AND b.during && $6::tstzrange
                 GROUP BY b.asset_id HAVING sum(b.quantity) >= coalesce(a.pool_size, 1)))
        ORDER BY c.name_ko, a.name_ko`,
      [
        filter.includeRetired,
        filter.kind,
        filter.categoryId,
        filter.minCapacity,
        filter.tags,
        filter.freeDuring,
      ],
    )) as AssetRow[];
  }

  async find(id: string, tx?: EntityManager): Promise<AssetRow | undefined> {
    const rows = (await (tx ?? this.db.manager).query(`${SELECT_ASSET} WHERE a.id = $1`, [id])) as AssetRow[];
    return rows[0];
  }

  forRules(ids: string[], tx?: EntityManager): Promise<AssetRulesRow[]> {
    return runPrepared<AssetRulesRow>(tx ?? this.db.manager, ASSETS_FOR_RULES, [ids]);
  }

  /** The asset, locked for the rest of the transaction. */
  lock(tx: EntityManager, id: string): Promise<AssetEntity | null> {
    return tx.findOne(AssetEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Every asset of a category, locked for the rest of the transaction. */
  lockInCategory(tx: EntityManager, categoryId: string): Promise<AssetEntity[]> {
    return tx.find(AssetEntity, { where: { categoryId }, lock: { mode: 'pessimistic_write' } });
  }

  /** A new asset with its first rules version. */
  async insert(
    tx: EntityManager,
    fields: AssetFields,
    rules: RentalRules,
    createdBy: string,
  ): Promise<string> {
    const asset = await tx.save(tx.create(AssetEntity, { ...fields, rulesVersion: 1 }));
    await tx.insert(AssetRuleVersionEntity, { assetId: asset.id, version: 1, rules, createdBy });
    return asset.id;
  }

  async update(tx: EntityManager, id: string, patch: Partial<AssetFields>): Promise<void> {
    if (Object.keys(patch).length) await tx.update(AssetEntity, { id }, patch);
  }

  /** The next rules version of an asset becomes its current one; returns its number. */
  async addRulesVersion(
    tx: EntityManager,
    assetId: string,
    rules: RentalRules,
    createdBy: string,
  ): Promise<number> {
    // An UPDATE … RETURNING answers [rows, affected] through TypeORM.
    const [[{ version }]] = (await tx.query(
      `UPDATE assets SET rules_version = rules_version + 1 WHERE id = $1 RETURNING rules_version AS version`,
      [assetId],
    )) as [{ version: number }[], number];
    await tx.insert(AssetRuleVersionEntity, { assetId, version, rules, createdBy });
    return version;
  }

  async rulesAt(tx: EntityManager, assetId: string, version: number): Promise<RentalRules> {
    const row = await tx.findOneByOrFail(AssetRuleVersionEntity, { assetId, version });
    return row.rules;
  }
}
