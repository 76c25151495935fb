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

/** The instant by which a request received at `receivedAt` must be answered (ISO, UTC). */
export function deadlineFor(
  receivedAt: InstantInput,
  target: ServiceTarget,
  calendar: WorkingCalendar,
): string {
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
