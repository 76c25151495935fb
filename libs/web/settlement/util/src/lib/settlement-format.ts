import type {
  BankMatchTarget,
  FundingSourceKind,
  Locale,
  SettlementEvidenceType,
  SettlementExpenseState,
} from '@madang/contracts';
import { FUNDING_SOURCE_LABELS } from '@madang/contracts';

/** A rate in basis points as a percentage with one decimal: `8,750` → `87.5%`. */
export function formatRate(rateBp: number): string {
  // Half away from zero, so -0.55% reads -0.6% like 0.55% reads 0.6%.
  const abs = Math.round(Math.abs(rateBp) / 10);
  const sign = rateBp < 0 && abs > 0 ? '-' : '';
  return `${sign}${Math.floor(abs / 10)}.${abs % 10}%`;
}

/** Execution rate in basis points of `executed` against `amended` (0 when nothing is budgeted). */
export function rateBp(executed: number, amended: number): number {
  return amended > 0 ? Math.round((executed * 10_000) / amended) : 0;
}

/** How a rate reads to a finance officer: over the amended budget, near its limit, or fine. */
export function rateLevel(rateBp: number, warnBp = 9000): 'over' | 'near' | 'ok' {
  if (rateBp > 10_000) return 'over';
  if (rateBp >= warnBp) return 'near';
  return 'ok';
}

export function sourceLabel(kind: FundingSourceKind, locale: Locale): string {
  return FUNDING_SOURCE_LABELS[kind][locale];
}

/** A funding source as people read it: "지방비 · 제주도 보조금", but just "국비" when its name is its kind. */
export function sourceName(source: { kind: FundingSourceKind; name: string }, locale: Locale): string {
  const kind = sourceLabel(source.kind, locale);
  return source.name.includes(kind) ? source.name : `${kind} · ${source.name}`;
}

/** `YYYY-MM` of a month in a year. */
export function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The verifications an expense in this state still lacks, in order: who may give them is the API's rule. */
export function pendingVerifications(expense: {
  state: SettlementExpenseState;
  substantiveVerifiedBy: string | null;
  financialVerifiedBy: string | null;
}): ('substantive' | 'financial')[] {
  if (expense.state !== 'evidence_complete') return [];
  const pending: ('substantive' | 'financial')[] = [];
  if (!expense.substantiveVerifiedBy) pending.push('substantive');
  if (!expense.financialVerifiedBy) pending.push('financial');
  return pending;
}

/** The state-machine actions that make sense from a state (the API still decides). */
export type ExpenseAction =
  | 'approve'
  | 'reject'
  | 'pay'
  | 'evidenceMissing'
  | 'verifySubstantive'
  | 'verifyFinancial'
  | 'disallow';

export function expenseActions(expense: {
  state: SettlementExpenseState;
  substantiveVerifiedBy: string | null;
  financialVerifiedBy: string | null;
  disallowedAmount: number;
}): ExpenseAction[] {
  switch (expense.state) {
    case 'requested':
      return ['approve', 'reject'];
    case 'approved':
      return ['pay', 'reject'];
    case 'paid':
      return ['evidenceMissing'];
    case 'evidence_missing':
      return [];
    case 'evidence_complete': {
      const actions: ExpenseAction[] = [];
      if (!expense.substantiveVerifiedBy) actions.push('verifySubstantive');
      if (!expense.financialVerifiedBy) actions.push('verifyFinancial');
      return [...actions, 'evidenceMissing', 'disallow'];
    }
    case 'verified':
      return expense.disallowedAmount > 0 ? [] : ['disallow'];
    case 'rejected':
    case 'disallowed':
      return [];
  }
}

/** Message keys of the labels (typed, so a missing label fails the compile). */
export const expenseStateKey = (state: SettlementExpenseState) => `settlement.state.${state}` as const;
export const evidenceTypeKey = (type: SettlementEvidenceType) => `settlement.evidenceType.${type}` as const;
export const amendmentStateKey = (state: 'requested' | 'approved' | 'rejected') =>
  `settlement.amendments.state.${state}` as const;
export const matchTargetKey = (target: BankMatchTarget) => `settlement.bank.target.${target}` as const;

/** Won on a chart axis, short: `1억 2,000만` / `5,000만` (ko), `₩120M` / `₩500K` (en). */
export function formatWonCompact(amount: number, locale: Locale): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  if (locale === 'ko') {
    const eok = Math.floor(abs / 100_000_000);
    const man = Math.round((abs % 100_000_000) / 10_000);
    const group = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    if (eok > 0) return `${sign}${eok}억${man > 0 ? ` ${group(man)}만` : ''}`;
    if (man > 0) return `${sign}${group(man)}만`;
    return `${sign}${abs}원`;
  }
  if (abs >= 1_000_000) return `${sign}₩${Math.round(abs / 100_000) / 10}M`;
  if (abs >= 1_000) return `${sign}₩${Math.round(abs / 100) / 10}K`;
  return `${sign}₩${abs}`;
}
