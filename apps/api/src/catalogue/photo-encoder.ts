import {
  OG_IMAGE_SIZE,
  PHOTO_VARIANT_FORMATS,
  PHOTO_VARIANT_WIDTHS,
  type PhotoVariantFormat,
  type PhotoVariantWidth,
} from '@madang/contracts';
import sharp from 'sharp';

/** What a variant is: a web format at a standard width, or the Open Graph crop. */
export type PhotoVariantSpec =
  | { kind: PhotoVariantFormat; width: PhotoVariantWidth }
  | { kind: 'og'; width: typeof OG_IMAGE_SIZE.width };

export interface EncodedPhoto {
  bytes: Buffer;
  mediaType: string;
  width: number;
  height: number;
}

const MEDIA_TYPES = { avif: 'image/avif', webp: 'image/webp', og: 'image/jpeg' } as const;

/** The path segment `640.webp` as a variant, or null for anything that is not one we make. */
export function parsePhotoVariant(segment: string): PhotoVariantSpec | null {
  const match = /^(\d{3,4})\.([a-z]+)$/.exec(segment);
  if (!match) return null;
  const width = PHOTO_VARIANT_WIDTHS.find((w) => String(w) === match[1]);
  const kind = PHOTO_VARIANT_FORMATS.find((f) => f === match[2]);
  return width && kind ? { kind, width } : null;
}

/** The variant's file name for Content-Disposition: `photo-640.webp`, `photo-og.jpg`. */
export function variantFileName(spec: PhotoVariantSpec): string {
  return spec.kind === 'og' ? 'photo-og.jpg' : `photo-${spec.width}.${spec.kind}`;
}

/**
 * Re-encodes a photo: turned upright by its EXIF orientation, metadata (GPS, camera) dropped,
 * scaled down to the width (never up); the Open Graph variant is cropped to 1200×630 around the
 * most interesting region. AVIF at effort 2 costs about as much as WebP (~100 ms for 1280 px here).
 */
export async function encodePhoto(original: Buffer, spec: PhotoVariantSpec): Promise<EncodedPhoto> {
  const image = sharp(original, { failOn: 'error', limitInputPixels: 60_000_000 }).rotate();
  const sized =
    spec.kind === 'og'
      ? image.resize(OG_IMAGE_SIZE.width, OG_IMAGE_SIZE.height, {
          fit: 'cover',
          position: sharp.strategy.attention,
        })
      : image.resize({ width: spec.width, withoutEnlargement: true });
  const encoded =
    spec.kind === 'avif'
      ? sized.avif({ quality: 52, effort: 2 })
      : spec.kind === 'webp'
        ? sized.webp({ quality: 76 })
        : sized.flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return { bytes: data, mediaType: MEDIA_TYPES[spec.kind], width: info.width, height: info.height };
}
