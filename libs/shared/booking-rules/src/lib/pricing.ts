import type { GroupKind, LocalizedText } from '@madang/contracts';
import type { DateTime } from 'luxon';
import { formatDays, formatDuration, formatKrw } from './format';
import { mulDivRoundHalfUp } from './money';
import { atWallClock, isoWeekday, localDaysTouched, parseWallTime, type Span } from './time';
import type { AssetForRules, Quote, QuoteLine, Waiver } from './types';

const MS_PER_HOUR = 3_600_000;

/**
 * The best single waiver for the request: one whose group kinds include the kind of the group the
 * request is for, or whose purposes include the request's purpose tag; highest percent wins
 * (the first listed on a tie).
 */
export function chooseWaiver(
  waivers: Waiver[],
  groupKind: GroupKind | null,
  purposeTag: string | undefined,
  groupTags: readonly string[] = [],
): Waiver | null {
  let best: Waiver | null = null;
  for (const w of waivers) {
    const byGroup =
      (groupKind !== null && (w.groupKinds ?? []).includes(groupKind)) ||
      (w.groupTags ?? []).some((t) => groupTags.includes(t));
    const byPurpose = !!purposeTag && (w.purposes ?? []).includes(purposeTag);
    if ((byGroup || byPurpose) && (!best || w.percent > best.percent)) best = w;
  }
  return best;
}

/**
 * Splits [start, end) into regular time and peak time per peak rate. Where peak windows overlap
 * the highest peak rate applies. Returns milliseconds.
 */
export function splitPeak(
  start: DateTime,
  end: DateTime,
  asset: AssetForRules,
): { regularMs: number; peakMsByRate: Map<number, number> } {
  const { timeZone, pricing } = asset.rules;
  const s = start.toMillis();
  const e = end.toMillis();
  const windows: (Span & { rate: number })[] = [];
  for (const day of localDaysTouched(start, end, timeZone)) {
    for (const w of pricing.peak ?? []) {
      if (!w.weekdays.includes(isoWeekday(day))) continue;
      const from = parseWallTime(w.from);
      const to = parseWallTime(w.to, true);
      if (from === null || to === null || to <= from) continue;
      const ws = Math.max(s, atWallClock(day, from).toMillis());
      const we = Math.min(e, atWallClock(day, to).toMillis());
      if (we > ws) windows.push({ start: ws, end: we, rate: w.rate });
    }
  }
  const cuts = [...new Set([s, e, ...windows.flatMap((w) => [w.start, w.end])])].sort((a, b) => a - b);
  let regularMs = 0;
  const peakMsByRate = new Map<number, number>();
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const covering = windows.filter((w) => w.start <= a && b <= w.end);
    if (covering.length === 0) regularMs += b - a;
    else {
      const rate = Math.max(...covering.map((w) => w.rate));
      peakMsByRate.set(rate, (peakMsByRate.get(rate) ?? 0) + (b - a));
    }
  }
  return { regularMs, peakMsByRate };
}

function text(ko: string, en: string): LocalizedText {
  return { ko, en };
}

function times(multiplier: number): LocalizedText {
  return multiplier > 1 ? text(` × ${multiplier}개`, ` × ${multiplier}`) : text('', '');
}

/**
 * Quote lines of one asset. Hourly rates are prorated to the millisecond of elapsed time (a DST
 * day's missing or repeated hour is billed as it really passes); daily rates count local calendar
 * days touched. Pools multiply by quantity. Each line is rounded once, half up.
 */
export function quoteAsset(
  asset: AssetForRules,
  multiplier: number,
  start: DateTime,
  end: DateTime,
  waiver: Waiver | null,
): QuoteLine[] {
  const { pricing, timeZone } = asset.rules;
  const name = asset.name;
  const lines: QuoteLine[] = [];
  const m = Math.max(1, multiplier);

  const hourLine = (kind: 'rate' | 'peak', ms: number, rate: number): void => {
    if (ms <= 0 || rate <= 0) return;
    const minutes = ms / 60_000;
    const prefix = kind === 'peak' ? text('피크 시간 ', 'peak ') : text('', '');
    lines.push({
      assetId: asset.id,
      kind,
      label: text(
        `${name.ko}: ${prefix.ko}${formatDuration(minutes, 'ko')} × ${formatKrw(rate, 'ko')}${times(m).ko}`,
        `${name.en}: ${prefix.en}${formatDuration(minutes, 'en')} × ${formatKrw(rate, 'en')}${times(m).en}`,
      ),
      quantity: ms / MS_PER_HOUR,
      unit: 'hour',
      unitPrice: rate,
      multiplier: m,
      amount: mulDivRoundHalfUp([ms, rate, m], MS_PER_HOUR),
    });
  };

  if (pricing.unit === 'day') {
    const days = localDaysTouched(start, end, timeZone).length;
    if (days > 0 && pricing.rate > 0) {
      lines.push({
        assetId: asset.id,
        kind: 'rate',
        label: text(
          `${name.ko}: ${formatDays(days, 'ko')} × ${formatKrw(pricing.rate, 'ko')}${times(m).ko}`,
          `${name.en}: ${formatDays(days, 'en')} × ${formatKrw(pricing.rate, 'en')}${times(m).en}`,
        ),
        quantity: days,
        unit: 'day',
        unitPrice: pricing.rate,
        multiplier: m,
        amount: mulDivRoundHalfUp([days, pricing.rate, m], 1),
      });
    }
  } else {
    const { regularMs, peakMsByRate } = splitPeak(start, end, asset);
    hourLine('rate', regularMs, pricing.rate);
    for (const [rate, ms] of [...peakMsByRate].sort((a, b) => a[0] - b[0])) hourLine('peak', ms, rate);
  }

  const base = lines.reduce((sum, l) => sum + l.amount, 0);
  if (waiver && base > 0) {
    lines.push({
      assetId: asset.id,
      kind: 'waiver',
      label: text(
        `${name.ko}: ${waiver.label.ko} — ${formatKrw(base, 'ko')}의 ${waiver.percent}%`,
        `${name.en}: ${waiver.label.en} — ${waiver.percent}% of ${formatKrw(base, 'en')}`,
      ),
      quantity: waiver.percent,
      unit: 'percent',
      unitPrice: base,
      multiplier: 1,
      amount: 0 - mulDivRoundHalfUp([base, waiver.percent], 100),
    });
  }

  if (pricing.deposit > 0) {
    const waived = waiver?.percent === 100;
    lines.push({
      assetId: asset.id,
      kind: 'deposit',
      label: text(
        `${name.ko}: 보증금 ${formatKrw(pricing.deposit, 'ko')}${times(m).ko}${waived ? ` — 면제(${waiver.label.ko})` : ''}`,
        `${name.en}: deposit ${formatKrw(pricing.deposit, 'en')}${times(m).en}${waived ? ` — waived (${waiver.label.en})` : ''}`,
      ),
      quantity: m,
      unit: 'item',
      unitPrice: pricing.deposit,
      multiplier: 1,
      amount: waived ? 0 : mulDivRoundHalfUp([pricing.deposit, m], 1),
    });
  }
  return lines;
}

export function emptyQuote(): Quote {
  return { currency: 'KRW', lines: [], subtotal: 0, waived: 0, deposit: 0, total: 0 };
}

export function sumQuote(lines: QuoteLine[]): Quote {
  const sum = (kinds: string[]) =>
    lines.filter((l) => kinds.includes(l.kind)).reduce((s, l) => s + l.amount, 0);
  const subtotal = sum(['rate', 'peak']);
  const waived = 0 - sum(['waiver']);
  const deposit = sum(['deposit']);
  return { currency: 'KRW', lines, subtotal, waived, deposit, total: subtotal - waived + deposit };
}
