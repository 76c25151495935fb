import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CreateExpenseRequest,
  DisallowExpenseRequest,
  ExpenseCreated,
  ExpenseView,
  ProvideEvidenceRequest,
  SettlementExpenseState,
  SettlementRule,
} from '@madang/contracts';
import { allocate, sumWon, wonFromDb } from '@madang/money';
import {
  decideExpense,
  EVIDENCE_ITEM_LABELS,
  ExpenseAction,
  guardExpense,
  missingEvidence,
  pairLines,
  requiredEvidence,
  TransitionRefusal,
  VerificationKind,
} from '@madang/settlement';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../platform/audit/audit.service';
import { FilesService } from '../platform/files/files.service';
import { EXPENSE_OWNER } from './expense-files.policy';
import type { Actor } from '../core/actor';
import { DomainError, invalidField, notFound } from '../core/domain-error';
import { BudgetRepository } from './budget.repository';
import { ExpenseRow, ExpensesRepository, ExpensePatch } from './expenses.repository';
import { LedgerService } from './ledger.service';
import { auditActor, SettlementAccess } from './settlement-access';
import { seoulToday } from './settlement-dates';
import { fieldRuleViolation, ruleViolation, violation, withDatabaseRules } from './settlement-errors';

const REFUSAL_RULES: Readonly<Record<Exclude<TransitionRefusal['code'], 'wrong_state'>, SettlementRule>> = {
  evidence_incomplete: 'evidence_incomplete',
  requester_cannot_verify: 'requester_cannot_verify',
  already_verified: 'already_verified',
  same_verifier: 'same_verifier',
};

/** Expenses from request (품의) to verification, with their ledger postings. */
@Injectable()
export class ExpensesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly expenses: ExpensesRepository,
    private readonly budget: BudgetRepository,
    private readonly ledger: LedgerService,
    private readonly access: SettlementAccess,
    private readonly audit: AuditService,
    private readonly files: FilesService,
  ) {}

  async list(
    actor: Actor,
    query: { programmeId?: string; state?: SettlementExpenseState; limit?: number; offset?: number },
  ): Promise<ExpenseView[]> {
    const scope = await this.access.scope(this.db.manager, actor);
    const rows = await this.expenses.find(this.db.manager, {
      ...query,
      programmeIds: scope.all ? null : scope.programmeIds,
    });
    return rows.map(toExpenseView);
  }

  async get(actor: Actor, id: string): Promise<ExpenseView> {
    const scope = await this.access.scope(this.db.manager, actor);
    const [row] = await this.expenses.find(this.db.manager, {
      ids: [id],
      programmeIds: scope.all ? null : scope.programmeIds,
    });
    if (!row) throw notFound();
    return toExpenseView(row);
  }

  /**
   * A request (품의) against a budget line of a programme the actor may see. Refused after the
   * programme's execution deadline and above the line's remaining amended budget; a warning above
   * the warn threshold.
   */
  async request(actor: Actor, dto: CreateExpenseRequest): Promise<ExpenseCreated> {
    return this.db.transaction(async (m) => {
      const programmeId = await this.budget.lineProgramme(m, dto.budgetLineId);
      if (!programmeId) throw invalidField('budgetLineId', 'invalid');
      const scope = await this.access.scope(m, actor);
      if (!scope.all && !scope.programmeIds.includes(programmeId))
        throw invalidField('budgetLineId', 'invalid');
      await this.budget.lockLine(m, dto.budgetLineId);
      const programme = await this.budget.programme(m, programmeId);
      if (!programme) throw notFound();
      const today = seoulToday();
      if (today > programme.execution_deadline || dto.expenseDate > programme.execution_deadline)
        throw ruleViolation('execution_deadline_passed', actor.locale, {
          deadline: programme.execution_deadline,
        });
      const cells = await this.budget.cells(m, programmeId, '0001-01-01', '9999-12-31', dto.budgetLineId);
      const amended = sumWon(cells.map((c) => c.amended));
      const committed = sumWon(cells.map((c) => c.committed));
      const guard = guardExpense({
        amended,
        committed,
        amount: dto.amount,
        warnThresholdBp: programme.warn_threshold_bp,
        refuseThresholdBp: programme.refuse_threshold_bp,
      });
      const guardParams = { remaining: guard.remaining, rateAfterBp: guard.rateAfterBp, amended };
      if (guard.level === 'refuse') throw ruleViolation('budget_exceeded', actor.locale, guardParams);
      const split = this.split(dto, cells, actor);
      const id = await this.expenses.insert(
        m,
        {
          programmeId,
          budgetLineId: dto.budgetLineId,
          title: dto.title,
          amount: dto.amount,
          expenseDate: dto.expenseDate,
          payeeName: dto.payeeName,
          payeeAccount: dto.payeeAccount ?? null,
          evidenceType: dto.evidenceType,
          bookingId: dto.bookingId ?? null,
          projectId: dto.projectId ?? null,
          agreementId: dto.agreementId ?? null,
          requestedBy: actor.userId,
        },
        split,
      );
      const expense = await this.view(m, id);
      await this.audit.record(m, auditActor(actor), {
        action: 'settlement.expense.request',
        entityType: 'expense',
        entityId: id,
        after: expense,
      });
      return {
        expense,
        warning: guard.level === 'warn' ? violation('budget_exceeded', actor.locale, guardParams) : null,
      };
    });
  }

  approve(actor: Actor, id: string): Promise<ExpenseView> {
    return this.transition(actor, id, 'approve', async () => ({
      state: 'approved',
      approved_by: actor.userId,
    }));
  }

  reject(actor: Actor, id: string, reason: string): Promise<ExpenseView> {
    return this.transition(actor, id, 'reject', async () => ({ state: 'rejected', state_reason: reason }));
  }

  /** Pays the expense: the ledger entry (expense debit, bank credit, per funding source) posts now. */
  pay(actor: Actor, id: string, paidOn?: string): Promise<ExpenseView> {
    return this.transition(actor, id, 'pay', async (m, row) => {
      const entryId = await this.ledger.post(
        m,
        actor,
        {
          entryDate: paidOn ?? seoulToday(),
          source: 'expense',
          sourceId: row.id,
          memo: row.title,
          postedBy: actor.userId,
        },
        pairLines(
          '5010',
          '1010',
          row.split.map((s) => ({
            amount: wonFromDb(s.amount),
            programmeId: row.programme_id,
            budgetLineId: row.budget_line_id,
            fundingSourceId: s.fundingSourceId,
            expenseId: row.id,
            creditDims: { budgetLineId: null },
          })),
        ),
        // The "expense.pay" audit row names the entry; entries never change, so it says everything.
        { audit: false },
      );
      const complete = missingFor(row).length === 0;
      return { state: complete ? 'evidence_complete' : 'paid', paid_entry_id: entryId };
    });
  }

  /**
   * Records one evidence item (a file id from the file service, or a note). When the checklist is
   * complete, a paid expense moves to "evidence complete" by itself.
   */
  async provideEvidence(actor: Actor, id: string, dto: ProvideEvidenceRequest): Promise<ExpenseView> {
    return this.db.transaction(async (m) => {
      const row = await this.scopedLock(m, actor, id);
      const required = requiredFor(row);
      if (!required.includes(dto.item)) throw invalidField('item', 'not_in', { values: required.join(', ') });
      if (!dto.fileId && !dto.note) throw invalidField('fileId', 'required');
      if (['verified', 'rejected', 'disallowed'].includes(row.state))
        throw new DomainError('state_conflict', { state: row.state });
      // The checklist refers only to files attached to this expense (uploaded through the file service).
      if (dto.fileId) {
        const attached = await this.files.idsOf(EXPENSE_OWNER, [id], 'expense_evidence');
        if (!attached.get(id)?.includes(dto.fileId))
          throw fieldRuleViolation('file_not_of_expense', actor.locale, 'fileId');
      }
      await this.expenses.provideEvidence(m, id, dto.item, dto.fileId ?? null, dto.note ?? '', actor.userId);
      const after = (await this.expenses.lock(m, id)) as ExpenseRow;
      if (missingFor(after).length === 0 && ['paid', 'evidence_missing'].includes(after.state))
        await this.expenses.update(m, id, { state: 'evidence_complete', state_reason: null });
      const view = await this.view(m, id);
      await this.audit.record(m, auditActor(actor), {
        action: 'settlement.expense.evidence',
        entityType: 'expense',
        entityId: id,
        before: { state: row.state },
        after: { item: dto.item, fileId: dto.fileId ?? null, state: view.state },
      });
      return view;
    });
  }

  flagEvidenceMissing(actor: Actor, id: string, reason: string): Promise<ExpenseView> {
    return this.transition(actor, id, 'flag_evidence_missing', async () => ({
      state: 'evidence_missing',
      state_reason: reason,
    }));
  }

  /** One of the two verifications; the second (by another person) makes the expense verified. */
  verify(actor: Actor, id: string, kind: VerificationKind): Promise<ExpenseView> {
    return this.transition(
      actor,
      id,
      'verify',
      async (_m, _row, to) => ({
        state: to,
        ...(kind === 'substantive'
          ? { substantive_verified_by: actor.userId }
          : { financial_verified_by: actor.userId }),
      }),
      kind,
    );
  }

  /** 불인정: part or all of a paid expense is not accepted; the amount moves to the balance to return. */
  disallow(actor: Actor, id: string, dto: DisallowExpenseRequest): Promise<ExpenseView> {
    return this.transition(actor, id, 'disallow', async (m, row) => {
      const amount = wonFromDb(row.amount);
      if (dto.amount > amount) throw invalidField('amount', 'too_large', { max: amount });
      const parts = allocate(
        dto.amount,
        row.split.map((s) => wonFromDb(s.amount)),
      );
      await this.ledger.post(
        m,
        actor,
        {
          entryDate: seoulToday(),
          source: 'disallowance',
          sourceId: row.id,
          memo: dto.reason,
          postedBy: actor.userId,
        },
        pairLines(
          '5020',
          '2020',
          row.split.map((s, i) => ({
            amount: parts[i],
            programmeId: row.programme_id,
            budgetLineId: row.budget_line_id,
            fundingSourceId: s.fundingSourceId,
            expenseId: row.id,
            creditDims: { budgetLineId: null },
          })),
        ),
      );
      return { state: 'disallowed', disallowed_amount: dto.amount, disallowed_reason: dto.reason };
    });
  }

  private async transition(
    actor: Actor,
    id: string,
    action: ExpenseAction,
    apply: (m: EntityManager, row: ExpenseRow, to: SettlementExpenseState) => Promise<ExpensePatch>,
    kind?: VerificationKind,
  ): Promise<ExpenseView> {
    return withDatabaseRules(actor.locale, () =>
      this.db.transaction(async (m) => {
        const row = await this.scopedLock(m, actor, id);
        const decision = decideExpense(
          {
            state: row.state,
            requestedBy: row.requested_by,
            substantiveVerifiedBy: row.substantive_verified_by,
            financialVerifiedBy: row.financial_verified_by,
            missingEvidence: missingFor(row),
          },
          action,
          actor.userId,
          kind,
        );
        if (!decision.ok) {
          const refusal = decision.refusal;
          if (refusal.code === 'wrong_state')
            throw new DomainError('state_conflict', { state: refusal.state, allowed: refusal.allowed });
          throw ruleViolation(
            REFUSAL_RULES[refusal.code],
            actor.locale,
            refusal.code === 'evidence_incomplete' ? { missing: [...refusal.missing] } : undefined,
          );
        }
        const patch = await apply(m, row, decision.to);
        await this.expenses.update(
          m,
          id,
          patch,
          this.audit.entry(auditActor(actor), {
            action: `settlement.expense.${action}`,
            entityType: 'expense',
            entityId: id,
            before: { state: row.state },
            after: { ...patch, kind },
          }),
        );
        // Read back, so the answer names the person who just acted like every later read does.
        return this.view(m, id);
      }),
    );
  }

  /** Locks an expense the actor may see; managing it needs the manage permission. */
  private async scopedLock(m: EntityManager, actor: Actor, id: string): Promise<ExpenseRow> {
    const scope = await this.access.scope(m, actor);
    const row = await this.expenses.lock(m, id);
    if (!row || (!scope.all && !scope.programmeIds.includes(row.programme_id))) throw notFound();
    return row;
  }

  private split(
    dto: CreateExpenseRequest,
    cells: readonly { sourceId: string; amended: number }[],
    actor: Actor,
  ): { fundingSourceId: string; amount: number }[] {
    if (dto.split) {
      dto.split.forEach((s, i) => {
        if (!cells.some((c) => c.sourceId === s.fundingSourceId))
          throw invalidField(`split.${i}.fundingSourceId`, 'invalid');
      });
      if (new Set(dto.split.map((s) => s.fundingSourceId)).size !== dto.split.length)
        throw invalidField('split', 'invalid');
      if (sumWon(dto.split.map((s) => s.amount)) !== dto.amount)
        throw ruleViolation('split_mismatch', actor.locale, { amount: dto.amount });
      return dto.split.map((s) => ({ fundingSourceId: s.fundingSourceId, amount: s.amount }));
    }
    const weights = cells.map((c) => Math.max(0, c.amended));
    const parts = allocate(dto.amount, weights.some((w) => w > 0) ? weights : cells.map(() => 1));
    return cells
      .map((c, i) => ({ fundingSourceId: c.sourceId, amount: parts[i] }))
      .filter((s) => s.amount > 0);
  }

  private async view(m: EntityManager, id: string): Promise<ExpenseView> {
    const [row] = await this.expenses.find(m, { ids: [id] });
    return toExpenseView(row);
  }
}

function requiredFor(row: ExpenseRow): string[] {
  return requiredEvidence(row.category_evidence, row.evidence_type);
}

function missingFor(row: ExpenseRow): string[] {
  return missingEvidence(
    requiredFor(row),
    row.evidence.map((e) => e.item),
  );
}

export function toExpenseView(row: ExpenseRow): ExpenseView {
  const provided = new Map(row.evidence.map((e) => [e.item, e]));
  const required = requiredFor(row);
  return {
    id: row.id,
    programmeId: row.programme_id,
    budgetLineId: row.budget_line_id,
    budgetLineName: row.budget_line_name,
    categoryCode: row.category_code,
    title: row.title,
    amount: wonFromDb(row.amount),
    state: row.state,
    expenseDate: row.expense_date,
    payeeName: row.payee_name,
    payeeAccount: row.payee_account,
    evidenceType: row.evidence_type,
    bookingId: row.booking_id,
    projectId: row.project_id,
    agreementId: row.agreement_id,
    requestedBy: row.requested_by,
    approvedBy: row.approved_by,
    paidAt: row.paid_at ? row.paid_at.toISOString() : null,
    paidEntryId: row.paid_entry_id,
    substantiveVerifiedBy: row.substantive_verified_by,
    financialVerifiedBy: row.financial_verified_by,
    disallowedAmount: wonFromDb(row.disallowed_amount),
    disallowedReason: row.disallowed_reason,
    stateReason: row.state_reason,
    split: row.split.map((s) => ({ fundingSourceId: s.fundingSourceId, amount: wonFromDb(s.amount) })),
    evidence: required.map((item) => ({
      item,
      label: EVIDENCE_ITEM_LABELS[item] ?? { ko: item, en: item },
      provided: provided.has(item),
      fileId: provided.get(item)?.fileId ?? null,
      note: provided.get(item)?.note ?? '',
    })),
    evidenceComplete: required.every((item) => provided.has(item)),
    createdAt: row.created_at.toISOString(),
    people: row.people,
  };
}
