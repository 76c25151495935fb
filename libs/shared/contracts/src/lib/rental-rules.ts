import type { LocalizedText } from './locale';
import type { GroupKind, Role } from './roles';

/**
 * Rental rules, booking items and quotes as they travel over HTTP. The rules engine
 * (`@madang/booking-rules`) computes with exactly these shapes.
 */

export type AssetKind = 'space' | 'equipment_item' | 'equipment_pool';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Local wall-clock time `HH:mm`, 00:00–23:59; `24:00` is allowed as a closing/ending time. */
export type WallTime = string;

/** Local calendar date `YYYY-MM-DD`. */
export type LocalDate = string;

export interface OpeningHours {
  weekday: IsoWeekday;
  open: WallTime;
  close: WallTime;
}

export interface Closure {
  /** First closed local date, inclusive. */
  from: LocalDate;
  /** Last closed local date, inclusive. */
  to: LocalDate;
  reason: LocalizedText;
}

/**
 * A privilege (or restriction) of the booking window for some people. An override matches when the
 * actor holds one of `roles` or the request is for a group of one of `groupKinds`; an override
 * naming neither matches nobody. For each field, the most generous value among the matching
 * overrides that set it replaces the base value.
 */
export interface WindowOverride {
  roles?: Role[];
  groupKinds?: GroupKind[];
  minNoticeMinutes?: number;
  maxAdvanceDays?: number;
}

export type QuotaScope = 'person' | 'group';
export type QuotaPeriod = 'week' | 'month';

export interface Quota {
  /** person: bookings made by the actor; group: bookings for the request's group. */
  scope: QuotaScope;
  /** week: ISO week starting Monday 00:00 local; month: calendar month local. */
  period: QuotaPeriod;
  maxBookings?: number;
  maxHours?: number;
}

export interface Eligibility {
  roles?: Role[];
  groupKinds?: GroupKind[];
}

export interface ApprovalRule {
  required: boolean;
  autoApproveRoles?: Role[];
  autoApproveGroupKinds?: GroupKind[];
}

export interface PeakWindow {
  weekdays: IsoWeekday[];
  from: WallTime;
  to: WallTime;
  /** KRW per hour inside the window (replaces the base rate for those minutes). */
  rate: number;
}

export interface Waiver {
  groupKinds?: GroupKind[];
  /** Purpose tags (request.purposeTag) that qualify, e.g. 'public_interest'. */
  purposes?: string[];
  /** 1..100; 100 also waives the deposit. */
  percent: number;
  label: LocalizedText;
}

export interface Pricing {
  unit: 'hour' | 'day';
  /** KRW integer per unit. */
  rate: number;
  /** Hourly pricing only. */
  peak?: PeakWindow[];
  /** KRW integer per booking (per item for pools). */
  deposit: number;
  waivers: Waiver[];
}

export interface CancellationPolicy {
  /** Cancelling at least this many (elapsed) hours before the start is free. */
  freeUntilHoursBefore: number;
  /** Fee charged after the free deadline, as a percentage of the fee total. */
  feePercent: number;
}

/** The effective rules of one asset (category rules merged with the asset's own overrides). */
export interface RentalRules {
  /** IANA time zone; every wall-clock rule is read in it. */
  timeZone: string;
  /** Several entries per weekday allowed; none at all means always closed. */
  openingHours: OpeningHours[];
  closures: Closure[];
  /** Start and end must fall on a multiple of this many wall-clock minutes after local midnight. */
  slotStepMinutes: number;
  minDurationMinutes: number;
  maxDurationMinutes: number;
  minNoticeMinutes: number;
  /** The start's local date may be at most this many days after today's local date. */
  maxAdvanceDays: number;
  windowOverrides: WindowOverride[];
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  quotas: Quota[];
  /** Empty = any signed-in person; when both are given, either suffices. */
  eligibility: Eligibility;
  approval: ApprovalRule;
  pricing: Pricing;
  cancellation: CancellationPolicy;
  /**
   * Fair holding: how many pending (slot-holding, awaiting approval) requests one person may have
   * on this asset at once. Absent: DEFAULT_MAX_PENDING_PER_PERSON.
   */
  maxPendingPerPerson?: number;
  /** Check-in opens this many minutes before the start (absent: 15). */
  checkInOpensMinutesBefore?: number;
  /**
   * Not checked in this many minutes after the start: a no-show, and the slot is released for others.
   * Absent: attendance is not tracked for the asset (check-in stays optional).
   */
  noShowAfterMinutes?: number;
  /** After `count` no-shows within `periodDays`, the person's requests need approval or are refused. */
  noShowLimit?: NoShowLimit;
  /** Equipment is overdue this many minutes after the booking's end (absent: 30). */
  returnGraceMinutes?: number;
}

export type NoShowConsequence = 'require_approval' | 'suspend';

export interface NoShowLimit {
  count: number;
  periodDays: number;
  consequence: NoShowConsequence;
}

type OverrideOf<T> = T extends readonly unknown[] ? T : T extends object ? Partial<T> : T;

/** What a category or an asset overrides: arrays replace, nested objects merge per key. */
export type RentalRulesOverride = { [K in keyof RentalRules]?: OverrideOf<RentalRules[K]> };

export interface BookingItem {
  assetId: string;
  quantity: number;
}

export type QuoteLineKind = 'rate' | 'peak' | 'waiver' | 'deposit';
export type QuoteLineUnit = 'hour' | 'day' | 'percent' | 'item';

export interface QuoteLine {
  assetId: string;
  kind: QuoteLineKind;
  /** Shows how the amount was computed, e.g. "회의실 A: 2시간 × 20,000원". */
  label: LocalizedText;
  /** Hours (may be fractional, e.g. 1.5), days, percent or items — see `unit`. */
  quantity: number;
  unit: QuoteLineUnit;
  /** KRW per unit; for a waiver line, the amount the percentage is taken of. */
  unitPrice: number;
  /** Pool items the line is multiplied by (1 otherwise). */
  multiplier: number;
  /** Integer KRW; negative for waivers. The amounts of all lines sum to `total`. */
  amount: number;
}

export interface Quote {
  currency: 'KRW';
  lines: QuoteLine[];
  /** Rental fees before waivers (rate + peak lines). */
  subtotal: number;
  /** Fees waived (positive). Recorded as in-kind support. */
  waived: number;
  /** Refundable deposits, after a 100% waiver. */
  deposit: number;
  /** subtotal − waived + deposit. */
  total: number;
}
