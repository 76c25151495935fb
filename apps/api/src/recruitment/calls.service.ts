import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CALL_PHASE_LABELS,
  PERMISSIONS,
  RESULT_PHASES,
  type CallDetail,
  type CallFormView,
  type CallListQuery,
  type CallPhase,
  type CallSummary,
  type CreateCallRequest,
  type MovePhaseRequest,
  type Page,
  type PublicCallDetail,
  type PublicCallQuery,
  type PublicCallSummary,
  type RubricView,
  type SaveFormRequest,
  type SaveRubricRequest,
  type SetScheduleRequest,
  type UpdateCallRequest,
} from '@madang/contracts';
import { validateRubric } from '@madang/review';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { can, type Actor } from '../core/actor';
import { DomainError, invalidField, notFound } from '../core/domain-error';
import { pageOf } from '../core/pagination';
import { AuditService } from '../platform/audit/audit.service';
import { NotificationsService } from '../platform/notifications/notifications.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { ApplicationsRepository } from './applications.repository';
import { CallRow, CallsRepository } from './calls.repository';
import { recruitmentRule, rule } from './recruitment-errors';
import { canMove, checkForm, checkSchedule, duePhases, phaseIndex } from './recruitment-rules';
import {
  auditOf,
  offerOf,
  toCallDetail,
  toCallSummary,
  toFormView,
  toPublicSummary,
  toRubricView,
} from './recruitment-views';

export const PHASE_MOVED = 'recruitment.phase_moved';

/** Calls: texts, offer, dated phases and their moves, forms, rubric; and the public pages. */
@Injectable()
export class CallsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calls: CallsRepository,
    private readonly applications: ApplicationsRepository,
    private readonly catalogue: CatalogueService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  private get zone(): string {
    return this.config.MADANG_TIMEZONE;
  }

  async create(actor: Actor, dto: CreateCallRequest): Promise<CallDetail> {
    const offer = offerOf(dto.offer);
    const schedule = dto.schedule ?? {};
    await this.checkOffer(actor, offer.assetIds, offer.termStart, offer.termEnd);
    const problems = checkSchedule(schedule, dto.deadline);
    if (problems.length) throw recruitmentRule(actor.locale, problems);
    const id = await this.withBudgetLine(() =>
      this.db.transaction(async (m) => {
        const id = await this.calls.insert(m, {
          kind: dto.kind,
          title: dto.title,
          summary: dto.summary,
          body: dto.body,
          eligibility: dto.eligibility,
          offer,
          schedule,
          deadline: dto.deadline,
          blind: dto.blind ?? false,
          hasInterview: dto.hasInterview ?? false,
          aggregation: dto.aggregation ?? 'mean',
          reviewersPerApplication: dto.reviewersPerApplication ?? 2,
          budgetLineId: dto.budgetLineId ?? null,
          createdBy: actor.userId,
        });
        await this.audit.record(m, auditOf(actor), {
          action: 'recruitment.call.create',
          entityType: 'recruitment_call',
          entityId: id,
          after: { kind: dto.kind, title: dto.title, deadline: dto.deadline, offer },
        });
        return id;
      }),
    );
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, dto: UpdateCallRequest): Promise<CallDetail> {
    await this.withBudgetLine(() =>
      this.db.transaction(async (m) => {
        const row = await this.mustFind(m, id, true);
        if (dto.kind !== undefined && dto.kind !== row.kind) throw invalidField('kind', 'invalid');
        const closed = phaseIndex(row.phase) >= phaseIndex('closed');
        if (closed && (dto.offer !== undefined || dto.deadline !== undefined || dto.blind !== undefined))
          throw rule(actor.locale, 'form_locked');
        const offer = dto.offer ? offerOf(dto.offer) : row.offer;
        if (dto.offer) await this.checkOffer(actor, offer.assetIds, offer.termStart, offer.termEnd);
        const deadline = dto.deadline ?? row.deadline.toISOString();
        const schedule = dto.schedule ?? row.schedule;
        const problems = checkSchedule(schedule, deadline);
        if (problems.length) throw recruitmentRule(actor.locale, problems);
        await this.calls.update(m, id, {
          title: dto.title ?? row.title,
          summary: dto.summary ?? row.summary,
          body: dto.body ?? row.body,
          eligibility: dto.eligibility ?? row.eligibility,
          offer,
          schedule,
          deadline,
          blind: dto.blind ?? row.blind,
          hasInterview: dto.hasInterview ?? row.has_interview,
          aggregation: dto.aggregation ?? row.aggregation,
          reviewersPerApplication: dto.reviewersPerApplication ?? row.reviewers_per_application,
          budgetLineId: dto.budgetLineId === undefined ? row.budget_line_id : dto.budgetLineId,
        });
        await this.audit.record(m, auditOf(actor), {
          action: 'recruitment.call.update',
          entityType: 'recruitment_call',
          entityId: id,
          before: { title: row.title, deadline: row.deadline, offer: row.offer, schedule: row.schedule },
          after: dto,
        });
      }),
    );
    return this.get(actor, id);
  }

  async setSchedule(actor: Actor, id: string, dto: SetScheduleRequest): Promise<CallDetail> {
    await this.db.transaction(async (m) => {
      const row = await this.mustFind(m, id, true);
      const deadline = dto.deadline ?? row.deadline.toISOString();
      const problems = checkSchedule(dto.schedule, deadline);
      if (problems.length) throw recruitmentRule(actor.locale, problems);
      await this.calls.setSchedule(m, id, dto.schedule, deadline);
      await this.audit.record(m, auditOf(actor), {
        action: 'recruitment.call.schedule',
        entityType: 'recruitment_call',
        entityId: id,
        before: { schedule: row.schedule, deadline: row.deadline },
        after: { schedule: dto.schedule, deadline },
      });
    });
    return this.get(actor, id);
  }

  /** A move by hand, to the next phase only; audited and announced. */
  async movePhase(actor: Actor, id: string, dto: MovePhaseRequest): Promise<CallDetail> {
    await this.db.transaction(async (m) => {
      const row = await this.mustFind(m, id, true);
      if (!canMove(row.phase, dto.to, row.has_interview))
        throw rule(actor.locale, 'phase_order', 'to', { from: row.phase, to: dto.to });
      if (dto.to === 'open' && !(await this.calls.latestForm(m, id)))
        throw rule(actor.locale, 'phase_order', 'to', { from: row.phase, to: dto.to });
      await this.move(m, actor, row, dto.to, dto.reason ?? null);
    });
    return this.get(actor, id);
  }

  /** The scheduled job: every call whose next phases' dates have come moves (each step audited). */
  async moveDuePhases(now: Date = new Date()): Promise<number> {
    let moved = 0;
    for (const { id } of await this.calls.movable(this.db.manager)) {
      moved += await this.db.transaction(async (m) => {
        const row = await this.mustFind(m, id, true);
        let current = row;
        let count = 0;
        for (const to of duePhases(row.phase, row.schedule, row.has_interview, now)) {
          if (to === 'open' && !(await this.calls.latestForm(m, id))) break;
          await this.move(m, null, current, to, null);
          current = { ...current, phase: to };
          count++;
        }
        return count;
      });
    }
    return moved;
  }

  private async move(
    m: EntityManager,
    actor: Actor | null,
    row: CallRow,
    to: CallPhase,
    reason: string | null,
  ): Promise<void> {
    await this.calls.setPhase(m, row.id, to, RESULT_PHASES.includes(to));
    await this.calls.insertMove(m, {
      callId: row.id,
      from: row.phase,
      to,
      by: actor?.userId ?? null,
      reason,
    });
    await this.audit.record(m, auditOf(actor), {
      action: 'recruitment.call.phase',
      entityType: 'recruitment_call',
      entityId: row.id,
      before: { phase: row.phase },
      after: { phase: to, reason },
    });
    const { rows } = await this.applications.ofCall(m, row.id, { submittedOnly: true });
    const reviewers = await this.calls.reviewers(m, row.id);
    const recipients = new Set([...rows.map((a) => a.applicant_id), ...reviewers.map((r) => r.user_id)]);
    await this.notifications.notify(
      m,
      [...recipients].map((recipientId) => ({
        recipientId,
        kind: PHASE_MOVED,
        subject: { type: 'recruitment_call', id: row.id },
        values: (locale) => ({ call: row.title[locale], phase: CALL_PHASE_LABELS[to][locale] }),
      })),
    );
  }

  async get(actor: Actor, id: string): Promise<CallDetail> {
    const row = await this.calls.find(this.db.manager, id);
    if (!row || (row.phase === 'draft' && !can(actor, PERMISSIONS.RECRUITMENT_MANAGE))) throw notFound();
    return toCallDetail(row, await this.calls.moves(this.db.manager, id), this.zone);
  }

  async list(_actor: Actor, query: CallListQuery): Promise<Page<CallSummary>> {
    const page = pageOf(query);
    const { rows, total } = await this.calls.list(
      this.db.manager,
      { phases: query.phase ? [query.phase] : undefined, kind: query.kind },
      page,
    );
    return { items: rows.map((r) => toCallSummary(r, this.zone)), total, ...page };
  }

  async form(actor: Actor, callId: string): Promise<CallFormView> {
    const row = await this.calls.find(this.db.manager, callId);
    if (!row || (row.phase === 'draft' && !can(actor, PERMISSIONS.RECRUITMENT_MANAGE))) throw notFound();
    const form = await this.calls.latestForm(this.db.manager, callId);
    if (!form) throw notFound();
    return toFormView(form);
  }

  /** Saves a new form version; submitted applications keep theirs. Refused once the call has closed. */
  async saveForm(actor: Actor, callId: string, dto: SaveFormRequest): Promise<CallFormView> {
    const problems = checkForm(dto.sections);
    if (problems.length) throw recruitmentRule(actor.locale, problems);
    return this.db.transaction(async (m) => {
      const row = await this.mustFind(m, callId, true);
      if (phaseIndex(row.phase) >= phaseIndex('closed')) throw rule(actor.locale, 'form_locked');
      const form = await this.calls.insertForm(m, callId, dto.sections);
      await this.audit.record(m, auditOf(actor), {
        action: 'recruitment.form.save',
        entityType: 'recruitment_call',
        entityId: callId,
        after: { version: form.version },
      });
      return toFormView(form);
    });
  }

  async rubric(actor: Actor, callId: string): Promise<RubricView> {
    const row = await this.calls.find(this.db.manager, callId);
    if (!row || (row.phase === 'draft' && !can(actor, PERMISSIONS.RECRUITMENT_MANAGE))) throw notFound();
    return toRubricView(row);
  }

  async saveRubric(actor: Actor, callId: string, dto: SaveRubricRequest): Promise<RubricView> {
    const rubric = { criteria: dto.criteria, overallCommentRequired: dto.overallCommentRequired ?? false };
    const problems = validateRubric(rubric);
    if (problems.length)
      throw new DomainError(
        'recruitment_rule',
        {
          violations: problems.map((p) => ({
            code: 'rubric_invalid',
            field: p.field,
            message: p.message[actor.locale],
          })),
        },
        {},
        problems.map((p) => ({ field: p.field, code: 'invalid' as const })),
      );
    const ids = new Set(dto.criteria.map((c) => c.id));
    (dto.tieBreaks ?? []).forEach((t, i) => {
      if (t.kind === 'criterion' && !ids.has(t.criterionId))
        throw invalidField(`tieBreaks.${i}.criterionId`, 'invalid');
    });
    await this.db.transaction(async (m) => {
      const row = await this.mustFind(m, callId, true);
      if (phaseIndex(row.phase) >= phaseIndex('review_document')) throw rule(actor.locale, 'form_locked');
      await this.calls.setRubric(m, callId, rubric, dto.tieBreaks ?? []);
      await this.audit.record(m, auditOf(actor), {
        action: 'recruitment.rubric.save',
        entityType: 'recruitment_call',
        entityId: callId,
        before: row.rubric,
        after: rubric,
      });
    });
    return this.rubric(actor, callId);
  }

  // ── public ──────────────────────────────────────────────────────────────

  async publicList(query: PublicCallQuery): Promise<Page<PublicCallSummary>> {
    const page = pageOf(query);
    const phases: CallPhase[] | undefined =
      query.scope === 'open'
        ? ['open']
        : query.scope === 'past'
          ? [...RESULT_PHASES]
          : query.scope === 'current'
            ? ['open', 'closed', 'screening', 'review_document', 'review_interview']
            : undefined;
    const { rows, total } = await this.calls.list(this.db.manager, { phases, notDraft: true }, page);
    return { items: rows.map((r) => toPublicSummary(r, this.zone)), total, ...page };
  }

  /** A call's public page: no person is named; results (group names) once published. */
  async publicDetail(id: string): Promise<PublicCallDetail> {
    const row = await this.calls.find(this.db.manager, id);
    if (!row || row.phase === 'draft') throw notFound();
    const rooms = await this.catalogue.forRules(row.offer.assetIds);
    const published = RESULT_PHASES.includes(row.phase) && row.results_published_at !== null;
    let results: PublicCallDetail['results'] = null;
    if (published) {
      const final = phaseIndex(row.phase) >= phaseIndex('final_results');
      const { rows: apps } = await this.applications.ofCall(this.db.manager, row.id, { submittedOnly: true });
      const entry = (name: string) => ({ groupName: name, rank: null });
      results = {
        final,
        publishedAt: (row.results_published_at as Date).toISOString(),
        selected: apps.filter((a) => a.decision === 'selected').map((a) => entry(a.group_name)),
        reserve: final ? apps.filter((a) => a.decision === 'reserve').map((a) => entry(a.group_name)) : [],
      };
    }
    return {
      ...toPublicSummary(row, this.zone),
      body: row.body,
      eligibility: row.eligibility,
      schedule: row.schedule,
      rooms: rooms.map((r) => ({ assetId: r.id, name: r.name.ko })),
      seatCount: row.offer.seatCount,
      monthlyFee: row.offer.monthlyFee,
      deposit: row.offer.deposit,
      results,
    };
  }

  // ── helpers ─────────────────────────────────────────────────────────────

  async mustFind(m: EntityManager, id: string, lock = false): Promise<CallRow> {
    const row = await this.calls.find(m, id, lock);
    if (!row) throw notFound();
    return row;
  }

  private async checkOffer(
    actor: Actor,
    assetIds: string[],
    termStart: string,
    termEnd: string,
  ): Promise<void> {
    if (termEnd < termStart) throw invalidField('offer.termEnd', 'invalid');
    if (assetIds.length === 0) return;
    const found = new Set((await this.catalogue.forRules(assetIds)).map((a) => a.id));
    const missing = assetIds.findIndex((id) => !found.has(id));
    if (missing >= 0) throw invalidField(`offer.assetIds.${missing}`, 'invalid');
    void actor;
  }

  /** An unknown budget line is a 400 naming the field, not a foreign-key 500. */
  private async withBudgetLine<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { constraint?: string }).constraint === 'recruitment_calls_budget_line_id_fkey'
      )
        throw invalidField('budgetLineId', 'invalid');
      throw error;
    }
  }
}
