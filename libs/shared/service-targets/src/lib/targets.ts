import type { LocalizedText } from '@madang/contracts';
import { dayMinutesOf, toIso, toMillis, type InstantInput, type WorkingCalendar } from './calendar';
import { addWorkingMinutes, endOfWorkingDay, workingMillisBetween } from './working-time';

/**
 * A response promise.
 * - `working-hours`: that many hours of working time (e.g. an acknowledgement within 3 working hours).
 * - `working-days`, `counting: 'as-hours'` (default): days × the calendar's working-day minutes of
 *   working time from receipt — the rule of Korea's Civil Petitions Act for periods of 5 days or
 *   less (1 day = 8 working hours there; set `dayMinutes: 480`), and today's approval target.
 * - `working-days`, `counting: 'end-of-day'`: the close of the n-th working day after the day of
 *   receipt (or counting the receipt day, `includeReceiptDay`, as that Act does for longer periods).
 */
export type ServiceTarget =
  | { kind: 'working-hours'; hours: number }
  | { kind: 'working-days'; days: number; counting?: 'as-hours' | 'end-of-day'; includeReceiptDay?: boolean };

/** Whether a target is well-formed: a positive number of hours, or a positive whole number of days. */
export function isValidTarget(target: ServiceTarget): boolean {
  if (target?.kind === 'working-hours') return Number.isFinite(target.hours) && target.hours > 0;
  if (target?.kind === 'working-days') {
    return (
      Number.isInteger(target.days) &&
      target.days > 0 &&
      (target.counting === undefined || target.counting === 'as-hours' || target.counting === 'end-of-day')
    );
  }
  return false;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffixes: Record<number, string> = { 1: 'st', 2: 'nd', 3: 'rd' };
  return `${n}${tens >= 11 && tens <= 13 ? 'th' : (suffixes[n % 10] ?? 'th')}`;
}

/** The promise in a sentence, for pages and notifications: "3근무시간 이내" / "within 3 working hours". */
export function describeTarget(target: ServiceTarget): LocalizedText {
  if (target.kind === 'working-hours') {
    return {
      ko: `${target.hours}근무시간 이내`,
      en: `within ${target.hours} working hour${target.hours === 1 ? '' : 's'}`,
    };
  }
  const days = target.days;
  if (target.counting === 'end-of-day') {
    return target.includeReceiptDay
      ? {
          ko: `접수일 포함 ${days}근무일째 업무 종료 시까지`,
          en: `by the close of the ${ordinal(days)} working day, counting the day received`,
        }
      : {
          ko: `접수 다음 날부터 ${days}근무일째 업무 종료 시까지`,
          en: `by the close of the ${ordinal(days)} working day after the day received`,
        };
  }
  return { ko: `${days}근무일 이내`, en: `within ${days} working day${days === 1 ? '' : 's'}` };
}

/** The instant by which a request received at `receivedAt` must be answered (ISO, UTC). */
export function deadlineFor(
  receivedAt: InstantInput,
  target: ServiceTarget,
  calendar: WorkingCalendar,
): string {
  if (!isValidTarget(target)) throw new RangeError(`Not a service target: ${JSON.stringify(target)}`);
  if (target.kind === 'working-hours') return addWorkingMinutes(receivedAt, target.hours * 60, calendar);
  if (target.counting === 'end-of-day') {
    return endOfWorkingDay(receivedAt, target.days, calendar, target.includeReceiptDay ?? false);
  }
  return addWorkingMinutes(receivedAt, target.days * dayMinutesOf(calendar), calendar);
}

/**
 * `on-time` / `due-soon` / `late` while unanswered; `met` / `missed` once answered.
 */
export type TargetState = 'on-time' | 'due-soon' | 'late' | 'met' | 'missed';

export interface TargetStatus {
  state: TargetState;
  deadline: string;
  /** Working minutes the target allows from receipt to deadline. */
  allowedWorkingMinutes: number;
  /** Working minutes from receipt to the answer, or to `now` while unanswered. */
  elapsedWorkingMinutes: number;
  /** Working minutes left before the deadline (0 once past or answered). */
  remainingWorkingMinutes: number;
  /** Working minutes past the deadline (at the answer, or now); 0 when not late. */
  overdueWorkingMinutes: number;
}

const MINUTE = 60_000;
const minutes = (ms: number) => Math.floor(ms / MINUTE);

export interface StatusInput {
  receivedAt: InstantInput;
  target: ServiceTarget;
  calendar: WorkingCalendar;
  now: InstantInput;
  respondedAt?: InstantInput | null;
  /** "Due soon" when at most this many working minutes are left; default a quarter of the allowance. */
  dueSoonWorkingMinutes?: number;
}

/** Where a request stands against its response promise at `now`. */
export function targetStatus(input: StatusInput): TargetStatus {
  const { calendar } = input;
  const received = toMillis(input.receivedAt);
  const deadline = toMillis(deadlineFor(received, input.target, calendar));
  const responded =
    input.respondedAt === undefined || input.respondedAt === null ? null : toMillis(input.respondedAt);
  const until = responded ?? toMillis(input.now);
  const allowed = workingMillisBetween(received, deadline, calendar);
  const elapsed = workingMillisBetween(received, until, calendar);
  const overdue = until > deadline ? workingMillisBetween(deadline, until, calendar) : 0;
  const remaining =
    responded === null && until < deadline ? workingMillisBetween(until, deadline, calendar) : 0;
  const dueSoon = (input.dueSoonWorkingMinutes ?? Math.ceil(minutes(allowed) / 4)) * MINUTE;
  let state: TargetState;
  if (responded !== null) state = responded <= deadline ? 'met' : 'missed';
  else if (until > deadline) state = 'late';
  else state = remaining <= dueSoon ? 'due-soon' : 'on-time';
  return {
    state,
    deadline: toIso(deadline),
    allowedWorkingMinutes: minutes(allowed),
    elapsedWorkingMinutes: minutes(elapsed),
    remainingWorkingMinutes: minutes(remaining),
    overdueWorkingMinutes: minutes(overdue),
  };
}
