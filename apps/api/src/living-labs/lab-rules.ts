import {
  PROJECT_PATH,
  type LabRule,
  type MetricDirection,
  type ProjectStage,
  type ResponseTargetState,
} from '@madang/contracts';
import { workingMinutesBetween, type WorkingCalendar } from '@madang/service-targets';

/** What the stage gates look at. */
export interface GateFacts {
  problemStatement: string | null;
  resultsNote: string | null;
  linkedObservations: number;
  concludedExperiments: number;
}

const blank = (text: string | null) => (text ?? '').trim() === '';

/** The gates a project must pass to stand in `to` (cumulative: sharing needs everything). */
export function gateViolations(to: ProjectStage, facts: GateFacts): LabRule[] {
  const violations: LabRule[] = [];
  if (to === 'experiment' || to === 'cooperation' || to === 'sharing') {
    if (blank(facts.problemStatement)) violations.push('problem_statement_missing');
    if (facts.linkedObservations === 0) violations.push('no_linked_observation');
  }
  if ((to === 'cooperation' || to === 'sharing') && facts.concludedExperiments === 0)
    violations.push('no_concluded_experiment');
  if (to === 'sharing' && blank(facts.resultsNote)) violations.push('results_note_missing');
  return violations;
}

/**
 * Where a project may go from `from`: one step forward on the centre's path, any step back, on
 * hold or discontinued; from on hold back to the stage it was held in (or discontinued);
 * discontinued is final.
 */
export function reachableStages(from: ProjectStage, heldFrom: ProjectStage | null): ProjectStage[] {
  if (from === 'discontinued') return [];
  if (from === 'on_hold') return heldFrom ? [heldFrom, 'discontinued'] : ['discontinued'];
  const at = PROJECT_PATH.indexOf(from);
  const forward = PROJECT_PATH[at + 1];
  return [...PROJECT_PATH.slice(0, at), ...(forward ? [forward] : []), 'on_hold', 'discontinued'];
}

/** Why moving from `from` to `to` is refused (empty when it is allowed). */
export function stageChangeViolations(
  from: ProjectStage,
  heldFrom: ProjectStage | null,
  to: ProjectStage,
  facts: GateFacts,
): LabRule[] {
  if (from === 'discontinued') return ['project_closed'];
  if (!reachableStages(from, heldFrom).includes(to)) return ['stage_not_allowed'];
  return gateViolations(to, facts);
}

/** Whether the latest reading reaches the target in the metric's direction. */
export function targetReached(direction: MetricDirection, target: number, actual: number | null): boolean {
  if (actual === null) return false;
  return direction === 'increase' ? actual >= target : actual <= target;
}

/** Where one stored deadline stands at `now` (the promise made on arrival, never recomputed). */
export function deadlineState(
  receivedAt: Date,
  dueAt: Date,
  respondedAt: Date | null,
  now: Date,
  calendar: WorkingCalendar,
): {
  state: ResponseTargetState;
  elapsedWorkingMinutes: number;
  overdueWorkingMinutes: number;
} {
  const until = respondedAt ?? now;
  const elapsed = workingMinutesBetween(receivedAt, until, calendar);
  const overdue = until > dueAt ? workingMinutesBetween(dueAt, until, calendar) : 0;
  let state: ResponseTargetState;
  if (respondedAt) state = respondedAt <= dueAt ? 'met' : 'missed';
  else if (now > dueAt) state = 'late';
  else {
    const allowed = workingMinutesBetween(receivedAt, dueAt, calendar);
    const remaining = workingMinutesBetween(now, dueAt, calendar);
    state = remaining <= Math.ceil(allowed / 4) ? 'due-soon' : 'on-time';
  }
  return { state, elapsedWorkingMinutes: elapsed, overdueWorkingMinutes: overdue };
}
