import {
  type Locale,
  interpolate,
  type AssetKind,
  type Decision,
  type PaymentStatus,
  type PriceSummary,
} from '@madang/contracts';
import { formatWonLenient } from '@madang/money';
import { type MessageKey, dictionary } from '@madang/web/i18n';
import { centreTimeZone, dateTimeFormat } from '@madang/web/util';

export const KIND_KEYS: Readonly<Record<AssetKind, MessageKey>> = {
  space: 'kind.space',
  equipment_item: 'kind.equipment_item',
  equipment_pool: 'kind.equipment_pool',
};

export const DECISION_KEYS: Readonly<Record<Decision, MessageKey>> = {
  pending: 'decision.pending',
  approved: 'decision.approved',
  rejected: 'decision.rejected',
  cancelled: 'decision.cancelled',
};

export const PAYMENT_KEYS: Readonly<Record<PaymentStatus, MessageKey>> = {
  quoted: 'payment.quoted',
  waived: 'payment.waived',
  invoiced: 'payment.invoiced',
  paid: 'payment.paid',
  refunded: 'payment.refunded',
};

/**
 * What an asset is, in one line: its kind, category and size — "공간 · 회의실 · 최대 6명" /
 * "Equipment pool · Laptops · 12 units" (on a catalogue card and at the top of the asset's page).
 */
export function assetFactsText(
  asset: {
    kind: AssetKind;
    categoryName: Readonly<Record<Locale, string>>;
    capacity: number | null;
    poolSize: number | null;
  },
  locale: Locale,
): string {
  const m = dictionary(locale);
  const parts = [m[KIND_KEYS[asset.kind]], asset.categoryName[locale]];
  if (asset.capacity) parts.push(interpolate(m['catalogue.capacity'], { count: asset.capacity }));
  if (asset.poolSize) parts.push(interpolate(m['catalogue.poolSize'], { count: asset.poolSize }));
  return parts.join(' · ');
}

/** "시간당 20,000원 · 보증금 50,000원" / "₩20,000 per hour · deposit ₩50,000". */
export function priceSummaryText(price: PriceSummary, locale: Locale): string {
  const m = dictionary(locale);
  const parts: string[] = [];
  if (price.rate === 0) parts.push(m['catalogue.free']);
  else
    parts.push(
      interpolate(m[price.unit === 'day' ? 'catalogue.perDay' : 'catalogue.perHour'], {
        price: formatWonLenient(price.rate, locale),
      }),
    );
  if (price.deposit > 0)
    parts.push(interpolate(m['catalogue.deposit'], { price: formatWonLenient(price.deposit, locale) }));
  return parts.join(' · ');
}

const DATE_TIME: Intl.DateTimeFormatOptions = {
  month: 'short',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

function intlLocale(locale: Locale): string {
  return locale === 'ko' ? 'ko-KR' : 'en-GB';
}

/** "11월 27일 (금) 10:00" in the given zone. */
export function formatInstant(iso: string, locale: Locale, timeZone = centreTimeZone()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return dateTimeFormat(intlLocale(locale), { ...DATE_TIME, timeZone }).format(d);
}

/** "11월 27일 (금) 10:00–12:00" in the given zone; the end shows its date only when it differs. */
export function formatRange(start: string, end: string, locale: Locale, timeZone = centreTimeZone()): string {
  const s = new Date(start);
  const e = new Date(end);
  if (Number.isNaN(s.getTime()) || Number.isNaN(e.getTime())) return `${start} – ${end}`;
  const dateOf = (d: Date) => dateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(d);
  const first = dateTimeFormat(intlLocale(locale), { ...DATE_TIME, timeZone }).format(s);
  const sameDay = dateOf(s) === dateOf(new Date(e.getTime() - 1));
  const last = dateTimeFormat(intlLocale(locale), {
    ...(sameDay ? TIME : DATE_TIME),
    timeZone,
  }).format(e);
  return `${first} – ${last}`;
}
