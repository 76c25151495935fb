import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  RESULT_PHASES,
  type AnswerObjectionRequest,
  type ApplicantResultView,
  type FileObjectionRequest,
  type ObjectionView,
  type RankingView,
  type ScoreSummaryView,
} from '@madang/contracts';
import { aggregateApplication, rankApplications, type ScoreSummary } from '@madang/review';
import { DataSource } from 'typeorm';
import type { Actor } from '../core/actor';
import { notFound } from '../core/domain-error';
import { AuditService } from '../platform/audit/audit.service';
import { NotificationsService } from '../platform/notifications/notifications.service';
import { canEditApplication, canReadApplication } from './application-access';
import { ApplicationRow, ApplicationsRepository, ObjectionRow } from './applications.repository';
import { CallRow, CallsRepository } from './calls.repository';
import { rule } from './recruitment-errors';
import { phaseIndex, reviewerLetter } from './recruitment-rules';
import { auditOf, toObjectionView } from './recruitment-views';
import { AssignmentRow, ReviewsRepository } from './reviews.repository';

export const OBJECTION_ANSWERED = 'recruitment.objection_answered';

const summaryView = (s: ScoreSummary | null): ScoreSummaryView | null =>
  s && {
    count: s.count,
    value: s.value,
    mean: s.mean,
    median: s.median,
    min: s.min,
    max: s.max,
    stdDev: s.stdDev,
    range: s.range,
  };

/** Ranking and decisions' inputs, each applicant's own result, objections. */
@Injectable()
export class ResultsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calls: CallsRepository,
    private readonly applications: ApplicationsRepository,
    private readonly reviews: ReviewsRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Submitted eligible applications ranked by the call's aggregate, ties broken by its declared rules. */
  async ranking(_actor: Actor, callId: string): Promise<RankingView> {
    const m = this.db.manager;
    const call = await this.calls.find(m, callId);
    if (!call) throw notFound();
    const { rows } = await this.applications.ofCall(m, callId, { submittedOnly: true });
    const apps = rows.filter((a) => a.eligibility !== 'ineligible');
    const sheets = await this.reviews.ofCall(m, callId);
    const scores = new Map(
      apps.map((a) => [
        a.id,
        this.aggregate(
          call,
          sheets.filter((s) => s.application_id === a.id),
        ),
      ]),
    );
    const ranked = rankApplications(
      apps.map((a) => {
        const s = scores.get(a.id);
        return {
          applicationId: a.id,
          score: s?.total?.value ?? null,
          criterionScores: Object.fromEntries(
            Object.entries(s?.criteria ?? {}).map(([k, v]) => [k, v?.value ?? null]),
          ),
          submittedAt: (a.submitted_at as Date).toISOString(),
        };
      }),
      call.tie_breaks,
    );
    return {
      callId,
      aggregation: call.aggregation,
      tieBreaks: call.tie_breaks,
      rows: ranked.map((r) => {
        const app = apps.find((a) => a.id === r.applicationId) as ApplicationRow;
        const s = scores.get(r.applicationId);
        const mine = sheets.filter((x) => x.application_id === r.applicationId);
        return {
          applicationId: r.applicationId,
          groupName: app.group_name,
          rank: r.rank,
          score: r.score,
          total: summaryView(s?.total ?? null),
          criteria: Object.fromEntries(
            Object.entries(s?.criteria ?? {}).map(([k, v]) => [k, summaryView(v)]),
          ),
          decidedBy: r.decidedBy,
          reviewsSubmitted: mine.filter((x) => x.submitted_at !== null).length,
          reviewsAssigned: mine.length,
          decision: app.decision,
          rationale: app.decision_rationale,
        };
      }),
    };
  }

  /** The applicant's own result once results are published: scores per criterion, comments without names. */
  async result(actor: Actor, applicationId: string): Promise<ApplicantResultView> {
    const m = this.db.manager;
    const app = await this.applications.find(m, applicationId);
    if (!app || !canReadApplication(actor, app)) throw notFound();
    const call = (await this.calls.find(m, app.call_id)) as CallRow;
    if (!RESULT_PHASES.includes(call.phase) || !call.results_published_at)
      throw rule(actor.locale, 'results_not_published');
    const sheets = (await this.reviews.ofApplication(m, applicationId)).filter(
      (s) => s.submitted_at !== null,
    );
    const agg = this.aggregate(call, sheets);
    const ranking = await this.ranking(actor, call.id);
    const comments: ApplicantResultView['comments'] = [];
    sheets.forEach((s, i) => {
      const label = reviewerLetter(i);
      for (const [criterionId, text] of Object.entries(s.comments))
        if (text.trim()) comments.push({ reviewerLabel: label, criterionId, text });
      if (s.overall_comment?.trim())
        comments.push({ reviewerLabel: label, criterionId: null, text: s.overall_comment });
    });
    return {
      applicationId,
      final: phaseIndex(call.phase) >= phaseIndex('final_results'),
      decision: app.decision,
      rank: ranking.rows.find((r) => r.applicationId === applicationId)?.rank ?? null,
      total: summaryView(agg?.total ?? null),
      criteria: (call.rubric?.criteria ?? []).map((c) => ({
        criterionId: c.id,
        label: c.label,
        summary: summaryView(agg?.criteria[c.id] ?? null),
      })),
      comments,
      objections: (await this.applications.objections(m, { applicationId })).map(toObjectionView),
      objectionWindowOpen: call.phase === 'objection_window',
    };
  }

  async fileObjection(
    actor: Actor,
    applicationId: string,
    dto: FileObjectionRequest,
  ): Promise<ObjectionView> {
    return this.db.transaction(async (m) => {
      const app = await this.applications.find(m, applicationId, true);
      if (!app || !canReadApplication(actor, app)) throw notFound();
      if (!canEditApplication(actor, app) || app.state !== 'submitted')
        throw rule(actor.locale, 'not_editable');
      if (app.call_phase !== 'objection_window') throw rule(actor.locale, 'objection_window_closed');
      const id = await this.applications.insertObjection(m, applicationId, dto.reasons);
      await this.audit.record(m, auditOf(actor), {
        action: 'recruitment.objection.file',
        entityType: 'recruitment_objection',
        entityId: id,
        after: { applicationId, reasons: dto.reasons },
      });
      return toObjectionView((await this.applications.objection(m, id)) as ObjectionRow);
    });
  }

  async objections(_actor: Actor, callId: string): Promise<ObjectionView[]> {
    if (!(await this.calls.find(this.db.manager, callId))) throw notFound();
    return (await this.applications.objections(this.db.manager, { callId })).map(toObjectionView);
  }

  async answerObjection(actor: Actor, id: string, dto: AnswerObjectionRequest): Promise<ObjectionView> {
    return this.db.transaction(async (m) => {
      const row = await this.applications.objection(m, id, true);
      if (!row) throw notFound();
      if (row.state !== 'filed') throw rule(actor.locale, 'already_submitted');
      await this.applications.answerObjection(m, id, dto.outcome, dto.answer, actor.userId);
      const app = (await this.applications.find(m, row.application_id)) as ApplicationRow;
      await this.audit.record(m, auditOf(actor), {
        action: 'recruitment.objection.answer',
        entityType: 'recruitment_objection',
        entityId: id,
        before: { state: row.state },
        after: dto,
      });
      await this.notifications.notify(m, [
        {
          recipientId: app.applicant_id,
          kind: OBJECTION_ANSWERED,
          subject: { type: 'recruitment_application', id: app.id },
          values: (locale) => ({ call: app.call_title[locale] }),
        },
      ]);
      return toObjectionView((await this.applications.objection(m, id)) as typeof row);
    });
  }

  private aggregate(call: CallRow, sheets: AssignmentRow[]) {
    if (!call.rubric) return null;
    return aggregateApplication(
      call.rubric,
      sheets
        .filter((s) => s.submitted_at !== null)
        .map((s) => ({
          reviewerId: s.reviewer_id,
          scores: s.scores,
          comments: s.comments,
          overallComment: s.overall_comment,
        })),
      call.aggregation,
    );
  }
}
