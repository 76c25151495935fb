import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AssetDetail } from '@madang/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../platform/audit/audit.service';
import type { Actor } from '../core/actor';
import { DomainError, invalidField, notFound } from '../core/domain-error';
import { AssetPhotoEntity } from './asset-photo.entity';
import { AssetEntity } from './asset.entity';
import { CatalogueService } from './catalogue.service';

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
const MAX_PHOTOS = 12;

export interface UploadedPhoto {
  buffer: Buffer;
  size: number;
  mimetype: string;
}

/** The image type by its first bytes — the declared content type is not trusted. */
export function sniffImage(bytes: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'image/png';
  if (
    bytes.length >= 12 &&
    bytes.toString('ascii', 0, 4) === 'RIFF' &&
    bytes.toString('ascii', 8, 12) === 'WEBP'
  )
    return 'image/webp';
  return undefined;
}

@Injectable()
export class PhotosService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalogue: CatalogueService,
    private readonly audit: AuditService,
  ) {}

  async add(actor: Actor, assetId: string, file: UploadedPhoto | undefined): Promise<AssetDetail> {
    if (!file) throw invalidField('photo', 'required');
    const type = sniffImage(file.buffer);
    if (!type) throw new DomainError('unsupported_media_type', {}, {}, [{ field: 'photo', code: 'invalid' }]);
    await this.db.transaction(async (manager) => {
      const asset = await manager.findOne(AssetEntity, {
        where: { id: assetId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!asset) throw notFound();
      if ((await manager.countBy(AssetPhotoEntity, { assetId })) >= MAX_PHOTOS) {
        throw invalidField('photo', 'too_many', { max: MAX_PHOTOS });
      }
      const photo = await manager.save(
        manager.create(AssetPhotoEntity, { assetId, contentType: type, bytes: file.buffer, size: file.size }),
      );
      await this.audit.record(manager, actor, {
        action: 'asset.photo_added',
        entityType: 'asset',
        entityId: assetId,
        after: { photoId: photo.id, type, size: file.size },
      });
    });
    return this.catalogue.getAsset(actor, assetId);
  }

  async get(assetId: string, photoId: string): Promise<AssetPhotoEntity> {
    const photo = await this.db.getRepository(AssetPhotoEntity).findOneBy({ id: photoId, assetId });
    if (!photo) throw notFound();
    return photo;
  }

  async remove(actor: Actor, assetId: string, photoId: string): Promise<AssetDetail> {
    await this.db.transaction(async (manager) => {
      const result = await manager.delete(AssetPhotoEntity, { id: photoId, assetId });
      if (!result.affected) throw notFound();
      await this.audit.record(manager, actor, {
        action: 'asset.photo_removed',
        entityType: 'asset',
        entityId: assetId,
        before: { photoId },
      });
    });
    return this.catalogue.getAsset(actor, assetId);
  }
}
