import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AssetDetail,
  AssetForRules,
  AssetSummary,
  CategoryDto,
  DEFAULT_RULES,
  mergeRules,
  openingIntervalsOn,
  RentalRules,
  RentalRulesOverride,
  SchemaProblem,
  checkRulesDocument,
  checkRulesOverride,
  validateRules,
  zoneNamed,
} from '@madang/booking-rules';
import { DateTime } from 'luxon';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';
import { Actor, can } from '../core/actor';
import { DomainError, invalidField, notFound } from '../core/domain-error';
import { assertSpan, MAX_SPAN_DAYS } from '../core/time-range';
import { prepared, runPrepared } from '../database/prepared';
import { AssetRuleVersionEntity } from './asset-rule-version.entity';
import { AssetEntity } from './asset.entity';
import { CategoryEntity } from './category.entity';
import {
  AssetQueryDto,
  CreateAssetDto,
  CreateCategoryDto,
  UpdateAssetDto,
  UpdateCategoryDto,
} from './dto/catalogue.dto';

interface AssetRow {
  id: string;
  category_id: string;
  kind: AssetSummary['kind'];
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
  category_name_ko: string;
  category_name_en: string;
  photo_ids: string[];
}

const SELECT_ASSET = `SELECT a.*, v.rules AS effective, c.name_ko AS category_name_ko, c.name_en AS category_name_en,
  coalesce((SELECT array_agg(p.id ORDER BY p.created_at) FROM asset_photos p WHERE p.asset_id = a.id), '{}') AS photo_ids
  FROM assets a
  JOIN asset_categories c ON c.id = a.category_id
  JOIN asset_rule_versions v ON v.asset_id = a.id AND v.version = a.rules_version`;

/** What the rules engine needs of each asset: its current effective rules and their version. */
const ASSETS_FOR_RULES = prepared(
  'assets_for_rules',
  `SELECT a.id, a.kind, a.name_ko, a.name_en, a.capacity, a.pool_size, a.active, a.rules_version, v.rules AS effective
     FROM unnest($1::uuid[]) AS wanted(id)
     JOIN assets a ON a.id = wanted.id
     JOIN asset_rule_versions v ON v.asset_id = a.id AND v.version = a.rules_version`,
);

@Injectable()
export class CatalogueService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** The centre's defaults: the engine's defaults in the centre's time zone. */
  centreDefaults(): RentalRules {
    return mergeRules(DEFAULT_RULES, { timeZone: this.config.MADANG_TIMEZONE });
  }

  // ── categories ────────────────────────────────────────────────────────────

  /** Every category, or just the one with `id`. */
  async categories(id?: string): Promise<CategoryDto[]> {
    const rows = (await this.db.query(
      `SELECT c.*, (SELECT count(*)::int FROM assets a WHERE a.category_id = c.id AND a.active) AS asset_count
         FROM asset_categories c WHERE ($1::uuid IS NULL OR c.id = $1) ORDER BY c.name_ko`,
      [id ?? null],
    )) as (CategoryEntity & Record<string, unknown>)[];
    return rows.map((r) => ({
      id: r['id'] as string,
      code: r['code'] as string,
      name: { ko: r['name_ko'] as string, en: r['name_en'] as string },
      description: { ko: r['description_ko'] as string, en: r['description_en'] as string },
      rules: r['rules'] as RentalRulesOverride,
      assetCount: r['asset_count'] as number,
    }));
  }

  private async category(id: string): Promise<CategoryDto> {
    const [found] = await this.categories(id);
    if (!found) throw notFound();
    return found;
  }

  async createCategory(actor: Actor, dto: CreateCategoryDto): Promise<CategoryDto> {
    const rules = dto.rules ?? {};
    this.assertRules(mergeRules(this.centreDefaults(), this.checkedOverride(rules)));
    try {
      const id = await this.db.transaction(async (manager) => {
        const saved = await manager.save(
          manager.create(CategoryEntity, {
            code: dto.code,
            nameKo: dto.name.ko.trim(),
            nameEn: dto.name.en.trim(),
            descriptionKo: dto.description?.ko.trim() ?? '',
            descriptionEn: dto.description?.en.trim() ?? '',
            rules,
          }),
        );
        await this.audit.record(manager, actor, {
          action: 'category.created',
          entityType: 'category',
          entityId: saved.id,
          after: dto,
        });
        return saved.id;
      });
      return this.category(id);
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { constraint?: string }).constraint === 'asset_categories_code_key'
      ) {
        throw new DomainError('conflict', {}, {}, [{ field: 'code', code: 'invalid' }]);
      }
      throw error;
    }
  }

  async updateCategory(actor: Actor, id: string, dto: UpdateCategoryDto): Promise<CategoryDto> {
    await this.db.transaction(async (manager) => {
      const before = await manager.findOneBy(CategoryEntity, { id });
      if (!before) throw notFound();
      const patch: Partial<CategoryEntity> = {};
      if (dto.name) Object.assign(patch, { nameKo: dto.name.ko.trim(), nameEn: dto.name.en.trim() });
      if (dto.description)
        Object.assign(patch, {
          descriptionKo: dto.description.ko.trim(),
          descriptionEn: dto.description.en.trim(),
        });
      if (Object.keys(patch).length) await manager.update(CategoryEntity, { id }, patch);
      await this.audit.record(manager, actor, {
        action: 'category.updated',
        entityType: 'category',
        entityId: id,
        before,
        after: patch,
      });
    });
    return this.category(id);
  }

  /** New category rules; every asset in it gets a new rules version (existing bookings keep theirs). */
  async setCategoryRules(actor: Actor, id: string, rules: RentalRulesOverride): Promise<CategoryDto> {
    const checked = this.checkedOverride(rules);
    await this.db.transaction(async (manager) => {
      const category = await manager.findOne(CategoryEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!category) throw notFound();
      const assets = await manager.find(AssetEntity, {
        where: { categoryId: id },
        lock: { mode: 'pessimistic_write' },
      });
      for (const asset of assets) this.assertRules(mergeRules(this.centreDefaults(), checked, asset.rules));
      this.assertRules(mergeRules(this.centreDefaults(), checked));
      await manager.update(CategoryEntity, { id }, { rules: checked });
      for (const asset of assets) await this.newVersion(manager, actor, { ...asset }, checked);
      await this.audit.record(manager, actor, {
        action: 'category.rules_changed',
        entityType: 'category',
        entityId: id,
        before: { rules: category.rules },
        after: { rules: checked },
      });
    });
    return this.category(id);
  }

  // ── assets ────────────────────────────────────────────────────────────────

  async listAssets(actor: Actor | undefined, query: AssetQueryDto): Promise<AssetSummary[]> {
    const includeRetired = query.includeRetired === true && !!actor && can(actor, 'catalogue:manage');
    const tags = (query.tags ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    const freeRange = this.freeRange(query);
    const rows = (await this.db.query(
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
        includeRetired,
        query.kind ?? null,
        query.categoryId ?? null,
        query.minCapacity ?? null,
        tags,
        freeRange,
      ],
    )) as AssetRow[];
    const summaries = rows.map((r) => this.toDetail(r));
    if (!query.freeFrom || !query.freeTo) return summaries.map(stripDetail);
    // Free also means open: the whole range must lie inside opening hours.
    return summaries
      .filter((a) => isOpenThroughout(a.rules, query.freeFrom as string, query.freeTo as string))
      .map(stripDetail);
  }

  async getAsset(
    actor: Actor | undefined,
    id: string,
    manager: EntityManager = this.db.manager,
  ): Promise<AssetDetail> {
    const rows = (await manager.query(`${SELECT_ASSET} WHERE a.id = $1`, [id])) as AssetRow[];
    const row = rows[0];
    if (!row || (!row.active && !(actor && can(actor, 'catalogue:manage')))) throw notFound();
    return this.toDetail(row);
  }

  async createAsset(actor: Actor, dto: CreateAssetDto): Promise<AssetDetail> {
    this.assertKindFields(dto.kind, dto.capacity, dto.poolSize);
    const id = await this.db.transaction(async (manager) => {
      const category = await manager.findOneBy(CategoryEntity, { id: dto.categoryId });
      if (!category) throw invalidField('categoryId', 'invalid');
      const asset = await manager.save(
        manager.create(AssetEntity, {
          categoryId: dto.categoryId,
          kind: dto.kind,
          nameKo: dto.name.ko.trim(),
          nameEn: dto.name.en.trim(),
          descriptionKo: dto.description?.ko ?? '',
          descriptionEn: dto.description?.en ?? '',
          capacity: dto.kind === 'space' ? (dto.capacity ?? null) : null,
          poolSize: dto.kind === 'equipment_pool' ? (dto.poolSize ?? null) : null,
          location: dto.location ?? '',
          amenities: dto.amenities ?? [],
          accessibility: dto.accessibility ?? [],
          active: dto.active ?? true,
          rules: {},
          rulesVersion: 1,
        }),
      );
      await manager.insert(AssetRuleVersionEntity, {
        assetId: asset.id,
        version: 1,
        rules: mergeRules(this.centreDefaults(), category.rules, {}),
        createdBy: actor.userId,
      });
      await this.audit.record(manager, actor, {
        action: 'asset.created',
        entityType: 'asset',
        entityId: asset.id,
        after: dto,
      });
      return asset.id;
    });
    return this.getAsset(actor, id);
  }

  async updateAsset(actor: Actor, id: string, dto: UpdateAssetDto): Promise<AssetDetail> {
    await this.db.transaction(async (manager) => {
      const asset = await manager.findOne(AssetEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!asset) throw notFound();
      const capacity = dto.capacity !== undefined ? dto.capacity : asset.capacity;
      const poolSize = dto.poolSize !== undefined ? dto.poolSize : asset.poolSize;
      this.assertKindFields(asset.kind, capacity, poolSize);
      const patch: Partial<AssetEntity> = {};
      if (dto.name) Object.assign(patch, { nameKo: dto.name.ko.trim(), nameEn: dto.name.en.trim() });
      if (dto.description)
        Object.assign(patch, { descriptionKo: dto.description.ko, descriptionEn: dto.description.en });
      if (dto.capacity !== undefined) patch.capacity = asset.kind === 'space' ? dto.capacity : null;
      if (dto.poolSize !== undefined) patch.poolSize = poolSize;
      for (const key of ['location', 'amenities', 'accessibility', 'active'] as const) {
        if (dto[key] !== undefined) Object.assign(patch, { [key]: dto[key] });
      }
      const categoryChanged = dto.categoryId !== undefined && dto.categoryId !== asset.categoryId;
      if (categoryChanged) {
        if (!(await manager.findOneBy(CategoryEntity, { id: dto.categoryId })))
          throw invalidField('categoryId', 'invalid');
        patch.categoryId = dto.categoryId;
      }
      if (Object.keys(patch).length) await manager.update(AssetEntity, { id }, patch);
      if (categoryChanged) {
        const category = await manager.findOneByOrFail(CategoryEntity, { id: dto.categoryId });
        await this.newVersion(manager, actor, { ...asset, ...patch }, category.rules);
      }
      await this.audit.record(manager, actor, {
        action: 'asset.updated',
        entityType: 'asset',
        entityId: id,
        before: pick(asset, Object.keys(patch)),
        after: patch,
      });
    });
    return this.getAsset(actor, id);
  }

  /** New asset rules: a new version; existing bookings keep the version they were given. */
  async setAssetRules(actor: Actor, id: string, rules: RentalRulesOverride): Promise<AssetDetail> {
    const checked = this.checkedOverride(rules);
    await this.db.transaction(async (manager) => {
      const asset = await manager.findOne(AssetEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!asset) throw notFound();
      const category = await manager.findOneByOrFail(CategoryEntity, { id: asset.categoryId });
      this.assertRules(mergeRules(this.centreDefaults(), category.rules, checked));
      await manager.update(AssetEntity, { id }, { rules: checked });
      await this.newVersion(manager, actor, { ...asset, rules: checked }, category.rules);
      await this.audit.record(manager, actor, {
        action: 'asset.rules_changed',
        entityType: 'asset',
        entityId: id,
        before: { rules: asset.rules, version: asset.rulesVersion },
        after: { rules: checked, version: asset.rulesVersion + 1 },
      });
    });
    return this.getAsset(actor, id);
  }

  /** Assets as the rules engine sees them, with their current rules version, locked for the caller's transaction. */
  async forRules(
    manager: EntityManager,
    ids: string[],
  ): Promise<(AssetForRules & { rulesVersion: number })[]> {
    if (ids.length === 0) return [];
    const rows = await runPrepared<AssetRow>(manager, ASSETS_FOR_RULES, [ids]);
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      name: { ko: r.name_ko, en: r.name_en },
      capacity: r.capacity,
      poolSize: r.pool_size,
      active: r.active,
      rules: r.effective,
      rulesVersion: r.rules_version,
    }));
  }

  async rulesAtVersion(manager: EntityManager, assetId: string, version: number): Promise<RentalRules> {
    const row = await manager.findOneByOrFail(AssetRuleVersionEntity, { assetId, version });
    return row.rules;
  }

  // ── helpers ───────────────────────────────────────────────────────────────

  private async newVersion(
    manager: EntityManager,
    actor: Actor,
    asset: AssetEntity,
    categoryRules: RentalRulesOverride,
  ): Promise<void> {
    // An UPDATE … RETURNING answers [rows, affected] through TypeORM.
    const [[{ version }]] = (await manager.query(
      `UPDATE assets SET rules_version = rules_version + 1 WHERE id = $1 RETURNING rules_version AS version`,
      [asset.id],
    )) as [{ version: number }[], number];
    await manager.insert(AssetRuleVersionEntity, {
      assetId: asset.id,
      version,
      rules: mergeRules(this.centreDefaults(), categoryRules, asset.rules),
      createdBy: actor.userId,
    });
  }

  /** The schema, deeply: every key, type, list element and range, each problem at its path. */
  private checkedOverride(rules: RentalRulesOverride): RentalRulesOverride {
    throwSchemaProblems(checkRulesOverride(rules));
    return rules;
  }

  private assertRules(rules: RentalRules): void {
    throwSchemaProblems(checkRulesDocument(rules));
    let problems: { path: string; message: string }[];
    try {
      problems = validateRules(rules);
    } catch {
      problems = [{ path: 'timeZone', message: 'invalid' }];
    }
    if (problems.length) {
      throw new DomainError(
        'validation_failed',
        { ruleProblems: problems },
        {},
        problems.map((p) => ({ field: `rules.${p.path}`, code: 'invalid' as const })),
      );
    }
  }

  private assertKindFields(
    kind: AssetEntity['kind'],
    capacity: number | null | undefined,
    poolSize: number | null | undefined,
  ): void {
    if (kind === 'equipment_pool' && !poolSize) throw invalidField('poolSize', 'required');
    if (kind !== 'equipment_pool' && poolSize) throw invalidField('poolSize', 'invalid');
    if (kind !== 'space' && capacity) throw invalidField('capacity', 'invalid');
  }

  private freeRange(query: AssetQueryDto): string | null {
    if (!query.freeFrom && !query.freeTo) return null;
    if (!query.freeFrom) throw invalidField('freeFrom', 'required');
    if (!query.freeTo) throw invalidField('freeTo', 'required');
    if (Date.parse(query.freeTo) <= Date.parse(query.freeFrom)) throw invalidField('freeTo', 'invalid');
    assertSpan(query.freeFrom, query.freeTo, 'freeTo', MAX_SPAN_DAYS.freeSearch);
    return `[${new Date(query.freeFrom).toISOString()},${new Date(query.freeTo).toISOString()})`;
  }

  private toDetail(r: AssetRow): AssetDetail {
    const rules = r.effective;
    return {
      id: r.id,
      categoryId: r.category_id,
      categoryName: { ko: r.category_name_ko, en: r.category_name_en },
      kind: r.kind,
      name: { ko: r.name_ko, en: r.name_en },
      description: { ko: r.description_ko, en: r.description_en },
      capacity: r.capacity,
      poolSize: r.pool_size,
      location: r.location,
      amenities: r.amenities,
      accessibility: r.accessibility,
      photoIds: r.photo_ids,
      active: r.active,
      approvalRequired: rules.approval.required,
      price: { unit: rules.pricing.unit, rate: rules.pricing.rate, deposit: rules.pricing.deposit },
      rules,
      rulesVersion: r.rules_version,
      override: r.rules,
    };
  }
}

function throwSchemaProblems(problems: SchemaProblem[]): void {
  if (problems.length === 0) return;
  throw new DomainError(
    'validation_failed',
    {},
    {},
    problems.slice(0, 50).map((p) => ({
      field: p.path ? `rules.${p.path}` : 'rules',
      code: p.code,
      params: p.params,
    })),
  );
}

function stripDetail(detail: AssetDetail): AssetSummary {
  const { rules: _rules, rulesVersion: _version, override: _override, ...summary } = detail;
  return summary;
}

function pick<T extends object>(value: T, keys: string[]): Partial<T> {
  return Object.fromEntries(keys.map((k) => [k, (value as Record<string, unknown>)[k]])) as Partial<T>;
}

/** True when [from, to) lies inside the asset's opening hours (closures respected). */
export function isOpenThroughout(rules: RentalRules, from: string, to: string): boolean {
  const start = DateTime.fromISO(from).setZone(zoneNamed(rules.timeZone));
  const end = DateTime.fromISO(to).setZone(zoneNamed(rules.timeZone));
  let cursor = start.toMillis();
  for (let day = start.startOf('day'); day < end; day = day.plus({ days: 1 })) {
    const intervals = openingIntervalsOn(day.toISODate() ?? '', rules)
      .map((i) => ({ start: Date.parse(i.start), end: Date.parse(i.end) }))
      .sort((a, b) => a.start - b.start);
    for (const interval of intervals) {
      if (interval.start <= cursor && interval.end > cursor) cursor = interval.end;
    }
    if (cursor >= end.toMillis()) return true;
  }
  return cursor >= end.toMillis();
}
