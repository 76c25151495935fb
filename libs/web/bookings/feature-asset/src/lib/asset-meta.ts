import { type AssetDetail, type Locale, OG_IMAGE_SIZE } from '@madang/contracts';
import { openGraphImageUrl, photoUrl } from '@madang/web/bookings/data-access';
import type { JsonLd, PageMeta, PageMetaService } from '@madang/web/util';

/**
 * What an asset's page tells search engines and link previews: its name, the start of its
 * description, its first photo, and schema.org data — a `Place` for a space (capacity, amenities,
 * the centre's address), a `Product` for equipment.
 */
export function assetPageMeta(
  asset: AssetDetail,
  locale: Locale,
  photoAlt: string,
  meta: Pick<PageMetaService, 'absolute' | 'centreAddress'>,
): PageMeta {
  const name = asset.name[locale];
  const description = asset.description[locale] || asset.categoryName[locale];
  const photos = asset.photoIds.map((p) => meta.absolute(photoUrl(asset.id, p)));
  const url = meta.absolute(`/catalogue/${encodeURIComponent(asset.id)}?lang=${locale}`);
  const features = [...asset.amenities, ...asset.accessibility].map(
    (feature): JsonLd => ({ '@type': 'LocationFeatureSpecification', name: feature, value: true }),
  );
  const address = meta.centreAddress();
  const jsonLd: JsonLd =
    asset.kind === 'space'
      ? {
          '@context': 'https://schema.org',
          '@type': 'Place',
          name,
          description,
          url,
          ...(photos.length ? { image: photos } : {}),
          ...(asset.capacity !== null ? { maximumAttendeeCapacity: asset.capacity } : {}),
          ...(features.length ? { amenityFeature: features } : {}),
          ...(address ? { address } : {}),
        }
      : {
          '@context': 'https://schema.org',
          '@type': 'Product',
          name,
          description,
          url,
          category: asset.categoryName[locale],
          ...(photos.length ? { image: photos } : {}),
        };
  return {
    title: name,
    description,
    // Chat apps show a 1200×630 JPEG best (several do not read AVIF or WebP): the API crops the first photo.
    image: photos.length
      ? { url: meta.absolute(openGraphImageUrl(asset.id)), alt: photoAlt, ...OG_IMAGE_SIZE }
      : null,
    jsonLd,
  };
}
