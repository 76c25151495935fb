import {
  RESIDENT_BASE_TAG,
  type ApplicationDetail,
  type ApplicationSummary,
  type CallDetail,
  type CallFormView,
  type CallOffer,
  type CallOfferInput,
  type CallSummary,
  type ObjectionView,
  type PublicCallSummary,
  type RubricView,
  type SupplementView,
} from '@madang/contracts';
import type { Actor } from '../core/actor';
import type { AuditActor } from '../platform/audit/audit.service';
import type { ApplicationRow, ObjectionRow, SupplementRow } from './applications.repository';
import type { CallRow, FormRow, PhaseMoveRow } from './calls.repository';

/** Who acted, for the audit log (the scheduled job acts as the system). */
export const auditOf = (actor: Actor | null): AuditActor =>
  actor ? { userId: actor.userId, requestId: actor.requestId } : { userId: null, requestId: null };

export const iso = (d: Date | string): string =>
  d instanceof Date ? d.toISOString() : new Date(d).toISOString();
export const isoOrNull = (d: Date | string | null): string | null => (d === null ? null : iso(d));

export function offerOf(input: CallOfferInput): CallOffer {
  const assetIds = [...new Set(input.assetIds ?? [])];
  const seatCount = input.seatCount ?? null;
  return {
    assetIds,
    seatCount,
    places: input.places ?? (assetIds.length || seatCount || 1),
    termStart: input.termStart,
    termEnd: input.termEnd,
    monthlyFee: input.monthlyFee,
    deposit: input.deposit,
    privileges: {
      tags: input.privileges?.tags ?? [RESIDENT_BASE_TAG],
      extraAdvanceDays: input.privileges?.extraAdvanceDays ?? 0,
      feeWaiverCategoryIds: input.privileges?.feeWaiverCategoryIds ?? [],
    },
    ...(input.partnerCategoryId !== undefined ? { partnerCategoryId: input.partnerCategoryId } : {}),
  };
}

export function toCallSummary(row: CallRow, timeZone: string): CallSummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    phase: row.phase,
    deadline: iso(row.deadline),
    timeZone,
    blind: row.blind,
    applicationCount: row.application_count,
    createdAt: iso(row.created_at),
  };
}

export function toCallDetail(row: CallRow, moves: PhaseMoveRow[], timeZone: string): CallDetail {
  return {
    ...toCallSummary(row, timeZone),
    summary: row.summary,
    body: row.body,
    eligibility: row.eligibility,
    offer: row.offer,
    schedule: row.schedule,
    hasInterview: row.has_interview,
    aggregation: row.aggregation,
    reviewersPerApplication: row.reviewers_per_application,
    budgetLineId: row.budget_line_id,
    formVersion: row.form_version,
    phaseHistory: moves.map((m) => ({
      from: m.from_phase,
      to: m.to_phase,
      at: iso(m.at),
      by: m.moved_by,
      reason: m.reason,
    })),
  };
}

export function toPublicSummary(row: CallRow, timeZone: string): PublicCallSummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    phase: row.phase,
    deadline: iso(row.deadline),
    timeZone,
    termStart: row.offer.termStart,
    termEnd: row.offer.termEnd,
    places: row.offer.places,
  };
}

export const toFormView = (form: FormRow): CallFormView => ({
  callId: form.call_id,
  version: form.version,
  sections: form.sections,
  createdAt: iso(form.created_at),
});

export function toRubricView(row: CallRow): RubricView {
  return {
    callId: row.id,
    criteria: row.rubric?.criteria ?? [],
    overallCommentRequired: row.rubric?.overallCommentRequired ?? false,
    tieBreaks: row.tie_breaks,
  };
}

export function toApplicationSummary(row: ApplicationRow): ApplicationSummary {
  return {
    id: row.id,
    callId: row.call_id,
    callTitle: row.call_title,
    callPhase: row.call_phase,
    groupId: row.group_id,
    groupName: row.group_name,
    applicantId: row.applicant_id,
    applicantName: row.applicant_name,
    state: row.state,
    eligibility: row.eligibility,
    decision: row.decision,
    submittedAt: isoOrNull(row.submitted_at),
    formVersion: row.form_version,
    updatedAt: iso(row.updated_at),
  };
}

export const toSupplementView = (row: SupplementRow): SupplementView => ({
  id: row.id,
  applicationId: row.application_id,
  fieldIds: row.field_ids,
  message: row.message,
  dueAt: iso(row.due_at),
  state: row.state === 'requested' && row.due_at.getTime() < Date.now() ? 'expired' : row.state,
  requestedBy: row.requested_by,
  answeredAt: isoOrNull(row.answered_at),
  createdAt: iso(row.created_at),
});

export function toApplicationDetail(
  row: ApplicationRow,
  form: FormRow,
  supplements: SupplementRow[],
): ApplicationDetail {
  return {
    ...toApplicationSummary(row),
    answers: row.answers,
    form: toFormView(form),
    eligibilityReasons: row.eligibility_reasons,
    decisionRationale: row.decision_rationale,
    supplements: supplements.map(toSupplementView),
    deadline: iso(row.call_deadline),
  };
}

export const toObjectionView = (row: ObjectionRow): ObjectionView => ({
  id: row.id,
  applicationId: row.application_id,
  callId: row.call_id,
  groupName: row.group_name,
  reasons: row.reasons,
  state: row.state,
  answer: row.answer,
  answeredBy: row.answered_by,
  answeredAt: isoOrNull(row.answered_at),
  createdAt: iso(row.created_at),
});
