import { GROUP_KINDS, ROLES } from '@madang/contracts';
import { isValidLocalDate, isValidTimeZone, parseWallTime } from './time';

/**
 * The schema of rental rules, checked deeply: every key, type, list element and range. Rules are
 * data that an administrator writes and that every later quote and booking reads, so a document
 * that passes here can never make the engine throw or walk without bound.
 *
 * Paths name the bad element with list indexes in brackets, e.g. `eligibility.roles[0]`,
 * `windowOverrides[0]`, `pricing.waivers[1].percent`.
 */
export interface SchemaProblem {
  path: string;
  /** `unknown_field`, `required`, `not_string`, `not_integer`, `not_number`, `not_boolean`, `not_array`, `not_object`, `not_in`, `too_small`, `too_large`, `too_many`, `too_long`, `invalid`. */
  code: SchemaProblemCode;
  /** Limits and allowed values, for the message. */
  params?: Record<string, string | number>;
}
export type SchemaProblemCode =
  | 'unknown_field'
  | 'required'
  | 'not_string'
  | 'not_integer'
  | 'not_number'
  | 'not_boolean'
  | 'not_array'
  | 'not_object'
  | 'not_in'
  | 'too_small'
  | 'too_large'
  | 'too_many'
  | 'too_long'
  | 'invalid';

/** Longest booking any rules may allow (31 days): bounds every walk over the days of a booking. */
export const MAX_DURATION_LIMIT_MINUTES = 31 * 24 * 60;
/** Furthest ahead any rules may allow booking (two years). */
export const MAX_ADVANCE_LIMIT_DAYS = 730;
/** Default cap on the pending, slot-holding requests one person may have on one asset. */
export const DEFAULT_MAX_PENDING_PER_PERSON = 3;
/** Minutes a waitlist offer stays open when the rules do not say (`waitlistOfferMinutes`). */
export const DEFAULT_WAITLIST_OFFER_MINUTES = 30;
/** Bounds of `waitlistOfferMinutes`: long enough to notice, short enough for the next in line. */
export const WAITLIST_OFFER_MINUTES_RANGE = { min: 5, max: 1440 } as const;
/** Bounds of the attendance rules (the rules editor shows them at its fields). */
export const ATTENDANCE_RANGES = {
  checkInOpensMinutesBefore: { min: 0, max: 1440 },
  noShowAfterMinutes: { min: 1, max: 1440 },
  returnGraceMinutes: { min: 0, max: 10080 },
  noShowCount: { min: 1, max: 100 },
  noShowPeriodDays: { min: 1, max: 366 },
} as const;
/** Standing group tags and purpose tags: lower-case, digits and `_`, starting with a letter. */
export const RULE_TAG_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
/** Most standing group tags one rule may name. */
export const MAX_GROUP_TAGS = 10;
const MAX_NOTICE_MINUTES = 365 * 24 * 60;
const MAX_MONEY = 100_000_000;
const TAG = RULE_TAG_PATTERN;

type Check = (value: unknown, path: string, out: SchemaProblem[]) => void;

const push = (
  out: SchemaProblem[],
  path: string,
  code: SchemaProblemCode,
  params?: SchemaProblem['params'],
) => out.push(params ? { path, code, params } : { path, code });

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const int =
  (min: number, max: number): Check =>
  (value, path, out) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      push(out, path, 'not_integer');
      return;
    }
    if (value < min) push(out, path, 'too_small', { min });
    else if (value > max) push(out, path, 'too_large', { max });
  };

const num =
  (min: number, max: number): Check =>
  (value, path, out) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      push(out, path, 'not_number');
      return;
    }
    if (value < min) push(out, path, 'too_small', { min });
    else if (value > max) push(out, path, 'too_large', { max });
  };

const bool: Check = (value, path, out) => {
  if (typeof value !== 'boolean') push(out, path, 'not_boolean');
};

const oneOf =
  (values: readonly (string | number)[]): Check =>
  (value, path, out) => {
    if (typeof value !== 'string' && typeof value !== 'number') {
      push(out, path, 'not_in', { values: values.join(', ') });
      return;
    }
    if (!values.includes(value)) push(out, path, 'not_in', { values: values.join(', ') });
  };

const text =
  (max: number, pattern?: RegExp): Check =>
  (value, path, out) => {
    if (typeof value !== 'string') {
      push(out, path, 'not_string');
      return;
    }
    if (value.length > max) push(out, path, 'too_long', { max });
    else if (pattern && !pattern.test(value)) push(out, path, 'invalid');
  };

const wallTime =
  (allowEndOfDay: boolean): Check =>
  (value, path, out) => {
    if (typeof value !== 'string') {
      push(out, path, 'not_string');
      return;
    }
    if (parseWallTime(value, allowEndOfDay) === null) push(out, path, 'invalid');
  };

const localDate: Check = (value, path, out) => {
  if (typeof value !== 'string') {
    push(out, path, 'not_string');
    return;
  }
  if (!isValidLocalDate(value)) push(out, path, 'invalid');
};

const timeZone: Check = (value, path, out) => {
  if (typeof value !== 'string') {
    push(out, path, 'not_string');
    return;
  }
  if (value.length > 64 || !isValidTimeZone(value)) push(out, path, 'invalid');
};

const list =
  (item: Check, max: number, options: { unique?: boolean; nonEmpty?: boolean } = {}): Check =>
  (value, path, out) => {
    if (!Array.isArray(value)) {
      push(out, path, 'not_array');
      return;
    }
    if (value.length > max) {
      push(out, path, 'too_many', { max });
      return;
    }
    if (options.nonEmpty && value.length === 0) {
      push(out, path, 'too_small', { min: 1 });
      return;
    }
    value.forEach((v, i) => item(v, `${path}[${i}]`, out));
    if (options.unique && new Set(value).size !== value.length) push(out, path, 'invalid');
  };

interface Field {
  check: Check;
  required?: boolean;
}

/** An object with exactly these keys (unknown keys refused); `partial` makes every key optional. */
const object =
  (
    fields: Record<string, Field>,
    partial = false,
    rule?: (v: Record<string, unknown>, path: string, out: SchemaProblem[]) => void,
  ): Check =>
  (value, path, out) => {
    if (!isObject(value)) {
      push(out, path, 'not_object');
      return;
    }
    const before = out.length;
    for (const key of Object.keys(value)) {
      if (!Object.prototype.hasOwnProperty.call(fields, key)) push(out, join(path, key), 'unknown_field');
    }
    for (const [key, field] of Object.entries(fields)) {
      const v = value[key];
      if (v === undefined) {
        if (field.required && !partial) push(out, join(path, key), 'required');
        continue;
      }
      field.check(v, join(path, key), out);
    }
    if (rule && out.length === before) rule(value, path, out);
  };

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
const req = (check: Check): Field => ({ check, required: true });
const opt = (check: Check): Field => ({ check });

const roles = list(oneOf(ROLES), ROLES.length, { unique: true });
const groupKinds = list(oneOf(GROUP_KINDS), GROUP_KINDS.length, { unique: true });
/** Standing tags of time-bound group privileges (e.g. `resident_base`). */
const groupTags = list(text(40, TAG), MAX_GROUP_TAGS, { unique: true });
const weekday = int(1, 7);
const localized = (max: number) => object({ ko: req(text(max)), en: req(text(max)) });

const openingHour = object(
  { weekday: req(weekday), open: req(wallTime(false)), close: req(wallTime(true)) },
  false,
  (v, path, out) => {
    if ((parseWallTime(v['close'] as string, true) ?? 0) <= (parseWallTime(v['open'] as string) ?? 0))
      push(out, join(path, 'close'), 'invalid');
  },
);

const closure = object(
  { from: req(localDate), to: req(localDate), reason: req(localized(200)) },
  false,
  (v, path, out) => {
    if ((v['to'] as string) < (v['from'] as string)) push(out, join(path, 'to'), 'invalid');
  },
);

const windowOverride = object(
  {
    roles: opt(roles),
    groupKinds: opt(groupKinds),
    groupTags: opt(groupTags),
    minNoticeMinutes: opt(int(0, MAX_NOTICE_MINUTES)),
    maxAdvanceDays: opt(int(0, MAX_ADVANCE_LIMIT_DAYS)),
  },
  false,
  (v, path, out) => {
    // An override naming neither roles nor group kinds matches nobody: a mistake, not a rule.
    if (
      !(v['roles'] as unknown[] | undefined)?.length &&
      !(v['groupKinds'] as unknown[] | undefined)?.length &&
      !(v['groupTags'] as unknown[] | undefined)?.length
    )
      push(out, path, 'required', { one_of: 'roles, groupKinds, groupTags' });
  },
);

const quota = object(
  {
    scope: req(oneOf(['person', 'group'])),
    period: req(oneOf(['week', 'month'])),
    maxBookings: opt(int(0, 1000)),
    maxHours: opt(num(0, 31 * 24)),
  },
  false,
  (v, path, out) => {
    if (v['maxBookings'] === undefined && v['maxHours'] === undefined)
      push(out, path, 'required', { one_of: 'maxBookings, maxHours' });
  },
);

const peakWindow = object(
  {
    weekdays: req(list(weekday, 7, { unique: true, nonEmpty: true })),
    from: req(wallTime(false)),
    to: req(wallTime(true)),
    rate: req(int(0, MAX_MONEY)),
  },
  false,
  (v, path, out) => {
    if ((parseWallTime(v['to'] as string, true) ?? 0) <= (parseWallTime(v['from'] as string) ?? 0))
      push(out, join(path, 'to'), 'invalid');
  },
);

const waiver = object(
  {
    groupKinds: opt(groupKinds),
    groupTags: opt(groupTags),
    purposes: opt(list(text(40, TAG), 20, { unique: true })),
    percent: req(int(1, 100)),
    label: req(localized(200)),
  },
  false,
  (v, path, out) => {
    if (
      !(v['groupKinds'] as unknown[] | undefined)?.length &&
      !(v['groupTags'] as unknown[] | undefined)?.length &&
      !(v['purposes'] as unknown[] | undefined)?.length
    )
      push(out, path, 'required', { one_of: 'groupKinds, groupTags, purposes' });
  },
);

function rulesSchema(partial: boolean): Check {
  return object(
    {
      timeZone: req(timeZone),
      openingHours: req(list(openingHour, 50)),
      closures: req(list(closure, 500)),
      slotStepMinutes: req(int(1, 1440)),
      minDurationMinutes: req(int(0, MAX_DURATION_LIMIT_MINUTES)),
      maxDurationMinutes: req(int(1, MAX_DURATION_LIMIT_MINUTES)),
      minNoticeMinutes: req(int(0, MAX_NOTICE_MINUTES)),
      maxAdvanceDays: req(int(0, MAX_ADVANCE_LIMIT_DAYS)),
      windowOverrides: req(list(windowOverride, 20)),
      bufferBeforeMinutes: req(int(0, 1440)),
      bufferAfterMinutes: req(int(0, 1440)),
      quotas: req(list(quota, 10)),
      eligibility: req(
        object({ roles: opt(roles), groupKinds: opt(groupKinds), groupTags: opt(groupTags) }, partial),
      ),
      approval: req(
        object(
          {
            required: req(bool),
            autoApproveRoles: opt(roles),
            autoApproveGroupKinds: opt(groupKinds),
          },
          partial,
        ),
      ),
      pricing: req(
        object(
          {
            unit: req(oneOf(['hour', 'day'])),
            rate: req(int(0, MAX_MONEY)),
            peak: opt(list(peakWindow, 20)),
            deposit: req(int(0, MAX_MONEY)),
            waivers: req(list(waiver, 20)),
          },
          partial,
        ),
      ),
      cancellation: req(
        object({ freeUntilHoursBefore: req(num(0, 24 * 365)), feePercent: req(int(0, 100)) }, partial),
      ),
      maxPendingPerPerson: opt(int(1, 100)),
      checkInOpensMinutesBefore: opt(
        int(ATTENDANCE_RANGES.checkInOpensMinutesBefore.min, ATTENDANCE_RANGES.checkInOpensMinutesBefore.max),
      ),
      noShowAfterMinutes: opt(
        int(ATTENDANCE_RANGES.noShowAfterMinutes.min, ATTENDANCE_RANGES.noShowAfterMinutes.max),
      ),
      // The whole limit or none: a count without its period means nothing.
      noShowLimit: opt(
        object(
          {
            count: req(int(ATTENDANCE_RANGES.noShowCount.min, ATTENDANCE_RANGES.noShowCount.max)),
            periodDays: req(
              int(ATTENDANCE_RANGES.noShowPeriodDays.min, ATTENDANCE_RANGES.noShowPeriodDays.max),
            ),
            consequence: req(oneOf(['require_approval', 'suspend'])),
          },
          false,
        ),
      ),
      returnGraceMinutes: opt(
        int(ATTENDANCE_RANGES.returnGraceMinutes.min, ATTENDANCE_RANGES.returnGraceMinutes.max),
      ),
      waitlistOfferMinutes: opt(int(WAITLIST_OFFER_MINUTES_RANGE.min, WAITLIST_OFFER_MINUTES_RANGE.max)),
    },
    partial,
  );
}

const FULL = rulesSchema(false);
const OVERRIDE = rulesSchema(true);

/** Problems of a complete rules document (effective rules, as stored per asset version). */
export function checkRulesDocument(doc: unknown): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  FULL(doc, '', out);
  return out;
}

/**
 * Problems of an override document (what a category or an asset sets over the defaults): every key
 * optional, nested objects merged per key, but every value that is there must be right.
 */
export function checkRulesOverride(doc: unknown): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  OVERRIDE(doc, '', out);
  return out;
}

/** The keys a rules document may have. */
export const RULES_KEYS: readonly string[] = [
  'timeZone',
  'openingHours',
  'closures',
  'slotStepMinutes',
  'minDurationMinutes',
  'maxDurationMinutes',
  'minNoticeMinutes',
  'maxAdvanceDays',
  'windowOverrides',
  'bufferBeforeMinutes',
  'bufferAfterMinutes',
  'quotas',
  'eligibility',
  'approval',
  'pricing',
  'cancellation',
  'maxPendingPerPerson',
  'checkInOpensMinutesBefore',
  'noShowAfterMinutes',
  'noShowLimit',
  'returnGraceMinutes',
  'waitlistOfferMinutes',
];
