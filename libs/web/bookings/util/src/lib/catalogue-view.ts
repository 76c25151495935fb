import type { AssetAvailability, AssetSummary } from '@madang/contracts';

/** One entry of the catalogue: an asset, or a set of identical ones shown as one space with seats. */
export type CatalogueEntry =
  | { type: 'single'; asset: AssetSummary }
  | { type: 'group'; key: string; members: AssetSummary[] };

/** Assets that differ only in name (and accessibility tags) are "the same kind of seat". */
function signature(a: AssetSummary): string {
  return JSON.stringify([
    a.categoryId,
    a.kind,
    a.capacity,
    a.poolSize,
    a.location,
    a.description.ko,
    a.description.en,
    [...a.amenities].sort(),
    a.price,
    a.approvalRequired,
    a.photoIds.length > 0,
  ]);
}

/**
 * Folds runs of identical spaces (18 desks of a co-working room) into one entry with its seats, at
 * the place of the first; equipment and anything with fewer than `minSize` twins stays single.
 */
export function groupIdenticalAssets(assets: readonly AssetSummary[], minSize = 3): CatalogueEntry[] {
  const bySignature = new Map<string, AssetSummary[]>();
  for (const a of assets) {
    if (a.kind !== 'space') continue;
    const key = signature(a);
    bySignature.set(key, [...(bySignature.get(key) ?? []), a]);
  }
  const out: CatalogueEntry[] = [];
  const placed = new Set<string>();
  for (const a of assets) {
    const key = a.kind === 'space' ? signature(a) : null;
    const twins = key ? (bySignature.get(key) ?? []) : [];
    if (key && twins.length >= minSize) {
      if (placed.has(key)) continue;
      placed.add(key);
      out.push({
        type: 'group',
        key: twins[0].id,
        members: [...twins].sort((x, y) => naturalCompare(x.name.en, y.name.en)),
      });
    } else out.push({ type: 'single', asset: a });
  }
  return out;
}

/**
 * "Desk 2" before "Desk 10": runs of digits compare as numbers, the rest letter by letter ignoring case.
 * Written out rather than `localeCompare(…, { numeric: true })`: the catalogue sorts seats while it
 * hydrates, and the page's first collator would start ICU (60–90 ms on a phone, see NO_INTL_AT_START).
 */
export function naturalCompare(a: string, b: string): number {
  const left = a.match(/\d+|\D+/g) ?? [];
  const right = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    const numbers = /^\d/.test(x) && /^\d/.test(y);
    const order = numbers ? compareDigits(x, y) : compareText(x.toLowerCase(), y.toLowerCase());
    if (order !== 0) return order;
  }
  return left.length - right.length || compareText(a, b);
}

function compareDigits(x: string, y: string): number {
  const a = x.replace(/^0+(?=\d)/, '');
  const b = y.replace(/^0+(?=\d)/, '');
  return a.length - b.length || compareText(a, b) || x.length - y.length;
}

function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether an asset can be booked at `at`, or from when later in the window, or not in the window. */
export type FreeState = { state: 'free' } | { state: 'later'; at: string } | { state: 'none' };

/**
 * Reads one availability answer: free at `at` for at least `minutes` (a whole slot), else the first
 * later free moment that gives that much time, else none in the window asked.
 */
export function freeStateAt(
  availability: AssetAvailability | undefined,
  at: string,
  minutes = 30,
): FreeState {
  if (!availability) return { state: 'none' };
  const t = Date.parse(at);
  const need = minutes * 60_000;
  for (const f of availability.free) {
    const start = Date.parse(f.start);
    const end = Date.parse(f.end);
    if (start <= t && end - t >= need) return { state: 'free' };
  }
  const later = availability.free
    .map((f) => ({ start: Math.max(Date.parse(f.start), t), end: Date.parse(f.end) }))
    .filter((f) => f.start > t && f.end - f.start >= need)
    .sort((x, y) => x.start - y.start)[0];
  return later ? { state: 'later', at: new Date(later.start).toISOString() } : { state: 'none' };
}
