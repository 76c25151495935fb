import {
  CALL_PHASES,
  FORM_FIELD_TYPES,
  type CallPhase,
  type FormAnswer,
  type FormAnswers,
  type FormField,
  type FormSection,
  type PhaseSchedule,
  type RecruitmentRule,
  type TeamMemberAnswer,
} from '@madang/contracts';

/** A rule broken by an input, with the field at fault (pure; the service turns it into a 422). */
export interface RuleProblem {
  code: RecruitmentRule;
  field?: string;
  params?: Record<string, string | number>;
}

/** The phase after `phase` for a call (the interview is skipped when the call has none); null at the end. */
export function nextPhase(phase: CallPhase, hasInterview: boolean): CallPhase | null {
  const i = CALL_PHASES.indexOf(phase);
  const next = CALL_PHASES[i + 1] ?? null;
  if (next === 'review_interview' && !hasInterview) return CALL_PHASES[i + 2] ?? null;
  return next;
}

/** A move by hand goes to the next phase only (phases are never skipped or undone). */
export function canMove(from: CallPhase, to: CallPhase, hasInterview: boolean): boolean {
  return nextPhase(from, hasInterview) === to;
}

export const phaseIndex = (phase: CallPhase): number => CALL_PHASES.indexOf(phase);

/** The dated phases in order must have increasing instants; returns problems (empty = fine). */
export function checkSchedule(schedule: PhaseSchedule, deadline: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  let last = Number.NEGATIVE_INFINITY;
  for (const phase of CALL_PHASES) {
    if (phase === 'draft') continue;
    const at = schedule[phase];
    if (at === null || at === undefined) continue;
    const t = Date.parse(at);
    if (!(t > last)) problems.push({ code: 'schedule_invalid', field: `schedule.${phase}` });
    last = t;
  }
  const opens = schedule.open ? Date.parse(schedule.open) : null;
  if (opens !== null && Date.parse(deadline) <= opens)
    problems.push({ code: 'schedule_invalid', field: 'deadline' });
  const closes = schedule.closed ? Date.parse(schedule.closed) : null;
  if (closes !== null && closes < Date.parse(deadline))
    problems.push({ code: 'schedule_invalid', field: 'schedule.closed' });
  return problems;
}

/**
 * The phases a call should pass through by `now` from its schedule, in order, starting after its
 * current phase: each step is the next phase whose date has come (a step without a date stops the walk).
 */
export function duePhases(
  phase: CallPhase,
  schedule: PhaseSchedule,
  hasInterview: boolean,
  now: Date,
): CallPhase[] {
  const moves: CallPhase[] = [];
  let current = phase;
  for (;;) {
    const next = nextPhase(current, hasInterview);
    if (!next) return moves;
    const at = schedule[next as Exclude<CallPhase, 'draft'>];
    if (!at || Date.parse(at) > now.getTime()) return moves;
    moves.push(next);
    current = next;
  }
}

const FIELD_ID = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;

/** Mistakes in a form definition (ids unique across sections, options for choices, sane limits). */
export function checkForm(sections: readonly FormSection[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const ids = new Set<string>();
  const sectionIds = new Set<string>();
  sections.forEach((section, s) => {
    if (!FIELD_ID.test(section.id) || sectionIds.has(section.id))
      problems.push({ code: 'answer_invalid', field: `sections[${s}].id`, params: { field: section.id } });
    sectionIds.add(section.id);
    section.fields.forEach((field, f) => {
      const at = `sections[${s}].fields[${f}]`;
      if (!FIELD_ID.test(field.id) || ids.has(field.id))
        problems.push({ code: 'answer_invalid', field: `${at}.id`, params: { field: field.id } });
      ids.add(field.id);
      if (!(FORM_FIELD_TYPES as readonly string[]).includes(field.type))
        problems.push({ code: 'answer_invalid', field: `${at}.type`, params: { field: field.id } });
      if (field.type === 'choice' && !(field.options && field.options.length > 0))
        problems.push({ code: 'answer_invalid', field: `${at}.options`, params: { field: field.id } });
      if (field.min !== undefined && field.max !== undefined && field.min > field.max)
        problems.push({ code: 'answer_invalid', field: `${at}.max`, params: { field: field.id } });
    });
  });
  return problems;
}

export const formFields = (sections: readonly FormSection[]): FormField[] =>
  sections.flatMap((s) => s.fields);

const DEFAULT_TEXT_LIMIT = 500;
const DEFAULT_LONG_TEXT_LIMIT = 5000;
const MAX_FILES = 10;
const MAX_MEMBERS = 30;
const DATE_ONLY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isEmpty = (value: FormAnswer | undefined): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

function isMember(value: unknown): value is TeamMemberAnswer {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  const keys = Object.keys(v);
  return (
    keys.every((k) => k === 'name' || k === 'role' || k === 'userId') &&
    typeof v['name'] === 'string' &&
    v['name'].trim().length > 0 &&
    v['name'].length <= 100 &&
    (v['role'] === undefined || (typeof v['role'] === 'string' && v['role'].length <= 100)) &&
    (v['userId'] === undefined || (typeof v['userId'] === 'string' && UUID.test(v['userId'])))
  );
}

/** Checks one answer's shape against its field (an empty answer is fine here; `required` is separate). */
export function checkAnswer(field: FormField, value: FormAnswer): RuleProblem | null {
  const at = `answers.${field.id}`;
  const invalid: RuleProblem = { code: 'answer_invalid', field: at, params: { field: field.id } };
  if (isEmpty(value)) return null;
  switch (field.type) {
    case 'text':
    case 'long_text': {
      if (typeof value !== 'string') return invalid;
      const max = field.maxLength ?? (field.type === 'text' ? DEFAULT_TEXT_LIMIT : DEFAULT_LONG_TEXT_LIMIT);
      // Characters as a person counts them (code points), not UTF-16 units.
      if ([...value].length > max)
        return { code: 'answer_too_long', field: at, params: { field: field.id, max } };
      return null;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return invalid;
      if (field.min !== undefined && value < field.min) return invalid;
      if (field.max !== undefined && value > field.max) return invalid;
      return null;
    }
    case 'date':
      return typeof value === 'string' && DATE_ONLY.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : invalid;
    case 'choice': {
      const allowed = new Set((field.options ?? []).map((o) => o.value));
      const values = Array.isArray(value) ? value : [value];
      if (Array.isArray(value) && !field.multiple) return invalid;
      return values.every((v) => typeof v === 'string' && allowed.has(v)) ? null : invalid;
    }
    case 'file':
      return Array.isArray(value) &&
        value.length <= MAX_FILES &&
        value.every((v) => typeof v === 'string' && UUID.test(v))
        ? null
        : invalid;
    case 'team_members':
      return Array.isArray(value) && value.length <= MAX_MEMBERS && value.every(isMember) ? null : invalid;
  }
}

/**
 * Checks answers against a form. `complete`: required fields must be answered (on submit).
 * `onlyFields`: the fields a supplement asked for — a change to any other field is refused.
 * `previous`: the stored answers, to tell what changed.
 */
export function checkAnswers(
  sections: readonly FormSection[],
  answers: FormAnswers,
  options: { complete: boolean; onlyFields?: readonly string[]; previous?: FormAnswers },
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const fields = new Map(formFields(sections).map((f) => [f.id, f]));
  for (const [id, value] of Object.entries(answers)) {
    const field = fields.get(id);
    if (!field) {
      problems.push({ code: 'answer_invalid', field: `answers.${id}`, params: { field: id } });
      continue;
    }
    if (
      options.onlyFields &&
      !options.onlyFields.includes(id) &&
      JSON.stringify(value) !== JSON.stringify(options.previous?.[id] ?? null)
    ) {
      problems.push({ code: 'field_not_requested', field: `answers.${id}`, params: { field: id } });
      continue;
    }
    const problem = checkAnswer(field, value);
    if (problem) problems.push(problem);
  }
  if (options.complete) {
    const merged = { ...(options.previous ?? {}), ...answers };
    for (const field of fields.values()) {
      if (field.required && isEmpty(merged[field.id]))
        problems.push({ code: 'answer_required', field: `answers.${field.id}`, params: { field: field.id } });
    }
  }
  return problems;
}

/** The file ids named in answers (to check each is attached to the application). */
export function fileIdsOf(sections: readonly FormSection[], answers: FormAnswers): string[] {
  const ids: string[] = [];
  for (const field of formFields(sections)) {
    const value = answers[field.id];
    if (field.type === 'file' && Array.isArray(value))
      for (const v of value) if (typeof v === 'string') ids.push(v);
  }
  return ids;
}

/** Madang users named as team members (for conflict checks). */
export function teamUserIds(sections: readonly FormSection[], answers: FormAnswers): string[] {
  const ids: string[] = [];
  for (const field of formFields(sections)) {
    const value = answers[field.id];
    if (field.type !== 'team_members' || !Array.isArray(value)) continue;
    for (const member of value) if (isMember(member) && member.userId) ids.push(member.userId);
  }
  return ids;
}

/**
 * What a reviewer of a blind call may see: fields marked `hiddenWhenBlind` are removed, and team
 * members keep only their role (names and accounts removed).
 */
export function blindAnswers(sections: readonly FormSection[], answers: FormAnswers): FormAnswers {
  const shown: FormAnswers = {};
  for (const field of formFields(sections)) {
    if (field.hiddenWhenBlind) continue;
    const value = answers[field.id];
    if (value === undefined) continue;
    if (field.type === 'team_members' && Array.isArray(value)) {
      shown[field.id] = value.filter(isMember).map((m, i) => ({
        name: `#${i + 1}`,
        ...(m.role ? { role: m.role } : {}),
      }));
      continue;
    }
    shown[field.id] = value;
  }
  return shown;
}

/** The form a blind reviewer sees: hidden fields removed. */
export function blindForm(sections: readonly FormSection[]): FormSection[] {
  return sections.map((s) => ({ ...s, fields: s.fields.filter((f) => !f.hiddenWhenBlind) }));
}

/** "A", "B", … "Z", "AA" — anonymous reviewer labels by position. */
export function reviewerLetter(index: number): string {
  let n = index;
  let label = '';
  do {
    label = String.fromCharCode(65 + (n % 26)) + label;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return label;
}
