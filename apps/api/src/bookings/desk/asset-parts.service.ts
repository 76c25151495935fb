import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AssetPartDto, PutAssetPartsRequest } from '@madang/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { CatalogueService } from '../../catalogue/catalogue.service';
import type { Actor } from '../../core/actor';
import { invalidField, notFound } from '../../core/domain-error';
import { AuditService } from '../../platform/audit/audit.service';
import { AssetPartEntity } from './desk.entities';
import { DeskRepository, PartRow } from './desk.repository';

export const toPartDto = (p: PartRow): AssetPartDto => ({
  id: p.id,
  name: { ko: p.name_ko, en: p.name_en },
  quantity: p.quantity,
  serial: p.serial,
});

/** Kits: the parts an asset is made of, edited by catalogue managers as one ordered list. */
@Injectable()
export class AssetPartsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly desk: DeskRepository,
    private readonly catalogue: CatalogueService,
    private readonly audit: AuditService,
  ) {}

  async list(assetId: string): Promise<AssetPartDto[]> {
    await this.assetExists(this.db.manager, assetId);
    return (await this.desk.parts(this.db.manager, [assetId])).map(toPartDto);
  }

  /**
   * Replaces the kit's parts with `dto.parts`, in that order: a part with an id is kept and edited, one
   * without is added, one left out is deleted — or, when a hand-out already checked it, retired (its
   * checks keep their meaning).
   */
  async replace(actor: Actor, assetId: string, dto: PutAssetPartsRequest): Promise<AssetPartDto[]> {
    return this.db.transaction(async (tx) => {
      await this.assetExists(tx, assetId);
      await tx.query(`SELECT id FROM assets WHERE id = $1 FOR UPDATE`, [assetId]);
      const before = await this.desk.parts(tx, [assetId], true);
      const ids = dto.parts.map((p) => p.id).filter((id): id is string => !!id);
      if (new Set(ids).size !== ids.length) throw invalidField('parts', 'invalid');
      dto.parts.forEach((p, i) => {
        if (p.id && !before.some((b) => b.id === p.id)) throw invalidField(`parts.${i}.id`, 'invalid');
      });
      const repo = tx.getRepository(AssetPartEntity);
      for (const [sort, part] of dto.parts.entries()) {
        const values = {
          assetId,
          nameKo: part.name.ko.trim(),
          nameEn: part.name.en.trim(),
          quantity: part.quantity ?? 1,
          serial: (part.serial ?? '').trim(),
          sort,
          active: true,
        };
        if (part.id) await repo.update({ id: part.id }, values);
        else await repo.insert(values);
      }
      for (const gone of before.filter((b) => !ids.includes(b.id))) {
        if (await this.desk.partUsed(tx, gone.id)) await repo.update({ id: gone.id }, { active: false });
        else await repo.delete({ id: gone.id });
      }
      const after = (await this.desk.parts(tx, [assetId])).map(toPartDto);
      await this.audit.record(tx, actor, {
        action: 'asset.parts_replaced',
        entityType: 'asset',
        entityId: assetId,
        before: before.filter((b) => b.active).map(toPartDto),
        after,
      });
      return after;
    });
  }

  private async assetExists(tx: EntityManager, assetId: string): Promise<void> {
    const [asset] = await this.catalogue.forRules([assetId], tx);
    if (!asset) throw notFound();
  }
}
