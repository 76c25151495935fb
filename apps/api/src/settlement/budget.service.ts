import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AmendmentView,
  BudgetCategoryView,
  BudgetLineView,
  CreateAmendmentRequest,
  CreateBudgetLineRequest,
  CreateProgrammeRequest,
  ExecutionFigures,
  ExecutionView,
  ProgrammeView,
  UpdateProgrammeRequest,
} from '@madang/contracts';
import { sumWon, wonFromDb } from '@madang/money';
import { aggregateSettlement, finish } from '@madang/settlement';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../platform/audit/audit.service';
import type { Actor } from '../core/actor';
import { DomainError, invalidField, notFound } from '../core/domain-error';
import { AmendmentRow, BudgetRepository, Cell, ProgrammeRow, SourceRow } from './budget.repository';
import { LedgerRepository } from './ledger.repository';
import { auditActor, SettlementAccess } from './settlement-access';
import { ruleViolation, withDatabaseRules } from './settlement-errors';

const strip = ({
  recognised,
  balance,
  rateBp,
  initial,
  amended,
  executed,
  disallowed,
}: ExecutionFigures) => ({
  initial,
  amended,
  executed,
  disallowed,
  recognised,
  balance,
  rateBp,
});

/** Programmes, funding sources, budget lines, amendments and execution rates. */
@Injectable()
export class BudgetService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly budget: BudgetRepository,
    private readonly ledger: LedgerRepository,
    private readonly access: SettlementAccess,
    private readonly audit: AuditService,
  ) {}

  async categories(actor: Actor): Promise<BudgetCategoryView[]> {
    await this.access.scope(this.db.manager, actor);
    return (await this.budget.categories(this.db.manager)).map((c) => ({
      id: c.id,
      code: c.code,
      level: c.level,
      parentCode: c.parent_code,
      nameKo: c.name_ko,
      nameEn: c.name_en,
      evidence: c.evidence,
    }));
  }

  async list(actor: Actor, year?: number): Promise<ProgrammeView[]> {
    const scope = await this.access.scope(this.db.manager, actor);
    const rows = await this.budget.programmes(this.db.manager, scope.all ? null : scope.programmeIds, year);
    return this.views(this.db.manager, rows);
  }

  async get(actor: Actor, id: string): Promise<ProgrammeView> {
    await this.access.programme(this.db.manager, actor, id);
    return this.view(this.db.manager, id);
  }

  async create(actor: Actor, dto: CreateProgrammeRequest): Promise<ProgrammeView> {
    const shares = sumWon(dto.sources.map((s) => s.shareBp));
    if (shares !== 10000) throw invalidField('sources', 'invalid', { sum: shares });
    const warn = dto.warnThresholdBp ?? 9000;
    const refuse = dto.refuseThresholdBp ?? 10000;
    if (refuse < warn) throw invalidField('refuseThresholdBp', 'too_small', { min: warn });
    return this.db.transaction(async (m) => {
      const [year] = await this.ledger.years(m, dto.year);
      if (!year) throw invalidField('year', 'invalid');
      const id = await this.budget.insertProgramme(
        m,
        {
          fiscalYearId: year.id,
          code: dto.code,
          name: dto.name,
          kind: dto.kind,
          executionDeadline: dto.executionDeadline,
          leadGroupId: dto.leadGroupId ?? null,
          warnThresholdBp: warn,
          refuseThresholdBp: refuse,
        },
        dto.sources,
      );
      const view = await this.view(m, id);
      await this.audit.record(m, auditActor(actor), {
        action: 'settlement.programme.create',
        entityType: 'programme',
        entityId: id,
        after: view,
      });
      return view;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateProgrammeRequest): Promise<ProgrammeView> {
    return this.db.transaction(async (m) => {
      const row = await this.budget.programme(m, id, true);
      if (!row) throw notFound();
      const before = await this.view(m, id);
      const next = {
        name: dto.name ?? row.name,
        execution_deadline: dto.executionDeadline ?? row.execution_deadline,
        lead_group_id: dto.leadGroupId === undefined ? row.lead_group_id : dto.leadGroupId,
        warn_threshold_bp: dto.warnThresholdBp ?? row.warn_threshold_bp,
        refuse_threshold_bp: dto.refuseThresholdBp ?? row.refuse_threshold_bp,
      };
      if (next.refuse_threshold_bp < next.warn_threshold_bp)
        throw invalidField('refuseThresholdBp', 'too_small', { min: next.warn_threshold_bp });
      await this.budget.updateProgramme(m, id, next);
      const after = await this.view(m, id);
      await this.audit.record(m, auditActor(actor), {
        action: 'settlement.programme.update',
        entityType: 'programme',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  async setApprovers(actor: Actor, id: string, userIds: string[]): Promise<ProgrammeView> {
    return this.db.transaction(async (m) => {
      if (!(await this.budget.programme(m, id, true))) throw notFound();
      const wanted = [...new Set(userIds)];
      // An unknown user is the caller's mistake (400 naming the field), not a foreign-key failure (500).
      const known = (await m.query(`SELECT id FROM users WHERE id = ANY($1::uuid[]) FOR SHARE`, [
        wanted,
      ])) as {
        id: string;
      }[];
      if (known.length !== wanted.length) throw invalidField('userIds', 'invalid');
      const before = await this.view(m, id);
      await this.budget.setApprovers(m, id, wanted);
      const after = await this.view(m, id);
      await this.audit.record(m, auditActor(actor), {
        action: 'settlement.programme.approvers',
        entityType: 'programme',
        entityId: id,
        before: { approverIds: before.approverIds },
        after: { approverIds: after.approverIds },
      });
      return after;
    });
  }

  async lines(actor: Actor, programmeId: string): Promise<BudgetLineView[]> {
    await this.access.programme(this.db.manager, actor, programmeId);
    return this.lineViews(this.db.manager, programmeId);
  }

  async createLine(actor: Actor, programmeId: string, dto: CreateBudgetLineRequest): Promise<BudgetLineView> {
    return this.db.transaction(async (m) => {
      const programme = await this.budget.programme(m, programmeId, true);
      if (!programme) throw notFound();
      const category = (await this.budget.categories(m)).find((c) => c.code === dto.categoryCode);
      if (!category || category.level !== 2) throw invalidField('categoryCode', 'invalid');
      const sources = await this.budget.sources(m, [programmeId]);
      const amounts = new Map<string, number>();
      dto.amounts.forEach((a, i) => {
        if (!sources.some((s) => s.id === a.fundingSourceId))
          throw invalidField(`amounts.${i}.fundingSourceId`, 'invalid');
        if (amounts.has(a.fundingSourceId)) throw invalidField(`amounts.${i}.fundingSourceId`, 'invalid');
        amounts.set(a.fundingSourceId, a.amount);
      });
      const id = await this.budget.insertLine(m, programmeId, category.id, dto.name, amounts);
      const [view] = (await this.lineViews(m, programmeId)).filter((l) => l.id === id);
      await this.audit.record(m, auditActor(actor), {
        action: 'settlement.budget_line.create',
        entityType: 'budget_line',
        entityId: id,
        after: view,
      });
      return view;
    });
  }

  async amendments(actor: Actor, programmeId: string): Promise<AmendmentView[]> {
    await this.access.programme(this.db.manager, actor, programmeId);
    return (await this.budget.amendments(this.db.manager, programmeId)).map(toAmendmentView);
  }

  async requestAmendment(
    actor: Actor,
    programmeId: string,
    dto: CreateAmendmentRequest,
  ): Promise<AmendmentView> {
    return this.db.transaction(async (m) => {
      if (!(await this.budget.programme(m, programmeId, true))) throw notFound();
      const cells = await this.budget.cells(m, programmeId, '0001-01-01', '9999-12-31');
      const seen = new Set<string>();
      dto.items.forEach((item, i) => {
        const key = `${item.budgetLineId}:${item.fundingSourceId}`;
        if (
          seen.has(key) ||
          !cells.some((c) => c.lineId === item.budgetLineId && c.sourceId === item.fundingSourceId)
        )
          throw invalidField(`items.${i}.budgetLineId`, 'invalid');
        seen.add(key);
      });
      const id = await this.budget.insertAmendment(m, programmeId, dto.reason, actor.userId, dto.items);
      const [row] = await this.budget.amendments(m, programmeId, id);
      await this.audit.record(m, auditActor(actor), {
        action: 'settlement.amendment.request',
        entityType: 'budget_amendment',
        entityId: id,
        after: toAmendmentView(row),
      });
      return toAmendmentView(row);
    });
  }

  /** Approve or reject an amendment (someone other than the requester; the database agrees). */
  async decideAmendment(
    actor: Actor,
    id: string,
    state: 'approved' | 'rejected',
    note?: string,
  ): Promise<AmendmentView> {
    return withDatabaseRules(actor.locale, () =>
      this.db.transaction(async (m) => {
        const [row] = await this.budget.amendments(m, null, id, true);
        if (!row) throw notFound();
        if (row.state !== 'requested') throw new DomainError('state_conflict', { state: row.state });
        if (row.requested_by === actor.userId) throw ruleViolation('decider_is_requester', actor.locale);
        if (state === 'approved') {
          const cells = await this.budget.cells(m, row.programme_id, '0001-01-01', '9999-12-31');
          for (const item of row.items) {
            const cell = cells.find(
              (c) => c.lineId === item.budgetLineId && c.sourceId === item.fundingSourceId,
            );
            if (!cell || cell.amended + wonFromDb(item.delta) < 0)
              throw ruleViolation('amendment_below_zero', actor.locale, { budgetLineId: item.budgetLineId });
          }
        }
        await this.budget.decideAmendment(m, id, state, actor.userId, note ?? null);
        const [after] = await this.budget.amendments(m, null, id);
        await this.audit.record(m, auditActor(actor), {
          action: `settlement.amendment.${state === 'approved' ? 'approve' : 'reject'}`,
          entityType: 'budget_amendment',
          entityId: id,
          before: { state: row.state },
          after: toAmendmentView(after),
        });
        return toAmendmentView(after);
      }),
    );
  }

  /** Execution against the amended budget per line, category, source and programme. */
  async execution(actor: Actor, programmeId: string): Promise<ExecutionView> {
    await this.access.programme(this.db.manager, actor, programmeId);
    const cells = await this.budget.cells(this.db.manager, programmeId, '0001-01-01', '9999-12-31');
    const sums = aggregateSettlement(cells);
    return {
      programme: { ...strip(sums.total), programmeId },
      bySource: sums.bySource.map((s) => ({
        ...strip(s),
        fundingSourceId: s.sourceId,
        kind: s.kind as ExecutionView['bySource'][number]['kind'],
        name: s.name,
      })),
      byCategory: sums.byCategory.flatMap((c) => [
        { ...strip(c), code: c.code, name: c.name, level: 1 as const },
        ...c.subcategories.map((s) => ({ ...strip(s), code: s.code, name: s.name, level: 2 as const })),
      ]),
      byLine: sums.byLine.map((l) => ({
        ...strip(l),
        budgetLineId: l.lineId,
        name: l.name,
        categoryCode: l.categoryCode,
      })),
    };
  }

  async lineViews(m: EntityManager, programmeId: string, lineId?: string): Promise<BudgetLineView[]> {
    const cells = await this.budget.cells(m, programmeId, '0001-01-01', '9999-12-31', lineId);
    const byLine = new Map<string, Cell[]>();
    for (const c of cells) byLine.set(c.lineId, [...(byLine.get(c.lineId) ?? []), c]);
    return [...byLine.values()].map((group) => {
      const first = group[0];
      const totals = finish({
        initial: sumWon(group.map((c) => c.initial)),
        amended: sumWon(group.map((c) => c.amended)),
        executed: sumWon(group.map((c) => c.executed)),
        disallowed: sumWon(group.map((c) => c.disallowed)),
      });
      return {
        id: first.lineId,
        programmeId,
        categoryCode: first.categoryCode,
        categoryName: first.categoryName,
        parentCode: first.parentCode,
        parentName: first.parentName,
        name: first.lineName,
        ...strip(totals),
        committed: sumWon(group.map((c) => c.committed)),
        bySource: group.map((c) => ({ ...strip(finish(c)), fundingSourceId: c.sourceId })),
      };
    });
  }

  private async view(m: EntityManager, id: string): Promise<ProgrammeView> {
    const row = await this.budget.programme(m, id);
    if (!row) throw notFound();
    return (await this.views(m, [row]))[0];
  }

  private async views(m: EntityManager, rows: ProgrammeRow[]): Promise<ProgrammeView[]> {
    const sources = await this.budget.sources(
      m,
      rows.map((r) => r.id),
    );
    return rows.map((r) => toProgrammeView(r, sources));
  }
}

function toProgrammeView(r: ProgrammeRow, sources: SourceRow[]): ProgrammeView {
  return {
    id: r.id,
    year: r.year,
    code: r.code,
    name: r.name,
    kind: r.kind,
    executionDeadline: r.execution_deadline,
    leadGroupId: r.lead_group_id,
    warnThresholdBp: r.warn_threshold_bp,
    refuseThresholdBp: r.refuse_threshold_bp,
    approverIds: r.approver_ids,
    sources: sources
      .filter((s) => s.programme_id === r.id)
      .map((s) => ({ id: s.id, kind: s.kind, name: s.name, shareBp: s.share_bp, returnable: s.returnable })),
  };
}

function toAmendmentView(r: AmendmentRow): AmendmentView {
  return {
    id: r.id,
    programmeId: r.programme_id,
    reason: r.reason,
    state: r.state,
    requestedBy: r.requested_by,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
    decisionNote: r.decision_note,
    createdAt: r.created_at.toISOString(),
    items: r.items.map((i) => ({
      budgetLineId: i.budgetLineId,
      fundingSourceId: i.fundingSourceId,
      delta: wonFromDb(i.delta),
    })),
  };
}
