import type { Role, IsoWeekday, RentalRulesOverride } from '@madang/contracts';

/** The flat values of the rules editor's form; '' means "inherit". */
export interface RulesFormValue {
  setHours: boolean;
  hours: { closed: boolean; open: string; close: string }[];
  slotStepMinutes: string;
  minDurationMinutes: string;
  maxDurationMinutes: string;
  minNoticeMinutes: string;
  maxAdvanceDays: string;
  bufferBeforeMinutes: string;
  bufferAfterMinutes: string;
  approvalRequired: '' | 'yes' | 'no';
  autoApproveRoles: Role[];
  unit: '' | 'hour' | 'day';
  rate: string;
  deposit: string;
  freeUntilHoursBefore: string;
  feePercent: string;
}

export const NUMBER_FIELDS = [
  'slotStepMinutes',
  'minDurationMinutes',
  'maxDurationMinutes',
  'minNoticeMinutes',
  'maxAdvanceDays',
  'bufferBeforeMinutes',
  'bufferAfterMinutes',
] as const;

export const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

const str = (n: number | undefined): string => (n === undefined || n === null ? '' : String(n));

/** Reads an override into the form (the first opening span of each weekday). */
export function overrideToForm(override: RentalRulesOverride): RulesFormValue {
  const hours = WEEKDAYS.map((weekday) => {
    const span = override.openingHours?.find((h) => h.weekday === weekday);
    return span
      ? { closed: false, open: span.open, close: span.close }
      : { closed: true, open: '09:00', close: '18:00' };
  });
  return {
    setHours: Array.isArray(override.openingHours),
    hours,
    slotStepMinutes: str(override.slotStepMinutes),
    minDurationMinutes: str(override.minDurationMinutes),
    maxDurationMinutes: str(override.maxDurationMinutes),
    minNoticeMinutes: str(override.minNoticeMinutes),
    maxAdvanceDays: str(override.maxAdvanceDays),
    bufferBeforeMinutes: str(override.bufferBeforeMinutes),
    bufferAfterMinutes: str(override.bufferAfterMinutes),
    approvalRequired:
      override.approval?.required === undefined ? '' : override.approval.required ? 'yes' : 'no',
    autoApproveRoles: [...(override.approval?.autoApproveRoles ?? [])],
    unit: override.pricing?.unit ?? '',
    rate: str(override.pricing?.rate),
    deposit: str(override.pricing?.deposit),
    freeUntilHoursBefore: str(override.cancellation?.freeUntilHoursBefore),
    feePercent: str(override.cancellation?.feePercent),
  };
}

function setOrDelete<T extends object>(target: T, key: keyof T, value: unknown): void {
  if (value === undefined) delete target[key];
  else (target as Record<keyof T, unknown>)[key] = value;
}

const num = (value: string): number | undefined => (value.trim() === '' ? undefined : Number(value));

/**
 * Writes the form over `base` (the override as it was, or as typed in the JSON box), keeping every
 * field the form does not show (closures, quotas, waivers, peak prices, eligibility …).
 */
export function formToOverride(value: RulesFormValue, base: RentalRulesOverride): RentalRulesOverride {
  const result: RentalRulesOverride = JSON.parse(JSON.stringify(base)) as RentalRulesOverride;
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

  const approval = { ...(result.approval ?? {}) };
  setOrDelete(
    approval,
    'required',
    value.approvalRequired === '' ? undefined : value.approvalRequired === 'yes',
  );
  setOrDelete(
    approval,
    'autoApproveRoles',
    value.autoApproveRoles.length ? [...value.autoApproveRoles] : undefined,
  );
  setOrDelete(result, 'approval', Object.keys(approval).length ? approval : undefined);

  const pricing = { ...(result.pricing ?? {}) };
  setOrDelete(pricing, 'unit', value.unit || undefined);
  setOrDelete(pricing, 'rate', num(value.rate));
  setOrDelete(pricing, 'deposit', num(value.deposit));
  setOrDelete(result, 'pricing', Object.keys(pricing).length ? pricing : undefined);

  const cancellation = { ...(result.cancellation ?? {}) };
  setOrDelete(cancellation, 'freeUntilHoursBefore', num(value.freeUntilHoursBefore));
  setOrDelete(cancellation, 'feePercent', num(value.feePercent));
  setOrDelete(result, 'cancellation', Object.keys(cancellation).length ? cancellation : undefined);
  return result;
}
