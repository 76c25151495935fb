import type { LocalizedText } from './locale';
import type { AssetKind, RentalRules, RentalRulesOverride } from './rental-rules';
import type { BlockReason } from './blocks';

/** HTTP contract of the catalogue: categories, assets, their rules and availability. Times are ISO 8601 strings in UTC; money is integer KRW. */

export interface Interval {
  start: string;
  end: string;
}

export interface CategoryDto {
  id: string;
  code: string;
  name: LocalizedText;
  description: LocalizedText;
  /** The category's rules over the centre's defaults. */
  rules: RentalRulesOverride;
  assetCount: number;
}

/**
 * A category's code: lower-case letters, digits, `-` and `_`, starting with a letter or digit, at most
 * 40 characters; unique across categories (a taken code answers 409 `conflict` on the field `code`).
 */
export const CATEGORY_CODE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;
export const CATEGORY_CODE_MAX_LENGTH = 40;

export interface CreateCategoryRequest {
  code: string;
  name: LocalizedText;
  description?: LocalizedText;
  rules?: RentalRulesOverride;
}
/** Code, name and description are editable; rules change through `PUT /categories/:id/rules`. */
export type UpdateCategoryRequest = Partial<Omit<CreateCategoryRequest, 'rules'>>;

export interface PriceSummary {
  unit: 'hour' | 'day';
  rate: number;
  deposit: number;
}

export interface AssetSummary {
  id: string;
  categoryId: string;
  /** The category's code (`hall`, `meeting-rooms`…): what a page needs to pick an icon, without the categories. */
  categoryCode: string;
  categoryName: LocalizedText;
  kind: AssetKind;
  name: LocalizedText;
  description: LocalizedText;
  capacity: number | null;
  poolSize: number | null;
  location: string;
  amenities: string[];
  accessibility: string[];
  photoIds: string[];
  active: boolean;
  approvalRequired: boolean;
  price: PriceSummary;
}

export interface AssetDetail extends AssetSummary {
  /** Effective rules (centre defaults ← category ← asset). */
  rules: RentalRules;
  rulesVersion: number;
  /** What the asset itself overrides. */
  override: RentalRulesOverride;
}

export interface AssetQuery {
  kind?: AssetKind;
  categoryId?: string;
  minCapacity?: number;
  /** Comma-separated amenity or accessibility tags; all must match. */
  tags?: string;
  /** With freeTo: only assets free for the whole range. */
  freeFrom?: string;
  freeTo?: string;
  includeRetired?: boolean;
}

export interface CreateAssetRequest {
  categoryId: string;
  kind: AssetKind;
  name: LocalizedText;
  description?: LocalizedText;
  capacity?: number | null;
  poolSize?: number | null;
  location?: string;
  amenities?: string[];
  accessibility?: string[];
  active?: boolean;
}
export type UpdateAssetRequest = Partial<Omit<CreateAssetRequest, 'kind'>>;

export interface UpdateRulesRequest {
  rules: RentalRulesOverride;
}

export interface AssetAvailability {
  assetId: string;
  kind: AssetKind;
  poolSize: number | null;
  /** Opening hours minus closures, in the window. */
  open: Interval[];
  /** Held time (buffers included); for pools, `quantity` units are held in that interval. */
  busy: (Interval & { quantity: number; blocked?: BlockReason })[];
  /** Open and not fully held (for pools: at least one unit free). */
  free: Interval[];
}

export interface AvailabilityQuery {
  from: string;
  to: string;
  /** Comma-separated asset ids; absent = every active asset (or those of `categoryId`). */
  assetIds?: string;
  categoryId?: string;
}

export interface AvailabilityResponse {
  from: string;
  to: string;
  assets: AssetAvailability[];
}

/**
 * Asset photos in modern formats: `GET /api/assets/{id}/photos/{photoId}/{width}.{format}` gives the
 * photo at most `width` pixels wide (never enlarged) in AVIF or WebP, made on first request and kept.
 */
export const PHOTO_VARIANT_WIDTHS = [320, 640, 1280] as const;
export type PhotoVariantWidth = (typeof PHOTO_VARIANT_WIDTHS)[number];
export const PHOTO_VARIANT_FORMATS = ['avif', 'webp'] as const;
export type PhotoVariantFormat = (typeof PHOTO_VARIANT_FORMATS)[number];

/** `GET /api/assets/{id}/og.jpg`: the asset's first photo cropped for link previews (Open Graph). */
export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const;
