import { Injectable, Logger } from '@nestjs/common';
import { OG_IMAGE_SIZE } from '@madang/contracts';
import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { Actor } from '../core/actor';
import { notFound } from '../core/domain-error';
import { CatalogueService } from './catalogue.service';
import { encodePhoto, type EncodedPhoto, type PhotoVariantSpec } from './photo-encoder';
import { PhotoVariantsRepository } from './photo-variants.repository';
import { PhotosService } from './photos.service';

/** A variant ready to send, and whether shared caches may keep it (the asset is public). */
export interface PhotoVariant extends EncodedPhoto {
  shared: boolean;
}

/**
 * Asset photos for the web: AVIF and WebP at standard widths and the Open Graph JPEG, made with
 * sharp on first request and kept in the database (`asset_photo_variants`). Made on demand rather
 * than at upload so that no backfill is needed for photos uploaded before, an upload stays fast,
 * and only the variants pages really ask for are ever made (~100 ms each, once). Who may see a
 * variant is who may see the photo (`PhotosService.open`).
 */
@Injectable()
export class PhotoVariantsService {
  private readonly logger = new Logger(PhotoVariantsService.name);

  constructor(
    private readonly photos: PhotosService,
    private readonly catalogue: CatalogueService,
    private readonly variants: PhotoVariantsRepository,
  ) {}

  async variant(
    actor: Actor | undefined,
    assetId: string,
    photoId: string,
    spec: PhotoVariantSpec,
  ): Promise<PhotoVariant> {
    const { info, stream, shared } = await this.photos.open(actor, assetId, photoId);
    const kept = await this.variants.find(photoId, spec);
    if (kept) {
      stream.destroy();
      return { ...kept, shared };
    }
    const original = await buffer(stream as Readable);
    try {
      const made = await encodePhoto(original, spec);
      await this.variants.save(photoId, spec, made);
      return { ...made, shared };
    } catch (error) {
      // The files service took it as an image, but the decoder cannot read it: the original it is.
      this.logger.warn(`photo ${photoId} not re-encoded (${spec.kind} ${spec.width}): ${String(error)}`);
      return { bytes: original, mediaType: info.mediaType, width: 0, height: 0, shared };
    }
  }

  /** The asset's first photo cropped to 1200×630 for link previews; 404 when it has no photo. */
  async openGraphImage(actor: Actor | undefined, assetId: string): Promise<PhotoVariant> {
    const asset = await this.catalogue.getAsset(actor, assetId);
    const first = asset.photoIds[0];
    if (!first) throw notFound();
    return this.variant(actor, assetId, first, { kind: 'og', width: OG_IMAGE_SIZE.width });
  }
}
