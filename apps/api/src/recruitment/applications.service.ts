import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APPLICATION_FILE_OWNER,
  type ApplicationDetail,
  type ApplicationListQuery,
  type ApplicationSummary,
  type CreateApplicationRequest,
  type DecideApplicationRequest,
  type FormAnswers,
  type Page,
  type RequestSupplementRequest,
  type SaveAnswersRequest,
  type ScreenApplicationRequest,
  type SupplementView,
} from '@madang/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../core/actor';
import { forbidden, invalidField, notFound } from '../core/domain-error';
import { pageOf } from '../core/pagination';
import { AuditService } from '../platform/audit/audit.service';
import { FilesService } from '../platform/files/files.service';
import { NotificationsService } from '../platform/notifications/notifications.service';
import { canEditApplication, canReadApplication } from './application-access';
import { ApplicationRow, ApplicationsRepository } from './applications.repository';
import { CallsRepository } from './calls.repository';
import { recruitmentRule, rule, withRecruitmentDbRules } from './recruitment-errors';
import { checkAnswers, fileIdsOf, formFields, phaseIndex, type RuleProblem } from './recruitment-rules';
import { auditOf, toApplicationDetail, toApplicationSummary, toSupplementView } from './recruitment-views';

export const SUPPLEMENT_REQUESTED = 'recruitment.supplement_requested';
export const APPLICATION_SCREENED = 'recruitment.screened';

/** Applications: drafts, files, submission before the deadline, withdrawal, supplements, screening, decisions. */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly calls: CallsRepository,
    private readonly files: FilesService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async create(actor: Actor, callId: string, dto: CreateApplicationRequest): Promise<ApplicationDetail> {
    const id = await withRecruitmentDbRules(actor.locale, () =>
      this.db.transaction(async (m) => {
        const call = await this.calls.find(m, callId);
        if (!call || call.phase === 'draft') throw notFound();
        if (call.phase !== 'open') throw rule(actor.locale, 'phase_not_open');
        if (Date.now() > call.deadline.getTime()) throw rule(actor.locale, 'deadline_passed');
        if (!actor.groups.some((g) => g.id === dto.groupId && g.isManager))
          throw rule(actor.locale, 'not_group_manager', 'groupId');
        const form = await this.calls.latestForm(m, callId);
        if (!form) throw rule(actor.locale, 'phase_not_open');
        const answers = dto.answers ?? {};
        this.assertAnswers(actor, checkAnswers(form.sections, answers, { complete: false }));
        if (fileIdsOf(form.sections, answers).length > 0) throw rule(actor.locale, 'file_not_of_application');
        const id = await this.applications.insert(m, {
          callId,
          formId: form.id,
          groupId: dto.groupId,
          applicantId: actor.userId,
          answers,
        });
        await this.audit.record(m, auditOf(actor), {
          action: 'recruitment.application.create',
          entityType: 'recruitment_application',
          entityId: id,
          after: { callId, groupId: dto.groupId },
        });
        return id;
      }),
    );
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string, m: EntityManager = this.db.manager): Promise<ApplicationDetail> {
    const row = await this.applications.find(m, id);
    if (!row || !canReadApplication(actor, row)) throw notFound();
    return toApplicationDetail(
      row,
      await this.calls.form(m, row.form_id),
      await this.applications.supplements(m, id),
    );
  }

  async mine(actor: Actor): Promise<ApplicationSummary[]> {
    const rows = await this.applications.ofApplicant(
      this.db.manager,
      actor.userId,
      actor.groups.map((g) => g.id),
    );
    return rows.map(toApplicationSummary);
  }

  async ofCall(
    _actor: Actor,
    callId: string,
    query: ApplicationListQuery,
  ): Promise<Page<ApplicationSummary>> {
    if (!(await this.calls.find(this.db.manager, callId))) throw notFound();
    const page = pageOf(query);
    const { rows, total } = await this.applications.ofCall(
      this.db.manager,
      callId,
      { state: query.state, eligibility: query.eligibility },
      page,
    );
    return { items: rows.map(toApplicationSummary), total, ...page };
  }

  /** Saves a draft's answers (merged over the stored ones; `null` clears a field). */
  async saveAnswers(actor: Actor, id: string, dto: SaveAnswersRequest): Promise<ApplicationDetail> {
    await this.db.transaction(async (m) => {
      const row = await this.writable(m, actor, id);
      if (row.state !== 'draft') throw rule(actor.locale, 'not_editable');
      if (row.call_phase !== 'open' || Date.now() > row.call_deadline.getTime())
        throw rule(actor.locale, 'deadline_passed');
      const form = await this.calls.form(m, row.form_id);
      this.assertAnswers(actor, checkAnswers(form.sections, dto.answers, { complete: false }));
      await this.assertFiles(m, actor, id, fileIdsOf(form.sections, dto.answers));
      await this.applications.saveAnswers(m, id, merge(row.answers, dto.answers));
    });
    return this.get(actor, id);
  }

  /** Submits before the deadline (checked here to the second and again by the database). */
  async submit(actor: Actor, id: string): Promise<ApplicationDetail> {
    await withRecruitmentDbRules(actor.locale, () =>
      this.db.transaction(async (m) => {
        const row = await this.writable(m, actor, id);
        if (row.state !== 'draft') throw rule(actor.locale, 'already_submitted');
        const now = new Date();
        if (now.getTime() > row.call_deadline.getTime()) throw rule(actor.locale, 'deadline_passed');
        if (row.call_phase !== 'open') throw rule(actor.locale, 'phase_not_open');
        const form = await this.calls.form(m, row.form_id);
        this.assertAnswers(actor, checkAnswers(form.sections, {}, { complete: true, previous: row.answers }));
        await this.assertFiles(m, actor, id, fileIdsOf(form.sections, row.answers));
        await this.applications.submit(m, id, now);
        await this.audit.record(m, auditOf(actor), {
          action: 'recruitment.application.submit',
          entityType: 'recruitment_application',
          entityId: id,
          after: { submittedAt: now.toISOString(), formVersion: row.form_version },
        });
      }),
    );
    return this.get(actor, id);
  }

  async withdraw(actor: Actor, id: string): Promise<ApplicationDetail> {
    await this.db.transaction(async (m) => {
      const row = await this.writable(m, actor, id);
      if (row.state === 'withdrawn' || phaseIndex(row.call_phase) >= phaseIndex('final_results'))
        throw rule(actor.locale, 'not_editable');
      await this.applications.withdraw(m, id);
      await this.audit.record(m, auditOf(actor), {
        action: 'recruitment.application.withdraw',
        entityType: 'recruitment_application',
        entityId: id,
        before: { state: row.state },
        after: { state: 'withdrawn' },
      });
    });
    return this.get(actor, id);
  }

  async requestSupplement(actor: Actor, id: string, dto: RequestSupplementRequest): Promise<SupplementView> {
    return this.db.transaction(async (m) => {
      const row = await this.applications.find(m, id, true);
      if (!row) throw notFound();
      if (row.state !== 'submitted') throw rule(actor.locale, 'not_editable');
      if (Date.parse(dto.dueAt) <= Date.now()) throw invalidField('dueAt', 'invalid');
      const known = new Set(formFields((await this.calls.form(m, row.form_id)).sections).map((f) => f.id));
      dto.fieldIds.forEach((f, i) => {
        if (!known.has(f)) throw invalidField(`fieldIds.${i}`, 'invalid');
      });
      const supplement = await this.applications.insertSupplement(m, {
        applicationId: id,
        fieldIds: [...new Set(dto.fieldIds)],
        message: dto.message,
        dueAt: dto.dueAt,
        requestedBy: actor.userId,
      });
      await this.audit.record(m, auditOf(actor), {
        action: 'recruitment.supplement.request',
        entityType: 'recruitment_application',
        entityId: id,
        after: { supplementId: supplement.id, fieldIds: dto.fieldIds, dueAt: dto.dueAt },
      });
      await this.notifications.notify(m, [
        {
          recipientId: row.applicant_id,
          kind: SUPPLEMENT_REQUESTED,
          subject: { type: 'recruitment_application', id },
          values: (locale) => ({ call: row.call_title[locale], due: dto.dueAt }),
        },
      ]);
      return toSupplementView(supplement);
    });
  }

  /** Changes only the fields a supplement asked for, until its due date. */
  async saveSupplement(
    actor: Actor,
    supplementId: string,
    dto: SaveAnswersRequest,
  ): Promise<ApplicationDetail> {
    const applicationId = await this.db.transaction(async (m) => {
      const { row, supplement } = await this.openSupplement(m, actor, supplementId);
      const form = await this.calls.form(m, row.form_id);
      this.assertAnswers(
        actor,
        checkAnswers(form.sections, dto.answers, {
          complete: false,
          onlyFields: supplement.field_ids,
          previous: row.answers,
        }),
      );
      await this.assertFiles(m, actor, row.id, fileIdsOf(form.sections, dto.answers));
      await this.applications.saveAnswers(m, row.id, merge(row.answers, dto.answers));
      return row.id;
    });
    return this.get(actor, applicationId);
  }

  async submitSupplement(actor: Actor, supplementId: string): Promise<ApplicationDetail> {
    const applicationId = await this.db.transaction(async (m) => {
      const { row, supplement } = await this.openSupplement(m, actor, supplementId);
      const form = await this.calls.form(m, row.form_id);
      this.assertAnswers(actor, checkAnswers(form.sections, {}, { complete: true, previous: row.answers }));
      await this.applications.answerSupplement(m, supplement.id);
      await this.audit.record(m, auditOf(actor), {
        action: 'recruitment.supplement.answer',
        entityType: 'recruitment_application',
        entityId: row.id,
        after: { supplementId, answers: pick(row.answers, supplement.field_ids) },
      });
      return row.id;
    });
    return this.get(actor, applicationId);
  }

  async screen(actor: Actor, id: string, dto: ScreenApplicationRequest): Promise<ApplicationDetail> {
    const reasons = dto.reasons ?? [];
    if (!dto.eligible && reasons.length === 0) throw invalidField('reasons', 'required');
    await this.db.transaction(async (m) => {
      const row = await this.applications.find(m, id, true);
      if (!row) throw notFound();
      if (row.state !== 'submitted') throw rule(actor.locale, 'not_editable');
      if (
        phaseIndex(row.call_phase) < phaseIndex('closed') ||
        phaseIndex(row.call_phase) > phaseIndex('review_interview')
      )
        throw rule(actor.locale, 'phase_order', undefined, { from: row.call_phase, to: 'screening' });
      const eligibility = dto.eligible ? 'eligible' : 'ineligible';
      await this.applications.screen(m, id, eligibility, reasons, actor.userId);
      await this.audit.record(m, auditOf(actor), {
        action: 'recruitment.application.screen',
        entityType: 'recruitment_application',
        entityId: id,
        before: { eligibility: row.eligibility, reasons: row.eligibility_reasons },
        after: { eligibility, reasons },
      });
      await this.notifications.notify(m, [
        {
          recipientId: row.applicant_id,
          kind: APPLICATION_SCREENED,
          subject: { type: 'recruitment_application', id },
          values: (locale) => ({
            call: row.call_title[locale],
            result: dto.eligible
              ? locale === 'ko'
                ? '자격 요건 충족'
                : 'eligible'
              : locale === 'ko'
                ? '자격 요건 미충족'
                : 'not eligible',
          }),
        },
      ]);
    });
    return this.get(actor, id);
  }

  async decide(actor: Actor, id: string, dto: DecideApplicationRequest): Promise<ApplicationDetail> {
    await this.db.transaction(async (m) => {
      const row = await this.applications.find(m, id, true);
      if (!row) throw notFound();
      if (row.state !== 'submitted') throw rule(actor.locale, 'not_editable');
      if (row.eligibility !== 'eligible' && dto.decision !== 'not_selected')
        throw rule(actor.locale, 'not_eligible');
      if (
        phaseIndex(row.call_phase) < phaseIndex('review_document') ||
        phaseIndex(row.call_phase) > phaseIndex('objection_window')
      )
        throw rule(actor.locale, 'phase_order', undefined, { from: row.call_phase, to: 'decision' });
      await this.applications.decide(m, id, dto.decision, dto.rationale, actor.userId);
      await this.audit.record(m, auditOf(actor), {
        action: 'recruitment.application.decide',
        entityType: 'recruitment_application',
        entityId: id,
        before: { decision: row.decision, rationale: row.decision_rationale },
        after: dto,
      });
    });
    return this.get(actor, id);
  }

  // ── helpers ─────────────────────────────────────────────────────────────

  private async writable(m: EntityManager, actor: Actor, id: string): Promise<ApplicationRow> {
    const row = await this.applications.find(m, id, true);
    if (!row || !canReadApplication(actor, row)) throw notFound();
    if (!canEditApplication(actor, row)) throw forbidden();
    return row;
  }

  private async openSupplement(m: EntityManager, actor: Actor, supplementId: string) {
    const supplement = await this.applications.supplement(m, supplementId, true);
    if (!supplement) throw notFound();
    const row = await this.writable(m, actor, supplement.application_id);
    if (supplement.state !== 'requested') throw rule(actor.locale, 'already_submitted');
    if (supplement.due_at.getTime() < Date.now()) throw rule(actor.locale, 'supplement_overdue');
    return { row, supplement };
  }

  private assertAnswers(actor: Actor, problems: RuleProblem[]): void {
    if (problems.length) throw recruitmentRule(actor.locale, problems);
  }

  /** Every file named in the answers must be attached to this application. */
  private async assertFiles(m: EntityManager, actor: Actor, id: string, fileIds: string[]): Promise<void> {
    if (fileIds.length === 0) return;
    void m;
    const attached = new Set((await this.files.idsOf(APPLICATION_FILE_OWNER, [id])).get(id) ?? []);
    if (fileIds.some((f) => !attached.has(f))) throw rule(actor.locale, 'file_not_of_application');
  }
}

function merge(previous: FormAnswers, changes: FormAnswers): FormAnswers {
  const next: FormAnswers = { ...previous };
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) delete next[k];
    else next[k] = v;
  }
  return next;
}

function pick(answers: FormAnswers, ids: readonly string[]): FormAnswers {
  const out: FormAnswers = {};
  for (const id of ids) if (answers[id] !== undefined) out[id] = answers[id];
  return out;
}
