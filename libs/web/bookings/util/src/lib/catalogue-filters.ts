import type { AssetKind, AssetQuery } from '@madang/contracts';

/** What the catalogue's filter form holds, and the instant its date-time field means. */
export interface CatalogueFilters {
  kind: AssetKind | '';
  categoryId: string;
  minCapacity: string;
  tags: string;
  /** '' = now; otherwise a local `YYYY-MM-DDTHH:mm` in the centre's zone. */
  at: string;
  onlyFree: boolean;
  /** `at` as an instant, or null for now (or a value the browser could not read). */
  atInstant: string | null;
}

export const NO_FILTERS: CatalogueFilters = {
  kind: '',
  categoryId: '',
  minCapacity: '',
  tags: '',
  at: '',
  onlyFree: false,
  atInstant: null,
};

/** How many filters narrow the list (shown on the filter button while the panel is closed). */
export function activeFilterCount(f: CatalogueFilters): number {
  return (
    [f.kind, f.categoryId, f.minCapacity, f.tags, f.at].filter((x) => x !== '').length + (f.onlyFree ? 1 : 0)
  );
}

/** The API query of the filters the server answers (free time is worked out on the page). */
export function toAssetQuery(f: CatalogueFilters): AssetQuery {
  const query: AssetQuery = {};
  if (f.kind) query.kind = f.kind;
  if (f.categoryId) query.categoryId = f.categoryId;
  const min = Number(f.minCapacity);
  if (f.minCapacity !== '' && Number.isInteger(min) && min > 0) query.minCapacity = min;
  const tags = f.tags
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (tags.length) query.tags = tags.join(',');
  return query;
}
