import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AssetForRules,
  DEFAULT_RULES,
  mergeRules,
  openingIntervalsOn,
  SchemaProblem,
  checkRulesDocument,
  checkRulesOverride,
  validateRules,
  zoneNamed,
} from '@madang/booking-rules';
import { AssetDetail, AssetSummary, CategoryDto, RentalRules, RentalRulesOverride } from '@madang/contracts';
import { DateTime } from 'luxon';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../platform/audit/audit.service';
import { AppConfig } from '../config/app-config';
import { Actor, can } from '../core/actor';
import { DomainError, invalidField, notFound } from '../core/domain-error';
import { assertSpan, MAX_SPAN_DAYS } from '../core/time-range';
import { FilesService } from '../platform/files/files.service';
import { ASSET_OWNER, ASSET_PHOTO } from './asset-files.policy';
import { AssetFields, AssetRow, AssetsRepository } from './assets.repository';
import { CategoriesRepository, CategoryFields } from './categories.repository';
import { AssetEntity } from './asset.entity';
import {
  AssetQueryDto,
  CreateAssetDto,
  CreateCategoryDto,
  UpdateAssetDto,
  UpdateCategoryDto,
} from './dto/catalogue.dto';

@Injectable()
export class CatalogueService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly categoriesRepo: CategoriesRepository,
    private readonly assets: AssetsRepository,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly files: FilesService,
  ) {}

  /** The centre's defaults: the engine's defaults in the centre's time zone. */
  centreDefaults(): RentalRules {
    return mergeRules(DEFAULT_RULES, { timeZone: this.config.MADANG_TIMEZONE });
  }

  // ── categories ────────────────────────────────────────────────────────────

  /** Every category, or just the one with `id`. */
  async categories(id?: string): Promise<CategoryDto[]> {
    const rows = await this.categoriesRepo.rows(id);
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: { ko: r.name_ko, en: r.name_en },
      description: { ko: r.description_ko, en: r.description_en },
      rules: r.rules,
      assetCount: r.asset_count,
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
    const id = await this.inCategoryTransaction(async (tx) => {
      const created = await this.categoriesRepo.insert(tx, {
        code: dto.code,
        nameKo: dto.name.ko.trim(),
        nameEn: dto.name.en.trim(),
        descriptionKo: dto.description?.ko.trim() ?? '',
        descriptionEn: dto.description?.en.trim() ?? '',
        rules,
      });
      await this.audit.record(tx, actor, {
        action: 'category.created',
        entityType: 'category',
        entityId: created,
        after: dto,
      });
      return created;
    });
    return this.category(id);
  }

  /** A category write; a code another category already has answers 409 on the field `code`. */
  private async inCategoryTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(work);
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
    await this.inCategoryTransaction(async (manager) => {
      const before = await this.categoriesRepo.find(manager, id);
      if (!before) throw notFound();
      const patch: Partial<CategoryFields> = {};
      if (dto.code !== undefined && dto.code !== before.code) patch.code = dto.code;
      if (dto.name) Object.assign(patch, { nameKo: dto.name.ko.trim(), nameEn: dto.name.en.trim() });
      if (dto.description)
        Object.assign(patch, {
          descriptionKo: dto.description.ko.trim(),
          descriptionEn: dto.description.en.trim(),
        });
      await this.categoriesRepo.update(manager, id, patch);
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
      const category = await this.categoriesRepo.lock(manager, id);
      if (!category) throw notFound();
      const assets = await this.assets.lockInCategory(manager, id);
      for (const asset of assets) this.assertRules(mergeRules(this.centreDefaults(), checked, asset.rules));
      this.assertRules(mergeRules(this.centreDefaults(), checked));
      await this.categoriesRepo.update(manager, id, { rules: checked });
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
    const rows = await this.assets.search({
      includeRetired,
      kind: query.kind ?? null,
      categoryId: query.categoryId ?? null,
      minCapacity: query.minCapacity ?? null,
      tags,
      freeDuring: freeRange,
    });
    const photos = await this.files.idsOf(
      ASSET_OWNER,
      rows.map((r) => r.id),
      ASSET_PHOTO,
    );
    const summaries = rows.map((r) => this.toDetail(r, photos.get(r.id) ?? []));
    if (!query.freeFrom || !query.freeTo) return summaries.map(stripDetail);
    // Free also means open: the whole range must lie inside opening hours.
    return summaries
      .filter((a) => isOpenThroughout(a.rules, query.freeFrom as string, query.freeTo as string))
      .map(stripDetail);
  }

  async getAsset(actor: Actor | undefined, id: string, tx?: EntityManager): Promise<AssetDetail> {
    const row = await this.assets.find(id, tx);
    if (!row || (!row.active && !(actor && can(actor, 'catalogue:manage')))) throw notFound();
    const photos = await this.files.idsOf(ASSET_OWNER, [row.id], ASSET_PHOTO);
    return this.toDetail(row, photos.get(row.id) ?? []);
  }

  async createAsset(actor: Actor, dto: CreateAssetDto): Promise<AssetDetail> {
    this.assertKindFields(dto.kind, dto.capacity, dto.poolSize);
    const id = await this.db.transaction(async (tx) => {
      const category = await this.categoriesRepo.find(tx, dto.categoryId);
      if (!category) throw invalidField('categoryId', 'invalid');
      const created = await this.assets.insert(
        tx,
        {
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
        },
        mergeRules(this.centreDefaults(), category.rules, {}),
        actor.userId,
      );
      await this.audit.record(tx, actor, {
        action: 'asset.created',
        entityType: 'asset',
        entityId: created,
        after: dto,
      });
      return created;
    });
    return this.getAsset(actor, id);
  }

  async updateAsset(actor: Actor, id: string, dto: UpdateAssetDto): Promise<AssetDetail> {
    await this.db.transaction(async (manager) => {
      const asset = await this.assets.lock(manager, id);
      if (!asset) throw notFound();
      const capacity = dto.capacity !== undefined ? dto.capacity : asset.capacity;
      const poolSize = dto.poolSize !== undefined ? dto.poolSize : asset.poolSize;
      this.assertKindFields(asset.kind, capacity, poolSize);
      const patch: Partial<AssetFields> = {};
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
        if (!(await this.categoriesRepo.find(manager, dto.categoryId as string)))
          throw invalidField('categoryId', 'invalid');
        patch.categoryId = dto.categoryId;
      }
      await this.assets.update(manager, id, patch);
      if (categoryChanged) {
        const category = await this.categoriesRepo.find(manager, dto.categoryId as string);
        await this.newVersion(manager, actor, { ...asset, ...patch }, category?.rules ?? {});
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
      const asset = await this.assets.lock(manager, id);
      if (!asset) throw notFound();
      const category = await this.categoriesRepo.find(manager, asset.categoryId);
      if (!category) throw notFound();
      this.assertRules(mergeRules(this.centreDefaults(), category.rules, checked));
      await this.assets.update(manager, id, { rules: checked });
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

  /** Assets as the rules engine sees them, with their current rules version (on the caller's transaction, if any). */
  async forRules(ids: string[], tx?: EntityManager): Promise<(AssetForRules & { rulesVersion: number })[]> {
    if (ids.length === 0) return [];
    const rows = await this.assets.forRules(ids, tx);
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

  /** The rules an asset had at a version (what a booking was given). */
  rulesAtVersion(tx: EntityManager, assetId: string, version: number): Promise<RentalRules> {
    return this.assets.rulesAt(tx, assetId, version);
  }

  // ── helpers ───────────────────────────────────────────────────────────────

  private async newVersion(
    tx: EntityManager,
    actor: Actor,
    asset: Pick<AssetEntity, 'id' | 'rules'>,
    categoryRules: RentalRulesOverride,
  ): Promise<void> {
    await this.assets.addRulesVersion(
      tx,
      asset.id,
      mergeRules(this.centreDefaults(), categoryRules, asset.rules),
      actor.userId,
    );
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

  private toDetail(r: AssetRow, photoIds: string[]): AssetDetail {
    const rules = r.effective;
    return {
      id: r.id,
      categoryId: r.category_id,
      categoryCode: r.category_code,
      categoryName: { ko: r.category_name_ko, en: r.category_name_en },
      kind: r.kind,
      name: { ko: r.name_ko, en: r.name_en },
      description: { ko: r.description_ko, en: r.description_en },
      capacity: r.capacity,
      poolSize: r.pool_size,
      location: r.location,
      amenities: r.amenities,
      accessibility: r.accessibility,
      photoIds,
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
