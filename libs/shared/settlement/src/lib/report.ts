import { addWon, rateBp, type BasisPoints, type Won } from '@madang/money';

/** One budget line × funding source with its sums, as the database returns them. */
export interface ReportCell {
  lineId: string;
  lineName: string;
  categoryCode: string;
  categoryName: string;
  parentCode: string;
  parentName: string;
  sourceId: string;
  sourceKind: string;
  sourceName: string;
  returnable: boolean;
  initial: Won;
  amended: Won;
  executed: Won;
  disallowed: Won;
}

export interface Totals {
  initial: Won;
  amended: Won;
  executed: Won;
  disallowed: Won;
  /** executed − disallowed: what the funder accepts. */
  recognised: Won;
  /** amended − recognised: unspent budget, disallowed amounts included. */
  balance: Won;
  /** recognised ÷ amended, in basis points. */
  rateBp: BasisPoints;
}

export interface SourceTotals extends Totals {
  sourceId: string;
  kind: string;
  name: string;
  returnable: boolean;
  interest: Won;
  /** balance + interest for sources that take unspent money back; 0 for own funds. */
  toReturn: Won;
}

export interface CategoryTotals extends Totals {
  code: string;
  name: string;
  subcategories: (Totals & { code: string; name: string })[];
}

export interface LineTotals extends Totals {
  lineId: string;
  name: string;
  categoryCode: string;
  categoryName: string;
  bySource: (Totals & { sourceId: string })[];
}

export interface SettlementSums {
  total: Totals & { interest: Won; toReturn: Won };
  bySource: SourceTotals[];
  byCategory: CategoryTotals[];
  byLine: LineTotals[];
}

const ZERO = { initial: 0, amended: 0, executed: 0, disallowed: 0 };
type Raw = typeof ZERO;

function add(a: Raw, b: Raw): Raw {
  return {
    initial: addWon(a.initial, b.initial),
    amended: addWon(a.amended, b.amended),
    executed: addWon(a.executed, b.executed),
    disallowed: addWon(a.disallowed, b.disallowed),
  };
}

export function finish(raw: Raw): Totals {
  const recognised = raw.executed - raw.disallowed;
  return { ...raw, recognised, balance: raw.amended - recognised, rateBp: rateBp(recognised, raw.amended) };
}

function groupBy<K, T>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

const sum = (cells: readonly ReportCell[]): Raw => cells.reduce<Raw>((acc, c) => add(acc, c), ZERO);

/**
 * Aggregates line × source cells into the settlement report's sections. Ordering: sources in the
 * order given, categories and lines by code then name. Interest is keyed by source id.
 */
export function aggregateSettlement(
  cells: readonly ReportCell[],
  interestBySource: ReadonlyMap<string, Won> = new Map(),
): SettlementSums {
  const bySource = [...groupBy(cells, (c) => c.sourceId).values()].map((group): SourceTotals => {
    const first = group[0];
    const totals = finish(sum(group));
    const interest = interestBySource.get(first.sourceId) ?? 0;
    return {
      ...totals,
      sourceId: first.sourceId,
      kind: first.sourceKind,
      name: first.sourceName,
      returnable: first.returnable,
      interest,
      toReturn: first.returnable ? Math.max(0, addWon(totals.balance, interest)) : 0,
    };
  });
  // Interest on sources with no cells still has to be returned.
  const sorted = [...cells].sort(
    (a, b) => a.categoryCode.localeCompare(b.categoryCode) || a.lineName.localeCompare(b.lineName),
  );
  const byCategory = [...groupBy(sorted, (c) => c.parentCode).values()].map((group): CategoryTotals => {
    const subcategories = [...groupBy(group, (c) => c.categoryCode).values()].map((sub) => ({
      ...finish(sum(sub)),
      code: sub[0].categoryCode,
      name: sub[0].categoryName,
    }));
    return { ...finish(sum(group)), code: group[0].parentCode, name: group[0].parentName, subcategories };
  });
  const byLine = [...groupBy(sorted, (c) => c.lineId).values()].map(
    (group): LineTotals => ({
      ...finish(sum(group)),
      lineId: group[0].lineId,
      name: group[0].lineName,
      categoryCode: group[0].categoryCode,
      categoryName: group[0].categoryName,
      bySource: group.map((c) => ({ ...finish(c), sourceId: c.sourceId })),
    }),
  );
  const interest = [...interestBySource.values()].reduce((s, v) => addWon(s, v), 0);
  const total = finish(sum(cells));
  return {
    total: { ...total, interest, toReturn: bySource.reduce((s, x) => addWon(s, x.toReturn), 0) },
    bySource,
    byCategory,
    byLine,
  };
}
