import type {
  GroupKind,
  IsoWeekday,
  NoShowConsequence,
  QuotaPeriod,
  QuotaScope,
  RentalRulesOverride,
  Role,
} from '@madang/contracts';

/** One closure row: a date range with its reason in both languages. */
export interface ClosureRow {
  from: string;
  to: string;
  reasonKo: string;
  reasonEn: string;
}
/** One quota row; '' limits are left out. */
export interface QuotaRow {
  scope: QuotaScope;
  period: QuotaPeriod;
  maxBookings: string;
  maxHours: string;
}
/** One booking-window privilege for some roles or group kinds. */
export interface WindowOverrideRow {
  roles: Role[];
  groupKinds: GroupKind[];
  /** Standing group tags (time-bound privileges, e.g. `resident_base`), comma-separated. */
  groupTags: string;
  minNoticeMinutes: string;
  maxAdvanceDays: string;
}
/** One peak-rate window. */
export interface PeakRow {
  weekdays: IsoWeekday[];
  from: string;
  to: string;
  rate: string;
}
/** One waiver: who qualifies (group kinds and/or purpose tags, comma-separated), how much, its label. */
export interface WaiverRow {
  groupKinds: GroupKind[];
  /** Standing group tags (e.g. `resident_base`), comma-separated. */
  groupTags: string;
  purposes: string;
  percent: string;
  labelKo: string;
  labelEn: string;
}

/** `inherit`: not set here; `anyone`: set to nobody-restricted; `only`: the listed roles/kinds. */
export type EligibilityMode = 'inherit' | 'anyone' | 'only';

/** The flat values of the rules editor's form; '' means "inherit". */
export interface RulesFormValue {
  timeZone: string;
  setHours: boolean;
  hours: { closed: boolean; open: string; close: string }[];
  slotStepMinutes: string;
  minDurationMinutes: string;
  maxDurationMinutes: string;
  minNoticeMinutes: string;
  maxAdvanceDays: string;
  bufferBeforeMinutes: string;
  bufferAfterMinutes: string;
  maxPendingPerPerson: string;
  closures: ClosureRow[];
  quotas: QuotaRow[];
  windowOverrides: WindowOverrideRow[];
  eligibilityMode: EligibilityMode;
  eligibilityRoles: Role[];
  eligibilityGroupKinds: GroupKind[];
  /** Standing group tags that may book, comma-separated. */
  eligibilityGroupTags: string;
  approvalRequired: '' | 'yes' | 'no';
  autoApproveRoles: Role[];
  autoApproveGroupKinds: GroupKind[];
  unit: '' | 'hour' | 'day';
  rate: string;
  deposit: string;
  peak: PeakRow[];
  waivers: WaiverRow[];
  freeUntilHoursBefore: string;
  feePercent: string;
  checkInOpensMinutesBefore: string;
  noShowAfterMinutes: string;
  returnGraceMinutes: string;
  waitlistOfferMinutes: string;
  /** The no-show limit: all three set, or none (count '' = no limit here). */
  noShowLimit: { count: string; periodDays: string; consequence: NoShowConsequence };
}

/** The timing rules: whole numbers in the "timing" group of the editor. */
export const TIMING_FIELDS = [
  'slotStepMinutes',
  'minDurationMinutes',
  'maxDurationMinutes',
  'minNoticeMinutes',
  'maxAdvanceDays',
  'bufferBeforeMinutes',
  'bufferAfterMinutes',
  'maxPendingPerPerson',
] as const;

/** Attendance and waitlist rules: whole numbers in their own group of the editor. */
export const ATTENDANCE_FIELDS = [
  'checkInOpensMinutesBefore',
  'noShowAfterMinutes',
  'returnGraceMinutes',
  'waitlistOfferMinutes',
] as const;

export const NUMBER_FIELDS = [...TIMING_FIELDS, ...ATTENDANCE_FIELDS] as const;

/** The list rules the editor edits row by row. */
export const LIST_FIELDS = ['closures', 'quotas', 'windowOverrides', 'peak', 'waivers'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

export const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

const str = (n: number | undefined): string => (n === undefined || n === null ? '' : String(n));

export const emptyClosure = (): ClosureRow => ({ from: '', to: '', reasonKo: '', reasonEn: '' });
export const emptyQuota = (): QuotaRow => ({
  scope: 'person',
  period: 'week',
  maxBookings: '',
  maxHours: '',
});
export const emptyWindowOverride = (): WindowOverrideRow => ({
  roles: [],
  groupKinds: [],
  groupTags: '',
  minNoticeMinutes: '',
  maxAdvanceDays: '',
});
export const emptyPeak = (): PeakRow => ({ weekdays: [], from: '18:00', to: '22:00', rate: '' });
export const emptyWaiver = (): WaiverRow => ({
  groupKinds: [],
  groupTags: '',
  purposes: '',
  percent: '',
  labelKo: '',
  labelEn: '',
});

/** Reads an override into the form (the first opening span of each weekday). */
export function overrideToForm(override: RentalRulesOverride): RulesFormValue {
  const hours = WEEKDAYS.map((weekday) => {
    const span = override.openingHours?.find((h) => h.weekday === weekday);
    return span
      ? { closed: false, open: span.open, close: span.close }
      : { closed: true, open: '09:00', close: '18:00' };
  });
  const eligibility = override.eligibility;
  return {
    timeZone: override.timeZone ?? '',
    setHours: Array.isArray(override.openingHours),
    hours,
    slotStepMinutes: str(override.slotStepMinutes),
    minDurationMinutes: str(override.minDurationMinutes),
    maxDurationMinutes: str(override.maxDurationMinutes),
    minNoticeMinutes: str(override.minNoticeMinutes),
    maxAdvanceDays: str(override.maxAdvanceDays),
    bufferBeforeMinutes: str(override.bufferBeforeMinutes),
    bufferAfterMinutes: str(override.bufferAfterMinutes),
    maxPendingPerPerson: str(override.maxPendingPerPerson),
    closures: (override.closures ?? []).map((c) => ({
      from: c.from,
      to: c.to,
      reasonKo: c.reason.ko,
      reasonEn: c.reason.en,
    })),
    quotas: (override.quotas ?? []).map((q) => ({
      scope: q.scope,
      period: q.period,
      maxBookings: str(q.maxBookings),
      maxHours: str(q.maxHours),
    })),
    windowOverrides: (override.windowOverrides ?? []).map((o) => ({
      roles: [...(o.roles ?? [])],
      groupKinds: [...(o.groupKinds ?? [])],
      groupTags: (o.groupTags ?? []).join(', '),
      minNoticeMinutes: str(o.minNoticeMinutes),
      maxAdvanceDays: str(o.maxAdvanceDays),
    })),
    eligibilityMode: !eligibility
      ? 'inherit'
      : eligibility.roles?.length || eligibility.groupKinds?.length || eligibility.groupTags?.length
        ? 'only'
        : 'anyone',
    eligibilityRoles: [...(eligibility?.roles ?? [])],
    eligibilityGroupKinds: [...(eligibility?.groupKinds ?? [])],
    eligibilityGroupTags: (eligibility?.groupTags ?? []).join(', '),
    approvalRequired:
      override.approval?.required === undefined ? '' : override.approval.required ? 'yes' : 'no',
    autoApproveRoles: [...(override.approval?.autoApproveRoles ?? [])],
    autoApproveGroupKinds: [...(override.approval?.autoApproveGroupKinds ?? [])],
    unit: override.pricing?.unit ?? '',
    rate: str(override.pricing?.rate),
    deposit: str(override.pricing?.deposit),
    peak: (override.pricing?.peak ?? []).map((p) => ({
      weekdays: [...p.weekdays],
      from: p.from,
      to: p.to,
      rate: str(p.rate),
    })),
    waivers: (override.pricing?.waivers ?? []).map((w) => ({
      groupKinds: [...(w.groupKinds ?? [])],
      groupTags: (w.groupTags ?? []).join(', '),
      purposes: (w.purposes ?? []).join(', '),
      percent: str(w.percent),
      labelKo: w.label.ko,
      labelEn: w.label.en,
    })),
    freeUntilHoursBefore: str(override.cancellation?.freeUntilHoursBefore),
    feePercent: str(override.cancellation?.feePercent),
    checkInOpensMinutesBefore: str(override.checkInOpensMinutesBefore),
    noShowAfterMinutes: str(override.noShowAfterMinutes),
    returnGraceMinutes: str(override.returnGraceMinutes),
    waitlistOfferMinutes: str(override.waitlistOfferMinutes),
    noShowLimit: {
      count: str(override.noShowLimit?.count),
      periodDays: str(override.noShowLimit?.periodDays),
      consequence: override.noShowLimit?.consequence ?? 'require_approval',
    },
  };
}

function setOrDelete<T extends object>(target: T, key: keyof T, value: unknown): void {
  if (value === undefined) delete target[key];
  else (target as Record<keyof T, unknown>)[key] = value;
}

/**
 * A number typed into a field; '' is "not set". Anything else goes to the server as typed (a
 * number when it parses, the text otherwise), so the schema check names the field.
 */
const num = (value: string): number | undefined => {
  const t = value.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : (t as unknown as number);
};
const nonEmpty = <T>(list: T[]): T[] | undefined => (list.length ? [...list] : undefined);
const tags = (text: string): string[] =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

/**
 * A list row set: written when it has rows; with no rows, `[]` when the override had the list
 * (the level above is overridden with "none"), otherwise left to inherit.
 */
function listOf<T>(rows: T[], hadKey: boolean): T[] | undefined {
  if (rows.length) return rows;
  return hadKey ? [] : undefined;
}

/**
 * Writes the form over `base` (the override as it was). Every rule of the schema has a control, so
 * nothing is kept from `base` except the opening spans beyond the first of each open weekday and
 * whether an emptied list overrides the level above.
 */
export function formToOverride(value: RulesFormValue, base: RentalRulesOverride): RentalRulesOverride {
  const result: RentalRulesOverride = JSON.parse(JSON.stringify(base)) as RentalRulesOverride;
  setOrDelete(result, 'timeZone', value.timeZone.trim() || undefined);
  if (value.setHours) {
    const kept = (base.openingHours ?? []).filter(
      (h, i, all) => all.findIndex((o) => o.weekday === h.weekday) !== i,
    );
    const first = WEEKDAYS.flatMap((weekday, i) => {
      const row = value.hours[i];
      return row && !row.closed ? [{ weekday, open: row.open, close: row.close }] : [];
    });
    const keptOpen = kept.filter((h) => first.some((f) => f.weekday === h.weekday));
    result.openingHours = [...first, ...keptOpen].sort(
      (a, b) => a.weekday - b.weekday || a.open.localeCompare(b.open),
    );
  } else {
    delete result.openingHours;
  }
  for (const field of NUMBER_FIELDS) setOrDelete(result, field, num(value[field]));

  setOrDelete(
    result,
    'closures',
    listOf(
      value.closures.map((c) => ({
        from: c.from,
        to: c.to,
        reason: { ko: c.reasonKo.trim(), en: c.reasonEn.trim() },
      })),
      'closures' in base,
    ),
  );
  setOrDelete(
    result,
    'quotas',
    listOf(
      value.quotas.map((q) => {
        const quota: NonNullable<RentalRulesOverride['quotas']>[number] = {
          scope: q.scope,
          period: q.period,
        };
        setOrDelete(quota, 'maxBookings', num(q.maxBookings));
        setOrDelete(quota, 'maxHours', num(q.maxHours));
        return quota;
      }),
      'quotas' in base,
    ),
  );
  setOrDelete(
    result,
    'windowOverrides',
    listOf(
      value.windowOverrides.map((o) => {
        const row: NonNullable<RentalRulesOverride['windowOverrides']>[number] = {};
        setOrDelete(row, 'roles', nonEmpty(o.roles));
        setOrDelete(row, 'groupKinds', nonEmpty(o.groupKinds));
        setOrDelete(row, 'groupTags', nonEmpty(tags(o.groupTags)));
        setOrDelete(row, 'minNoticeMinutes', num(o.minNoticeMinutes));
        setOrDelete(row, 'maxAdvanceDays', num(o.maxAdvanceDays));
        return row;
      }),
      'windowOverrides' in base,
    ),
  );

  if (value.eligibilityMode === 'inherit') delete result.eligibility;
  else if (value.eligibilityMode === 'anyone') result.eligibility = {};
  else {
    const eligibility: NonNullable<RentalRulesOverride['eligibility']> = {};
    setOrDelete(eligibility, 'roles', nonEmpty(value.eligibilityRoles));
    setOrDelete(eligibility, 'groupKinds', nonEmpty(value.eligibilityGroupKinds));
    setOrDelete(eligibility, 'groupTags', nonEmpty(tags(value.eligibilityGroupTags)));
    result.eligibility = eligibility;
  }

  const approval = { ...(result.approval ?? {}) };
  setOrDelete(
    approval,
    'required',
    value.approvalRequired === '' ? undefined : value.approvalRequired === 'yes',
  );
  setOrDelete(approval, 'autoApproveRoles', nonEmpty(value.autoApproveRoles));
  setOrDelete(approval, 'autoApproveGroupKinds', nonEmpty(value.autoApproveGroupKinds));
  setOrDelete(result, 'approval', Object.keys(approval).length ? approval : undefined);

  const pricing = { ...(result.pricing ?? {}) };
  setOrDelete(pricing, 'unit', value.unit || undefined);
  setOrDelete(pricing, 'rate', num(value.rate));
  setOrDelete(pricing, 'deposit', num(value.deposit));
  setOrDelete(
    pricing,
    'peak',
    listOf(
      value.peak.map((p) => ({
        weekdays: [...p.weekdays].sort((a, b) => a - b),
        from: p.from,
        to: p.to,
        rate: num(p.rate) as number,
      })),
      'peak' in (base.pricing ?? {}),
    ),
  );
  setOrDelete(
    pricing,
    'waivers',
    listOf(
      value.waivers.map((w) => {
        const waiver: NonNullable<NonNullable<RentalRulesOverride['pricing']>['waivers']>[number] = {
          percent: num(w.percent) as number,
          label: { ko: w.labelKo.trim(), en: w.labelEn.trim() },
        };
        setOrDelete(waiver, 'groupKinds', nonEmpty(w.groupKinds));
        setOrDelete(waiver, 'groupTags', nonEmpty(tags(w.groupTags)));
        setOrDelete(waiver, 'purposes', nonEmpty(tags(w.purposes)));
        return waiver;
      }),
      'waivers' in (base.pricing ?? {}),
    ),
  );
  setOrDelete(result, 'pricing', Object.keys(pricing).length ? pricing : undefined);

  const cancellation = { ...(result.cancellation ?? {}) };
  setOrDelete(cancellation, 'freeUntilHoursBefore', num(value.freeUntilHoursBefore));
  setOrDelete(cancellation, 'feePercent', num(value.feePercent));
  setOrDelete(result, 'cancellation', Object.keys(cancellation).length ? cancellation : undefined);

  // The no-show limit is whole or absent (the schema refuses a part): an empty count and period
  // leave it out; anything typed goes to the server, so the schema check names the missing part.
  const limit = value.noShowLimit;
  if (limit.count.trim() === '' && limit.periodDays.trim() === '') delete result.noShowLimit;
  else
    result.noShowLimit = {
      count: num(limit.count) as number,
      periodDays: num(limit.periodDays) as number,
      consequence: limit.consequence,
    };
  return result;
}
