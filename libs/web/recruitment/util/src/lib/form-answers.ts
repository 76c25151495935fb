import type { FormAnswer, FormAnswers, FormField, FormSection, TeamMemberAnswer } from '@madang/contracts';
import { charCount } from './countdown';

/** What a field is missing or has wrong before the server is asked (the server checks the same). */
export type AnswerProblem =
  | { kind: 'required' }
  | { kind: 'tooLong'; max: number }
  | { kind: 'min'; min: number }
  | { kind: 'max'; max: number }
  | { kind: 'invalid' };

/** The answer a field starts from in a new draft. */
export function emptyAnswer(field: FormField): FormAnswer {
  switch (field.type) {
    case 'number':
      return null;
    case 'file':
    case 'team_members':
      return [];
    case 'choice':
      return field.multiple ? [] : '';
    default:
      return '';
  }
}

/** Every field's answer: the saved one where there is one, else the field's empty answer. */
export function answersFor(sections: readonly FormSection[], saved: FormAnswers | null): FormAnswers {
  const out: FormAnswers = {};
  for (const section of sections)
    for (const field of section.fields) out[field.id] = saved?.[field.id] ?? emptyAnswer(field);
  return out;
}

function isBlank(answer: FormAnswer | undefined): boolean {
  if (answer === null || answer === undefined) return true;
  if (typeof answer === 'string') return answer.trim() === '';
  if (Array.isArray(answer)) return answer.length === 0;
  return false;
}

/** The team members that have a name (empty rows of the editor do not count or get sent), trimmed, no empty role. */
export function namedMembers(members: readonly TeamMemberAnswer[]): TeamMemberAnswer[] {
  return members
    .map((m) => {
      const role = m.role?.trim() ?? '';
      return { ...(m.userId ? { userId: m.userId } : {}), name: m.name.trim(), ...(role ? { role } : {}) };
    })
    .filter((m) => m.name !== '');
}

/** The problem of one answer for submitting, or null. Drafts may be incomplete. */
export function answerProblem(field: FormField, answer: FormAnswer | undefined): AnswerProblem | null {
  const value =
    field.type === 'team_members' && Array.isArray(answer)
      ? namedMembers(answer as TeamMemberAnswer[])
      : answer;
  if (isBlank(value)) return field.required ? { kind: 'required' } : null;
  switch (field.type) {
    case 'text':
    case 'long_text':
      if (typeof value !== 'string') return { kind: 'invalid' };
      if (field.maxLength !== undefined && charCount(value) > field.maxLength)
        return { kind: 'tooLong', max: field.maxLength };
      return null;
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { kind: 'invalid' };
      if (field.min !== undefined && value < field.min) return { kind: 'min', min: field.min };
      if (field.max !== undefined && value > field.max) return { kind: 'max', max: field.max };
      return null;
    }
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? null : { kind: 'invalid' };
    case 'choice': {
      const allowed = new Set((field.options ?? []).map((o) => o.value));
      const chosen = Array.isArray(value) ? value : [value];
      return chosen.every((c) => typeof c === 'string' && allowed.has(c)) ? null : { kind: 'invalid' };
    }
    default:
      return null;
  }
}

/** The ids of the fields with a problem, in form order. */
export function problemsOf(
  sections: readonly FormSection[],
  answers: FormAnswers,
): { fieldId: string; problem: AnswerProblem }[] {
  const out: { fieldId: string; problem: AnswerProblem }[] = [];
  for (const section of sections)
    for (const field of section.fields) {
      const problem = answerProblem(field, answers[field.id]);
      if (problem) out.push({ fieldId: field.id, problem });
    }
  return out;
}

/** The answers as sent: text trimmed at neither end (people's spacing is theirs), empty team rows dropped. */
export function answersToSend(sections: readonly FormSection[], answers: FormAnswers): FormAnswers {
  const out: FormAnswers = {};
  for (const section of sections)
    for (const field of section.fields) {
      const answer = answers[field.id];
      if (answer === undefined) continue;
      out[field.id] =
        field.type === 'team_members' && Array.isArray(answer)
          ? namedMembers(answer as TeamMemberAnswer[])
          : answer;
    }
  return out;
}

/** A field id made from a label: lower-case letters, digits, `_`; unique among `taken`. */
export function fieldIdFrom(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || 'field';
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}_${n}`;
  return candidate;
}
