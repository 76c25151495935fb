import { Injectable } from '@nestjs/common';
import { PERMISSIONS, type FileInfo, type FilePurpose } from '@madang/contracts';
import type { EntityManager } from 'typeorm';
import { can, type Actor } from '../core/actor';
import type { FileOwnerPolicy } from '../platform/files/files.service';
import { AssetEntity } from './asset.entity';

/** Owner type of an asset's photos in the files service. */
export const ASSET_OWNER = 'asset';

/** The only purpose an asset's files have. */
export const ASSET_PHOTO: FilePurpose = 'photo';

/**
 * Photos of an asset. The catalogue is public: anyone, signed in or not, may read the photos of
 * an active asset; a retired asset (and so its photos) is visible to catalogue managers only.
 * Attach and delete: catalogue managers. The 12-photo cap is checked by `PhotosService.add`
 * under the asset's row lock.
 */
@Injectable()
export class AssetFilesPolicy implements FileOwnerPolicy {
  readonly purposes: readonly FilePurpose[] = [ASSET_PHOTO];

  async canRead(actor: Actor | undefined, assetId: string, m: EntityManager): Promise<boolean> {
    const asset = await m.findOne(AssetEntity, {
      select: { id: true, active: true },
      where: { id: assetId },
    });
    if (!asset) return false;
    return asset.active || this.manages(actor);
  }

  async canAttach(actor: Actor, assetId: string, _purpose: FilePurpose, m: EntityManager): Promise<boolean> {
    return this.manages(actor) && (await this.canRead(actor, assetId, m));
  }

  async canDelete(actor: Actor, assetId: string, _file: FileInfo, m: EntityManager): Promise<boolean> {
    return this.manages(actor) && (await this.canRead(actor, assetId, m));
  }

  private manages(actor: Actor | undefined): boolean {
    return actor !== undefined && can(actor, PERMISSIONS.CATALOGUE_MANAGE);
  }
}
