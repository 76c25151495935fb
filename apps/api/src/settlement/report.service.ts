import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ExecutionFigures,
  FundingSourceKind,
  SettlementReport,
  SettlementReportExpense,
  SettlementSummary,
} from '@madang/contracts';
import { wonFromDb } from '@madang/money';
import { aggregateSettlement, requiredEvidence } from '@madang/settlement';
import { DataSource } from 'typeorm';
import type { Actor } from '../core/actor';
import { invalidField, notFound } from '../core/domain-error';
import { BankRepository } from './bank.repository';
import { BudgetRepository } from './budget.repository';
import type { ExportDocument } from '../platform/exports/export-spec';
import { AppConfig } from '../config/app-config';
import { settlementReportDocument } from './report-document';
import { SettlementAccess } from './settlement-access';
import { daysBetween, monthRange, seoulToday } from './settlement-dates';

/** Evidence still missing this many days after payment is overdue. */
const EVIDENCE_DUE_DAYS = 14;

const figures = (f: ExecutionFigures): ExecutionFigures => ({
  initial: f.initial,
  amended: f.amended,
  executed: f.executed,
  disallowed: f.disallowed,
  recognised: f.recognised,
  balance: f.balance,
  rateBp: f.rateBp,
});

interface ReportExpenseRow {
  id: string;
  expense_date: string;
  category_code: string;
  category_name: string;
  category_evidence: string[];
  budget_line_name: string;
  title: string;
  payee_name: string;
  amount: string;
  disallowed_amount: string;
  disallowed_reason: string | null;
  state: SettlementReportExpense['state'];
  evidence_type: SettlementReportExpense['evidenceType'];
  provided: string[];
}

/** The settlement report (as data) and the operations home summary. */
@Injectable()
export class ReportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly budget: BudgetRepository,
    private readonly bank: BankRepository,
    private readonly access: SettlementAccess,
    private readonly config: AppConfig,
  ) {}

  /** The report as a document for the house's export service (XLSX, CSV, PDF), same access as `report`. */
  async reportDocument(
    actor: Actor,
    programmeId: string,
    fromMonth?: string,
    toMonth?: string,
  ): Promise<ExportDocument> {
    return settlementReportDocument(
      await this.report(actor, programmeId, fromMonth, toMonth),
      actor.locale,
      this.config.MADANG_TIMEZONE,
    );
  }

  /**
   * The settlement report of a programme for months `from`..`to` (YYYY-MM; default the whole
   * fiscal year): by funding source and 비목/세목 with initial, amended, executed, disallowed,
   * balance, interest and the amount to return, and the expense list with evidence status.
   */
  async report(
    actor: Actor,
    programmeId: string,
    fromMonth?: string,
    toMonth?: string,
  ): Promise<SettlementReport> {
    const m = this.db.manager;
    await this.access.programme(m, actor, programmeId);
    const programme = await this.budget.programme(m, programmeId);
    if (!programme) throw notFound();
    const from = monthRange(fromMonth ?? `${programme.year}-01`).from;
    const to = monthRange(toMonth ?? `${programme.year}-12`).to;
    if (to < from) throw invalidField('to', 'invalid');
    const [cells, interest, income, expenses] = await Promise.all([
      this.budget.cells(m, programmeId, from, to, undefined, false),
      this.budget.interest(m, programmeId, from, to),
      this.budget.income(m, programmeId, from, to),
      m.query(
        `SELECT x.id, x.expense_date::text, c.code AS category_code, c.name_ko AS category_name, c.evidence AS category_evidence,
                l.name AS budget_line_name, x.title, x.payee_name, x.amount, x.disallowed_amount, x.disallowed_reason,
                x.state, x.evidence_type,
                coalesce(ev.items, '{}') AS provided
           FROM expenses x JOIN budget_lines l ON l.id = x.budget_line_id JOIN budget_categories c ON c.id = l.category_id
           LEFT JOIN (SELECT e.expense_id, array_agg(e.item) AS items FROM expense_evidence e
                        JOIN expenses y ON y.id = e.expense_id AND y.programme_id = $1 GROUP BY 1) ev ON ev.expense_id = x.id
          WHERE x.programme_id = $1 AND x.expense_date BETWEEN $2 AND $3 AND x.state <> 'rejected'
          ORDER BY c.code, x.expense_date, x.id`,
        [programmeId, from, to],
      ) as Promise<ReportExpenseRow[]>,
    ]);
    const sums = aggregateSettlement(cells, interest);
    return {
      programme: {
        id: programme.id,
        code: programme.code,
        name: programme.name,
        year: programme.year,
        kind: programme.kind,
      },
      period: { from, to },
      generatedAt: new Date().toISOString(),
      total: { ...figures(sums.total), interest: sums.total.interest, toReturn: sums.total.toReturn },
      bySource: sums.bySource.map((s) => ({
        ...figures(s),
        fundingSourceId: s.sourceId,
        kind: s.kind as FundingSourceKind,
        name: s.name,
        returnable: s.returnable,
        interest: s.interest,
        toReturn: s.toReturn,
      })),
      byCategory: sums.byCategory.map((c) => ({
        ...figures(c),
        code: c.code,
        name: c.name,
        subcategories: c.subcategories.map((s) => ({ ...figures(s), code: s.code, name: s.name })),
      })),
      byLine: sums.byLine.map((l) => ({
        ...figures(l),
        budgetLineId: l.lineId,
        name: l.name,
        categoryCode: l.categoryCode,
        categoryName: l.categoryName,
      })),
      expenses: expenses.map((x) => {
        const required = requiredEvidence(x.category_evidence, x.evidence_type);
        return {
          id: x.id,
          expenseDate: x.expense_date,
          categoryCode: x.category_code,
          categoryName: x.category_name,
          budgetLineName: x.budget_line_name,
          title: x.title,
          payeeName: x.payee_name,
          amount: wonFromDb(x.amount),
          disallowedAmount: wonFromDb(x.disallowed_amount),
          disallowedReason: x.disallowed_reason,
          state: x.state,
          evidenceType: x.evidence_type,
          evidenceRequired: required.length,
          evidenceProvided: required.filter((r) => x.provided.includes(r)).length,
          verified: x.state === 'verified',
        };
      }),
      income: income.map((r) => ({
        budgetLineId: r.budget_line_id,
        name: r.name,
        categoryCode: r.category_code,
        fees: wonFromDb(r.fees),
        rent: wonFromDb(r.rent),
        inKind: wonFromDb(r.in_kind),
      })),
    };
  }

  /** What waits for operations: approvals, payments, verifications, overdue evidence, bank lines, limits, deadlines. */
  async summary(actor: Actor): Promise<SettlementSummary> {
    const m = this.db.manager;
    const scope = await this.access.scope(m, actor);
    const ids = scope.all ? null : scope.programmeIds;
    const today = seoulToday();
    const [counts] = (await m.query(
      `SELECT count(*) FILTER (WHERE x.state = 'requested')::int AS to_approve,
              count(*) FILTER (WHERE x.state = 'approved')::int AS to_pay,
              count(*) FILTER (WHERE x.state = 'evidence_complete'
                AND (x.substantive_verified_by IS DISTINCT FROM $2 AND x.financial_verified_by IS DISTINCT FROM $2)
                AND x.requested_by <> $2)::int AS to_verify,
              count(*) FILTER (WHERE x.state IN ('paid', 'evidence_missing') AND x.paid_at < now() - make_interval(days => $3))::int AS overdue
         FROM expenses x WHERE $1::uuid[] IS NULL OR x.programme_id = ANY($1)`,
      [ids, actor.userId, EVIDENCE_DUE_DAYS],
    )) as { to_approve: number; to_pay: number; to_verify: number; overdue: number }[];
    const programmes = await this.budget.programmes(m, ids);
    const current = programmes.filter((p) => p.execution_deadline >= today);
    const nearLimit: SettlementSummary['linesNearLimit'] = [];
    for (const p of current) {
      const cells = await this.budget.cells(m, p.id, '0001-01-01', '9999-12-31');
      const byLine = new Map<string, { name: string; amended: number; committed: number }>();
      for (const c of cells) {
        const entry = byLine.get(c.lineId) ?? { name: c.lineName, amended: 0, committed: 0 };
        entry.amended += c.amended;
        entry.committed += c.committed;
        byLine.set(c.lineId, entry);
      }
      for (const [lineId, l] of byLine) {
        if (l.amended <= 0) continue;
        const rate = Math.round((l.committed * 10000) / l.amended);
        if (rate >= p.warn_threshold_bp)
          nearLimit.push({ budgetLineId: lineId, programmeId: p.id, name: l.name, rateBp: rate });
      }
    }
    const open = (await m.query(
      `SELECT y.year, p.month FROM fiscal_periods p JOIN fiscal_years y ON y.id = p.fiscal_year_id
        WHERE p.closed_at IS NULL AND p.ends_on < $1 ORDER BY y.year, p.month`,
      [today],
    )) as { year: number; month: number }[];
    return {
      expensesToApprove: counts.to_approve,
      expensesToPay: counts.to_pay,
      expensesToVerify: counts.to_verify,
      overdueEvidence: counts.overdue,
      unreconciledLines: scope.all ? await this.bank.unreconciledCount(m) : 0,
      linesNearLimit: nearLimit.sort((a, b) => b.rateBp - a.rateBp),
      deadlines: current
        .map((p) => ({
          programmeId: p.id,
          name: p.name,
          executionDeadline: p.execution_deadline,
          daysLeft: daysBetween(today, p.execution_deadline),
        }))
        .sort((a, b) => a.daysLeft - b.daysLeft),
      openPeriods: scope.all ? open : [],
    };
  }
}
