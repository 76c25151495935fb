import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AssignmentState,
  type AssignmentView,
  type AssignReviewerRequest,
  type BalancedAssignmentRequest,
  type DeclareConflictRequest,
  type PeerReviewView,
  type ReviewAssignmentDetail,
  type ReviewAssignmentSummary,
  type ReviewerView,
  type SaveReviewSheetRequest,
  type SetReviewersRequest,
} from '@madang/contracts';
import { assignReviewers, scoreSheet } from '@madang/review';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../core/actor';
import { DomainError, invalidField, notFound } from '../core/domain-error';
import { AuditService } from '../platform/audit/audit.service';
import { NotificationsService } from '../platform/notifications/notifications.service';
import { ApplicationsRepository } from './applications.repository';
import { CallRow, CallsRepository } from './calls.repository';
import { ConflictFacts } from './conflict-facts';
import { rule, withRecruitmentDbRules } from './recruitment-errors';
import { blindAnswers, blindForm, phaseIndex, reviewerLetter } from './recruitment-rules';
import { auditOf, isoOrNull, toFormView, toRubricView } from './recruitment-views';
import { AssignmentRow, ReviewsRepository } from './reviews.repository';

export const REVIEW_ASSIGNED = 'recruitment.review_assigned';

export function assignmentState(
  row: Pick<AssignmentRow, 'declared_conflict' | 'detected_conflicts' | 'submitted_at'>,
): AssignmentState {
  if (row.submitted_at) return 'submitted';
  if (row.declared_conflict === true || row.detected_conflicts.length > 0) return 'conflicted';
  if (row.declared_conflict === null) return 'undeclared';
  return 'reviewing';
}

const conflictsOf = (row: AssignmentRow) => [
  ...row.detected_conflicts,
  ...(row.declared_conflict
    ? [
        {
          code: 'declared' as const,
          message: {
            ko: `심사위원이 이해충돌을 신고했습니다: ${row.declaration_note ?? ''}`.trim(),
            en: `The reviewer declared a conflict: ${row.declaration_note ?? ''}`.trim(),
          },
        },
      ]
    : []),
];

/** Reviewer panels, assignments (by hand or balanced), conflicts, and each reviewer's own sheets. */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reviews: ReviewsRepository,
    private readonly calls: CallsRepository,
    private readonly applications: ApplicationsRepository,
    private readonly facts: ConflictFacts,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  // ── staff ───────────────────────────────────────────────────────────────

  async setPanel(actor: Actor, callId: string, dto: SetReviewersRequest): Promise<ReviewerView[]> {
    const ids = [...new Set(dto.userIds)];
    await this.db.transaction(async (m) => {
      await this.mustCall(m, callId, true);
      const reviewers = new Set(await this.calls.usersWithRole(m, ids, 'reviewer'));
      ids.forEach((id, i) => {
        if (!reviewers.has(id)) throw invalidField(`userIds.${i}`, 'invalid');
      });
      await this.calls.setReviewers(m, callId, ids);
      await this.audit.record(m, auditOf(actor), {
        action: 'recruitment.panel.set',
        entityType: 'recruitment_call',
        entityId: callId,
        after: { userIds: ids },
      });
    });
    return this.panel(actor, callId);
  }

  async panel(_actor: Actor, callId: string): Promise<ReviewerView[]> {
    await this.mustCall(this.db.manager, callId);
    return (await this.calls.reviewers(this.db.manager, callId)).map((r) => ({
      userId: r.user_id,
      displayName: r.display_name,
      email: r.email,
      load: r.load,
    }));
  }

  async assignments(_actor: Actor, callId: string): Promise<AssignmentView[]> {
    await this.mustCall(this.db.manager, callId);
    return (await this.reviews.ofCall(this.db.manager, callId)).map(toAssignmentView);
  }

  async assign(actor: Actor, callId: string, dto: AssignReviewerRequest): Promise<AssignmentView> {
    const id = await this.db.transaction(async (m) => {
      const call = await this.mustCall(m, callId, true);
      const panel = new Set((await this.calls.reviewers(m, callId)).map((r) => r.user_id));
      if (!panel.has(dto.reviewerId)) throw invalidField('reviewerId', 'invalid');
      const app = await this.applications.find(m, dto.applicationId);
      if (!app || app.call_id !== callId || app.state !== 'submitted')
        throw invalidField('applicationId', 'invalid');
      const id = await this.insertAssignment(m, actor, call, app.id, dto.reviewerId);
      if (!id) throw rule(actor.locale, 'assignment_invalid', 'reviewerId');
      return id;
    });
    return toAssignmentView((await this.reviews.find(this.db.manager, id)) as AssignmentRow);
  }

  /** k reviewers per eligible application, loads even, never a detected conflict (`@madang/review`). */
  async assignBalanced(
    actor: Actor,
    callId: string,
    dto: BalancedAssignmentRequest,
  ): Promise<AssignmentView[]> {
    await this.db.transaction(async (m) => {
      const call = await this.mustCall(m, callId, true);
      const k = dto.k ?? call.reviewers_per_application;
      const panel = (await this.calls.reviewers(m, callId)).map((r) => r.user_id);
      const { rows: apps } = await this.applications.ofCall(m, callId, { submittedOnly: true });
      const eligible = apps.filter((a) => a.eligibility !== 'ineligible');
      const existing = await this.reviews.ofCall(m, callId);
      const conflicts: { reviewerId: string; applicationId: string }[] = [];
      for (const app of eligible) {
        const form = await this.calls.form(m, app.form_id);
        for (const reviewerId of panel) {
          const found = await this.facts.detect(m, reviewerId, call, app, form.sections);
          const declared = existing.some(
            (e) =>
              e.application_id === app.id && e.reviewer_id === reviewerId && e.declared_conflict === true,
          );
          if (found.length > 0 || declared) conflicts.push({ reviewerId, applicationId: app.id });
        }
      }
      const result = assignReviewers({
        applicationIds: eligible.map((a) => a.id),
        reviewerIds: panel,
        reviewersPerApplication: k,
        conflicts,
        fixed: existing
          .filter(
            (e) =>
              eligible.some((a) => a.id === e.application_id) &&
              e.declared_conflict !== true &&
              e.detected_conflicts.length === 0,
          )
          .map((e) => ({ reviewerId: e.reviewer_id, applicationId: e.application_id })),
        seed: dto.seed ?? callId,
      });
      if (!result.ok)
        throw new DomainError('recruitment_rule', {
          violations: result.problems.map((p) => ({
            code: 'assignment_invalid',
            message: p.message[actor.locale],
            params: p.params,
          })),
        });
      for (const a of result.assignments) {
        if (a.fixed) continue;
        const app = eligible.find((x) => x.id === a.applicationId);
        if (app) await this.insertAssignment(m, actor, call, app.id, a.reviewerId);
      }
      await this.audit.record(m, auditOf(actor), {
        action: 'recruitment.assign.balanced',
        entityType: 'recruitment_call',
        entityId: callId,
        after: { k, seed: dto.seed ?? callId, loads: result.loads, balanced: result.balanced },
      });
    });
    return this.assignments(actor, callId);
  }

  async unassign(actor: Actor, assignmentId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const row = await this.reviews.find(m, assignmentId, true);
      if (!row) throw notFound();
      if (row.submitted_at) throw rule(actor.locale, 'already_submitted');
      await this.reviews.delete(m, assignmentId);
      await this.audit.record(m, auditOf(actor), {
        action: 'recruitment.assign.remove',
        entityType: 'recruitment_assignment',
        entityId: assignmentId,
        before: { applicationId: row.application_id, reviewerId: row.reviewer_id },
      });
    });
  }

  private async insertAssignment(
    m: EntityManager,
    actor: Actor,
    call: CallRow,
    applicationId: string,
    reviewerId: string,
  ): Promise<string | null> {
    const app = await this.applications.find(m, applicationId);
    if (!app) return null;
    const form = await this.calls.form(m, app.form_id);
    const detected = await this.facts.detect(m, reviewerId, call, app, form.sections);
    const id = await this.reviews.insert(m, { callId: call.id, applicationId, reviewerId, detected });
    if (!id) return null;
    await this.audit.record(m, auditOf(actor), {
      action: 'recruitment.assign',
      entityType: 'recruitment_assignment',
      entityId: id,
      after: { applicationId, reviewerId, detected: detected.map((d) => d.code) },
    });
    await this.notifications.notify(m, [
      {
        recipientId: reviewerId,
        kind: REVIEW_ASSIGNED,
        subject: { type: 'recruitment_call', id: call.id },
        values: (locale) => ({ call: call.title[locale] }),
      },
    ]);
    return id;
  }

  // ── the reviewer ────────────────────────────────────────────────────────

  async mine(actor: Actor): Promise<ReviewAssignmentSummary[]> {
    return (await this.reviews.ofReviewer(this.db.manager, actor.userId)).map(toReviewerSummary);
  }

  /** Declares conflicts (or none); Madang's own checks are run again and kept beside it. */
  async declare(
    actor: Actor,
    assignmentId: string,
    dto: DeclareConflictRequest,
  ): Promise<ReviewAssignmentDetail> {
    await this.db.transaction(async (m) => {
      const row = await this.own(m, actor, assignmentId, true);
      if (row.submitted_at) throw rule(actor.locale, 'already_submitted');
      if (dto.hasConflict && !dto.note?.trim()) throw invalidField('note', 'required');
      const call = await this.mustCall(m, row.call_id);
      const app = await this.applications.find(m, row.application_id);
      if (!app) throw notFound();
      const form = await this.calls.form(m, app.form_id);
      const detected = await this.facts.detect(m, actor.userId, call, app, form.sections);
      await this.reviews.setDetected(m, row.id, detected);
      await this.reviews.declare(
        m,
        row.id,
        dto.hasConflict,
        dto.hasConflict ? (dto.note ?? '').trim() : null,
      );
      await this.audit.record(m, auditOf(actor), {
        action: 'recruitment.review.declare',
        entityType: 'recruitment_assignment',
        entityId: row.id,
        after: { hasConflict: dto.hasConflict, detected: detected.map((d) => d.code) },
      });
    });
    return this.detail(actor, assignmentId);
  }

  /**
   * The application as its reviewer sees it: only after declaring and without any conflict; on a
   * blind call without the group's name, fields marked hidden, or team members' names.
   */
  async detail(actor: Actor, assignmentId: string): Promise<ReviewAssignmentDetail> {
    const m = this.db.manager;
    const row = await this.own(m, actor, assignmentId);
    const call = await this.mustCall(m, row.call_id);
    const app = await this.applications.find(m, row.application_id);
    if (!app) throw notFound();
    const form = await this.calls.form(m, app.form_id);
    const state = assignmentState(row);
    const open = state === 'reviewing' || state === 'submitted';
    return {
      ...toReviewerSummary(row),
      blind: call.blind,
      rubric: toRubricView(call),
      form: call.blind ? { ...toFormView(form), sections: blindForm(form.sections) } : toFormView(form),
      answers: open ? (call.blind ? blindAnswers(form.sections, app.answers) : app.answers) : null,
      sheet: open
        ? {
            scores: row.scores,
            comments: row.comments,
            overallComment: row.overall_comment,
            total: row.total === null ? null : Number(row.total),
            submittedAt: isoOrNull(row.submitted_at),
          }
        : null,
    };
  }

  async saveSheet(
    actor: Actor,
    assignmentId: string,
    dto: SaveReviewSheetRequest,
  ): Promise<ReviewAssignmentDetail> {
    await withRecruitmentDbRules(actor.locale, () =>
      this.db.transaction(async (m) => {
        const row = await this.scorable(m, actor, assignmentId);
        const call = await this.mustCall(m, row.call_id);
        const known = new Set((call.rubric?.criteria ?? []).map((c) => c.id));
        for (const key of [...Object.keys(dto.scores), ...Object.keys(dto.comments ?? {})])
          if (!known.has(key)) throw invalidField(`scores.${key}`, 'invalid');
        await this.reviews.saveSheet(m, row.id, {
          scores: dto.scores,
          comments: dto.comments ?? {},
          overallComment: dto.overallComment ?? null,
          total: null,
        });
      }),
    );
    return this.detail(actor, assignmentId);
  }

  async submit(actor: Actor, assignmentId: string): Promise<ReviewAssignmentDetail> {
    await withRecruitmentDbRules(actor.locale, () =>
      this.db.transaction(async (m) => {
        const row = await this.scorable(m, actor, assignmentId);
        const call = await this.mustCall(m, row.call_id);
        if (!call.rubric) throw rule(actor.locale, 'rubric_invalid');
        const result = scoreSheet(call.rubric, {
          reviewerId: actor.userId,
          scores: row.scores,
          comments: row.comments,
          overallComment: row.overall_comment,
        });
        if (!result.ok || result.total === null)
          throw new DomainError(
            'recruitment_rule',
            {
              violations: result.problems.map((p) => ({
                code: 'sheet_invalid',
                field: p.field,
                message: p.message[actor.locale],
              })),
            },
            {},
            result.problems.map((p) => ({ field: p.field, code: 'invalid' as const })),
          );
        await this.reviews.saveSheet(m, row.id, {
          scores: row.scores,
          comments: row.comments,
          overallComment: row.overall_comment,
          total: result.total,
        });
        await this.reviews.submit(m, row.id);
        await this.audit.record(m, auditOf(actor), {
          action: 'recruitment.review.submit',
          entityType: 'recruitment_assignment',
          entityId: row.id,
          after: { scores: row.scores, total: result.total },
        });
      }),
    );
    return this.detail(actor, assignmentId);
  }

  /** Other reviewers' submitted sheets, anonymised — only once the asker has submitted their own. */
  async peers(actor: Actor, assignmentId: string): Promise<PeerReviewView[]> {
    const m = this.db.manager;
    const row = await this.own(m, actor, assignmentId);
    if (!row.submitted_at) throw rule(actor.locale, 'own_review_not_submitted');
    const all = await this.reviews.ofApplication(m, row.application_id);
    return all
      .map((r, i) => ({ r, label: reviewerLetter(i) }))
      .filter(({ r }) => r.id !== row.id && r.submitted_at !== null)
      .map(({ r, label }) => ({
        reviewerLabel: label,
        scores: r.scores,
        comments: r.comments,
        overallComment: r.overall_comment,
        total: r.total === null ? null : Number(r.total),
      }));
  }

  // ── helpers ─────────────────────────────────────────────────────────────

  private async own(m: EntityManager, actor: Actor, id: string, lock = false): Promise<AssignmentRow> {
    const row = await this.reviews.find(m, id, lock);
    if (!row || row.reviewer_id !== actor.userId) throw notFound();
    return row;
  }

  private async scorable(m: EntityManager, actor: Actor, id: string): Promise<AssignmentRow> {
    const row = await this.own(m, actor, id, true);
    const state = assignmentState(row);
    if (state === 'undeclared') throw rule(actor.locale, 'not_declared');
    if (state === 'conflicted') throw rule(actor.locale, 'conflict_of_interest');
    if (state === 'submitted') throw rule(actor.locale, 'already_submitted');
    const call = await this.mustCall(m, row.call_id);
    if (
      phaseIndex(call.phase) < phaseIndex('screening') ||
      phaseIndex(call.phase) > phaseIndex('review_interview')
    )
      throw rule(actor.locale, 'phase_order', undefined, { from: call.phase, to: 'review' });
    return row;
  }

  private async mustCall(m: EntityManager, id: string, lock = false): Promise<CallRow> {
    const row = await this.calls.find(m, id, lock);
    if (!row) throw notFound();
    return row;
  }
}

export function toAssignmentView(row: AssignmentRow): AssignmentView {
  return {
    id: row.id,
    callId: row.call_id,
    applicationId: row.application_id,
    reviewerId: row.reviewer_id,
    reviewerName: row.reviewer_name,
    state: assignmentState(row),
    conflicts: conflictsOf(row),
    submittedAt: isoOrNull(row.submitted_at),
    createdAt: row.created_at.toISOString(),
  };
}

function toReviewerSummary(row: AssignmentRow): ReviewAssignmentSummary {
  return {
    id: row.id,
    callId: row.call_id,
    callTitle: row.call_title,
    applicationId: row.application_id,
    applicantLabel: row.blind ? null : row.group_name,
    code: `#${row.application_no}`,
    state: assignmentState(row),
    conflicts: conflictsOf(row),
    submittedAt: isoOrNull(row.submitted_at),
  };
}
