import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PERMISSIONS,
  type AddObligationRequest,
  type AgreementConflictView,
  type AgreementListQuery,
  type AgreementView,
  type CompleteObligationRequest,
  type CreateAgreementRequest,
  type ObligationInput,
  type ObligationView,
  type Page,
  type UpdateAgreementRequest,
} from '@madang/contracts';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { BookingBlocksService } from '../bookings/blocks/booking-blocks.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { AppConfig } from '../config/app-config';
import { can, type Actor } from '../core/actor';
import { invalidField, notFound } from '../core/domain-error';
import { pageOf } from '../core/pagination';
import { AuditService } from '../platform/audit/audit.service';
import { NotificationsService } from '../platform/notifications/notifications.service';
import { IncomeService } from '../settlement/income.service';
import { AgreementRow, AgreementsRepository, AgreementTerms, ObligationRow } from './agreements.repository';
import { ApplicationsRepository } from './applications.repository';
import { CallRow, CallsRepository } from './calls.repository';
import { rule, withRecruitmentDbRules } from './recruitment-errors';
import { phaseIndex } from './recruitment-rules';
import { auditOf, isoOrNull } from './recruitment-views';

export const AGREEMENT_SIGNED = 'recruitment.agreement_signed';
export const OBLIGATION_DUE = 'recruitment.obligation_due';

/** A block spans at most 731 days (booking engine); longer terms are blocked in consecutive pieces. */
const BLOCK_PIECE_DAYS = 730;

/**
 * The windows that block an agreement's rooms for its term: from the first day's midnight to the
 * midnight after the last day, in the centre's time zone, cut in pieces the booking engine accepts.
 */
export function termWindows(
  termStart: string,
  termEnd: string,
  zone: string,
): { start: string; end: string }[] {
  const windows: { start: string; end: string }[] = [];
  const last = DateTime.fromISO(termEnd, { zone }).plus({ days: 1 }).startOf('day');
  let cursor = DateTime.fromISO(termStart, { zone }).startOf('day');
  while (cursor < last) {
    const next = DateTime.min(cursor.plus({ days: BLOCK_PIECE_DAYS }), last);
    windows.push({ start: cursor.toISO() as string, end: next.toISO() as string });
    cursor = next;
  }
  return windows;
}

/** Agreements: from selection to signature (rooms blocked, privileges granted, rent scheduled) and obligations. */
@Injectable()
export class AgreementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly agreements: AgreementsRepository,
    private readonly applications: ApplicationsRepository,
    private readonly calls: CallsRepository,
    private readonly blocks: BookingBlocksService,
    private readonly income: IncomeService,
    private readonly catalogue: CatalogueService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  private today(): string {
    return DateTime.now().setZone(this.config.MADANG_TIMEZONE).toISODate() as string;
  }

  async create(actor: Actor, applicationId: string, dto: CreateAgreementRequest): Promise<AgreementView> {
    const id = await withRecruitmentDbRules(actor.locale, () =>
      this.db.transaction(async (m) => {
        const app = await this.applications.find(m, applicationId, true);
        if (!app) throw notFound();
        if (app.decision !== 'selected' || app.state !== 'submitted')
          throw rule(actor.locale, 'not_selected');
        if (phaseIndex(app.call_phase) < phaseIndex('final_results'))
          throw rule(actor.locale, 'phase_order', undefined, { from: app.call_phase, to: 'agreements' });
        const call = (await this.calls.find(m, app.call_id)) as CallRow;
        const terms = await this.terms(actor, m, dto, {
          termStart: call.offer.termStart,
          termEnd: call.offer.termEnd,
          assetIds: call.offer.assetIds,
          seatCount: call.offer.seatCount,
          monthlyFee: call.offer.monthlyFee,
          deposit: call.offer.deposit,
          renewalOn: null,
        });
        const id = await this.agreements.insert(m, {
          ...terms,
          callId: call.id,
          applicationId,
          groupId: app.group_id,
          createdBy: actor.userId,
        });
        for (const o of dto.obligations ?? []) await this.addObligationRow(m, id, o);
        await this.audit.record(m, auditOf(actor), {
          action: 'recruitment.agreement.create',
          entityType: 'recruitment_agreement',
          entityId: id,
          after: { applicationId, ...terms },
        });
        return id;
      }),
    );
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, dto: UpdateAgreementRequest): Promise<AgreementView> {
    await this.db.transaction(async (m) => {
      const row = await this.mustFind(m, id, true);
      if (row.state !== 'draft') throw rule(actor.locale, 'agreement_not_draft');
      const terms = await this.terms(actor, m, dto, termsOf(row));
      await this.agreements.update(m, id, terms);
      for (const o of dto.obligations ?? []) await this.addObligationRow(m, id, o);
      await this.audit.record(m, auditOf(actor), {
        action: 'recruitment.agreement.update',
        entityType: 'recruitment_agreement',
        entityId: id,
        before: termsOf(row),
        after: terms,
      });
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<AgreementView> {
    const row = await this.agreements.find(this.db.manager, id);
    if (!row || !this.mayRead(actor, row)) throw notFound();
    return this.view(this.db.manager, row);
  }

  async list(_actor: Actor, query: AgreementListQuery): Promise<Page<AgreementView>> {
    const page = pageOf(query);
    const { rows, total } = await this.agreements.list(this.db.manager, query.state, page);
    const items: AgreementView[] = [];
    for (const row of rows) items.push(await this.view(this.db.manager, row));
    return { items, total, ...page };
  }

  /** What blocking the rooms for the term would collide with, listed before signing. */
  async conflicts(actor: Actor, id: string): Promise<AgreementConflictView[]> {
    const row = await this.mustFind(this.db.manager, id);
    return this.collisions(this.db.manager, actor, row);
  }

  /**
   * Signs: blocks the rooms for the term (the database refuses an overlap: 409 `slot_taken` with the
   * conflicts), grants the group its privileges for the term, schedules the rent on the call's
   * budget line — all in one transaction. A partner-space call's space then joins the catalogue.
   */
  async sign(actor: Actor, id: string): Promise<AgreementView> {
    const call = await this.db.transaction(async (m) => {
      const row = await this.mustFind(m, id, true);
      if (row.state !== 'draft') throw rule(actor.locale, 'agreement_not_draft');
      const call = (await this.calls.find(m, row.call_id)) as CallRow;
      const blockIds: string[] = [];
      if (row.asset_ids.length > 0)
        for (const w of termWindows(row.term_start, row.term_end, this.config.MADANG_TIMEZONE)) {
          const block = await this.blocks.createBlock(
            actor,
            {
              assetIds: row.asset_ids,
              start: w.start,
              end: w.end,
              reason: 'residency',
              note: `${row.group_name} — ${call.title.ko}`.slice(0, 500),
              source: { type: 'agreement', id: row.id },
            },
            m,
          );
          blockIds.push(block.id);
        }
      for (const tag of call.offer.privileges.tags)
        await this.agreements.insertPrivilege(m, {
          groupId: row.group_id,
          tag,
          extraAdvanceDays: call.offer.privileges.extraAdvanceDays,
          sourceId: row.id,
          startsOn: row.term_start,
          endsOn: row.term_end,
        });
      let rentScheduleId: string | null = null;
      if (call.budget_line_id && Number(row.monthly_fee) > 0) {
        const schedule = await this.income.scheduleRent(
          actor,
          {
            agreementId: row.id,
            budgetLineId: call.budget_line_id,
            monthlyAmount: Number(row.monthly_fee),
            startsOn: row.term_start,
            endsOn: row.term_end,
          },
          m,
        );
        rentScheduleId = schedule.id;
      }
      await this.agreements.sign(m, id, { by: actor.userId, blockIds, rentScheduleId });
      await this.audit.record(m, auditOf(actor), {
        action: 'recruitment.agreement.sign',
        entityType: 'recruitment_agreement',
        entityId: id,
        before: { state: row.state },
        after: { state: 'signed', blockIds, rentScheduleId, privileges: call.offer.privileges },
      });
      const managers = await this.agreements.groupManagers(m, row.group_id);
      await this.notifications.notify(
        m,
        managers.map((recipientId) => ({
          recipientId,
          kind: AGREEMENT_SIGNED,
          subject: { type: 'recruitment_agreement', id },
          values: (locale) => ({ call: call.title[locale], from: row.term_start, to: row.term_end }),
        })),
      );
      return call;
    });
    if (call.kind === 'partner_space' && call.offer.partnerCategoryId)
      await this.addPartnerAsset(actor, id, call);
    return this.get(actor, id);
  }

  /** The selected partner space joins the catalogue as a bookable asset of the call's category. */
  private async addPartnerAsset(actor: Actor, id: string, call: CallRow): Promise<void> {
    const row = await this.mustFind(this.db.manager, id);
    if (row.partner_asset_id) return;
    const asset = await this.catalogue.createAsset(actor, {
      categoryId: call.offer.partnerCategoryId as string,
      kind: 'space',
      name: { ko: `${row.group_name} 협력 공간`, en: `${row.group_name} partner space` },
      description: { ko: call.title.ko, en: call.title.en },
      capacity: null,
      poolSize: null,
      location: row.group_name,
      amenities: [],
      accessibility: [],
    });
    await this.db.transaction(async (m) => {
      await this.agreements.setPartnerAsset(m, id, asset.id);
      await this.audit.record(m, auditOf(actor), {
        action: 'recruitment.agreement.partner_asset',
        entityType: 'recruitment_agreement',
        entityId: id,
        after: { assetId: asset.id, groupId: row.group_id },
      });
    });
  }

  async addObligation(actor: Actor, agreementId: string, dto: AddObligationRequest): Promise<ObligationView> {
    return this.db.transaction(async (m) => {
      const row = await this.mustFind(m, agreementId, true);
      if (row.state === 'cancelled' || row.state === 'ended') throw rule(actor.locale, 'agreement_not_draft');
      const oid = await this.addObligationRow(m, agreementId, dto);
      await this.audit.record(m, auditOf(actor), {
        action: 'recruitment.obligation.add',
        entityType: 'recruitment_agreement',
        entityId: agreementId,
        after: { obligationId: oid, ...dto },
      });
      return this.obligationView((await this.agreements.obligation(m, oid)) as ObligationRow);
    });
  }

  async completeObligation(
    actor: Actor,
    id: string,
    dto: CompleteObligationRequest,
  ): Promise<ObligationView> {
    return this.db.transaction(async (m) => {
      const o = await this.agreements.obligation(m, id, true);
      const manage = can(actor, PERMISSIONS.RECRUITMENT_MANAGE);
      if (!o || (!manage && !actor.groups.some((g) => g.id === o.group_id))) throw notFound();
      if (!manage && !actor.groups.some((g) => g.id === o.group_id && g.isManager))
        throw rule(actor.locale, 'not_group_manager');
      if (o.state === 'done') throw rule(actor.locale, 'already_submitted');
      await this.agreements.completeObligation(m, id, actor.userId, dto.note?.trim() || null);
      await this.audit.record(m, auditOf(actor), {
        action: 'recruitment.obligation.complete',
        entityType: 'recruitment_obligation',
        entityId: id,
        after: { note: dto.note ?? null },
      });
      return this.obligationView((await this.agreements.obligation(m, id)) as ObligationRow);
    });
  }

  async overdue(_actor: Actor): Promise<ObligationView[]> {
    return (await this.agreements.overdue(this.db.manager, this.today())).map((o) => this.obligationView(o));
  }

  /** The daily job: reminds the group's managers of obligations whose reminder day has come (once each). */
  async remindDueObligations(): Promise<number> {
    return this.db.transaction(async (m) => {
      const due = await this.agreements.takeDueReminders(m, this.today());
      for (const o of due) {
        const managers = await this.agreements.groupManagers(m, o.group_id);
        await this.notifications.notify(
          m,
          managers.map((recipientId) => ({
            recipientId,
            kind: OBLIGATION_DUE,
            subject: { type: 'recruitment_agreement', id: o.agreement_id },
            values: () => ({ title: o.title, due: o.due_on }),
          })),
        );
      }
      return due.length;
    });
  }

  // ── helpers ─────────────────────────────────────────────────────────────

  private mayRead(actor: Actor, row: AgreementRow): boolean {
    return can(actor, PERMISSIONS.RECRUITMENT_MANAGE) || actor.groups.some((g) => g.id === row.group_id);
  }

  private async mustFind(m: EntityManager, id: string, lock = false): Promise<AgreementRow> {
    const row = await this.agreements.find(m, id, lock);
    if (!row) throw notFound();
    return row;
  }

  private async terms(
    actor: Actor,
    m: EntityManager,
    dto: CreateAgreementRequest,
    base: AgreementTerms,
  ): Promise<AgreementTerms> {
    const terms: AgreementTerms = {
      termStart: dto.termStart ?? base.termStart,
      termEnd: dto.termEnd ?? base.termEnd,
      assetIds: dto.assetIds ? [...new Set(dto.assetIds)] : base.assetIds,
      seatCount: dto.seatCount === undefined ? base.seatCount : dto.seatCount,
      monthlyFee: dto.monthlyFee ?? base.monthlyFee,
      deposit: dto.deposit ?? base.deposit,
      renewalOn: dto.renewalOn === undefined ? base.renewalOn : dto.renewalOn,
    };
    if (terms.termEnd < terms.termStart) throw invalidField('termEnd', 'invalid');
    if (terms.assetIds.length > 0) {
      const found = new Set((await this.catalogue.forRules(terms.assetIds, m)).map((a) => a.id));
      const missing = terms.assetIds.findIndex((a) => !found.has(a));
      if (missing >= 0) throw invalidField(`assetIds.${missing}`, 'invalid');
    }
    void actor;
    return terms;
  }

  private async addObligationRow(m: EntityManager, agreementId: string, o: ObligationInput): Promise<string> {
    return this.agreements.insertObligation(m, {
      agreementId,
      title: typeof o.title === 'string' ? o.title : `${o.title.ko} / ${o.title.en}`,
      dueOn: o.dueOn,
      remindDaysBefore: o.remindDaysBefore ?? 7,
    });
  }

  private async collisions(
    m: EntityManager,
    actor: Actor,
    row: AgreementRow,
  ): Promise<AgreementConflictView[]> {
    if (row.asset_ids.length === 0 || row.state !== 'draft') return [];
    const out: AgreementConflictView[] = [];
    for (const w of termWindows(row.term_start, row.term_end, this.config.MADANG_TIMEZONE)) {
      const found = await this.blocks.checkBlock(
        { assetIds: row.asset_ids, start: w.start, end: w.end, reason: 'residency' },
        m,
      );
      for (const c of found)
        out.push({
          assetId: c.assetId,
          assetName: c.assetName[actor.locale],
          bookingId: c.bookingId,
          start: c.start,
          end: c.end,
          state: c.kind === 'block' ? `block:${c.blockReason ?? 'other'}` : 'booking',
        });
    }
    return out;
  }

  private obligationView(o: ObligationRow): ObligationView {
    return {
      id: o.id,
      agreementId: o.agreement_id,
      groupName: o.group_name,
      title: o.title,
      dueOn: o.due_on,
      state: o.state,
      overdue: o.state === 'open' && o.due_on < this.today(),
      completedAt: isoOrNull(o.completed_at),
      note: o.note,
    };
  }

  private async view(m: EntityManager, row: AgreementRow): Promise<AgreementView> {
    return {
      id: row.id,
      callId: row.call_id,
      callTitle: row.call_title,
      applicationId: row.application_id,
      groupId: row.group_id,
      groupName: row.group_name,
      parties: { centre: '제주사회혁신센터 / Center for Social Connectivity of Jeju', group: row.group_name },
      state: row.state,
      termStart: row.term_start,
      termEnd: row.term_end,
      assetIds: row.asset_ids,
      seatCount: row.seat_count,
      monthlyFee: Number(row.monthly_fee),
      deposit: Number(row.deposit),
      renewalOn: row.renewal_on,
      obligations: (await this.agreements.obligations(m, row.id)).map((o) => this.obligationView(o)),
      signedAt: isoOrNull(row.signed_at),
      signedBy: row.signed_by,
      blockIds: row.block_ids,
      rentScheduleId: row.rent_schedule_id,
      partnerAssetId: row.partner_asset_id,
      createdAt: row.created_at.toISOString(),
    };
  }
}

function termsOf(row: AgreementRow): AgreementTerms {
  return {
    termStart: row.term_start,
    termEnd: row.term_end,
    assetIds: row.asset_ids,
    seatCount: row.seat_count,
    monthlyFee: Number(row.monthly_fee),
    deposit: Number(row.deposit),
    renewalOn: row.renewal_on,
  };
}
