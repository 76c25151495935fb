import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FILE_EXTENSIONS, type AssetDetail } from '@madang/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../core/actor';
import { DomainError, invalidField, notFound } from '../core/domain-error';
import { FilesService, type FileDownload } from '../platform/files/files.service';
import { extensionAgrees, sniffMediaType } from '../platform/files/file-types';
import { repairLatin1 } from '../platform/files/file-names';
import type { UploadedPart } from '../platform/files/upload.interceptor';
import { ASSET_OWNER, ASSET_PHOTO, AssetFilesPolicy } from './asset-files.policy';
import { AssetsRepository } from './assets.repository';
import { CatalogueService } from './catalogue.service';

/** The multipart field of the photo upload route. */
export const PHOTO_FIELD = 'photo';
export const MAX_PHOTOS = 12;

/**
 * The name a photo is stored under: the client's, with the extension of its real type appended
 * when it has none that agrees (a camera's `photo` or a renamed `.jpeg` holding a PNG). The
 * photo route has never asked for a matching name; the bytes decide, and the files service
 * still refuses anything that is not an image.
 */
export function photoName(clientName: string, bytes: Buffer): string {
  const name = repairLatin1(clientName).trim() || PHOTO_FIELD;
  const sniffed = sniffMediaType(bytes, name);
  if (!sniffed || extensionAgrees(name, sniffed)) return name;
  return `${name}${FILE_EXTENSIONS[sniffed][0]}`;
}

/** Problems of the files service name its `file` field; this route's field is `photo`. */
function asPhotoField(error: unknown): unknown {
  if (!(error instanceof DomainError) || !error.fieldErrors) return error;
  const fieldErrors = error.fieldErrors.map((issue) =>
    issue.field === 'file' || issue.field.startsWith('file.')
      ? { ...issue, field: `${PHOTO_FIELD}${issue.field.slice('file'.length)}` }
      : issue,
  );
  return new DomainError(error.code, error.extensions, error.params, fieldErrors);
}

/** Asset photos: files of owner type `asset`, purpose `photo`, in the files service. */
@Injectable()
export class PhotosService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalogue: CatalogueService,
    private readonly assets: AssetsRepository,
    private readonly files: FilesService,
    private readonly policy: AssetFilesPolicy,
  ) {}

  async add(actor: Actor, assetId: string, part: UploadedPart | undefined): Promise<AssetDetail> {
    if (!part) throw invalidField(PHOTO_FIELD, 'required');
    try {
      await this.db.transaction(async (m) => {
        if (!(await this.assets.lock(m, assetId))) throw notFound();
        if ((await this.files.count(m, ASSET_OWNER, assetId, ASSET_PHOTO)) >= MAX_PHOTOS) {
          throw invalidField(PHOTO_FIELD, 'too_many', { max: MAX_PHOTOS });
        }
        await this.files.attach(
          actor,
          {
            ownerType: ASSET_OWNER,
            ownerId: assetId,
            purpose: ASSET_PHOTO,
            name: photoName(part.originalname, part.buffer),
            declaredType: part.mimetype,
            bytes: part.buffer,
          },
          m,
        );
      });
    } catch (error) {
      throw asPhotoField(error);
    }
    return this.catalogue.getAsset(actor, assetId);
  }

  /**
   * One photo of one asset, for streaming (404 when it is not this asset's photo). `shared` says
   * whether a visitor may see it too (the asset is active), so shared caches may keep it; a
   * retired asset's photo shown to a catalogue manager must not be cached for everyone.
   */
  async open(
    actor: Actor | undefined,
    assetId: string,
    photoId: string,
  ): Promise<FileDownload & { shared: boolean }> {
    const download = await this.files.open(actor, photoId);
    if (download.info.ownerType !== ASSET_OWNER || download.info.ownerId !== assetId) {
      download.stream.destroy();
      throw notFound();
    }
    const shared = await this.policy.canRead(undefined, assetId, this.db.manager);
    return { ...download, shared };
  }

  async remove(actor: Actor, assetId: string, photoId: string): Promise<AssetDetail> {
    await this.db.transaction(async (m) => {
      const info = await this.files.get(actor, photoId);
      if (info.ownerType !== ASSET_OWNER || info.ownerId !== assetId) throw notFound();
      await this.files.remove(actor, photoId, m);
    });
    return this.catalogue.getAsset(actor, assetId);
  }
}
