import type { LocalizedText } from './locale';

/** Settlement contracts. Money is integer won (`number`, a safe integer); rates in basis points. */

export const PROGRAMME_KINDS = ['subsidy', 'living_lab', 'own'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

export const FUNDING_SOURCE_KINDS = ['national', 'local', 'own', 'other'] as const;
export type FundingSourceKind = (typeof FUNDING_SOURCE_KINDS)[number];

export const FUNDING_SOURCE_LABELS: Readonly<Record<FundingSourceKind, LocalizedText>> = {
  national: { ko: '국비', en: 'National subsidy' },
  local: { ko: '지방비', en: 'Local government' },
  own: { ko: '자부담', en: 'Own funds' },
  other: { ko: '기타', en: 'Other' },
};

export const SETTLEMENT_EXPENSE_STATES = [
  'requested',
  'approved',
  'paid',
  'evidence_complete',
  'verified',
  'rejected',
  'evidence_missing',
  'disallowed',
] as const;
export type SettlementExpenseState = (typeof SETTLEMENT_EXPENSE_STATES)[number];

export const SETTLEMENT_EVIDENCE_TYPES = ['e_tax_invoice', 'card_slip', 'other'] as const;
export type SettlementEvidenceType = (typeof SETTLEMENT_EVIDENCE_TYPES)[number];

export const PAYMENT_KINDS = [
  'fee',
  'deposit',
  'deposit_return',
  'deposit_kept',
  'cancellation_fee',
  'refund',
] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];
export const PAYMENT_METHODS = ['bank_transfer', 'card', 'cash'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const BANK_MATCH_TARGETS = ['expense', 'payment', 'interest', 'other'] as const;
export type BankMatchTarget = (typeof BANK_MATCH_TARGETS)[number];

/** Why a settlement action was refused (in `violations` of a `settlement_rule` problem, 422). */
export const SETTLEMENT_RULES = [
  'budget_exceeded',
  'execution_deadline_passed',
  'evidence_incomplete',
  'requester_cannot_verify',
  'same_verifier',
  'already_verified',
  'period_closed',
  'unbalanced_entry',
  'split_mismatch',
  'amendment_below_zero',
  'decider_is_requester',
  'no_income_mapping',
  'unreadable_statement',
  'file_not_of_expense',
] as const;
export type SettlementRule = (typeof SETTLEMENT_RULES)[number];

export const SETTLEMENT_RULE_MESSAGES: Readonly<Record<SettlementRule, LocalizedText>> = {
  budget_exceeded: {
    ko: '예산 잔액(변경 예산 기준)을 넘습니다.',
    en: 'This exceeds the remaining amended budget of the line.',
  },
  execution_deadline_passed: {
    ko: '집행 마감일이 지났습니다.',
    en: "The programme's execution deadline has passed.",
  },
  evidence_incomplete: { ko: '필요한 증빙이 모두 갖춰지지 않았습니다.', en: 'Required evidence is missing.' },
  requester_cannot_verify: {
    ko: '지출을 요청한 사람은 검토할 수 없습니다.',
    en: 'The requester cannot verify their own expense.',
  },
  same_verifier: {
    ko: '사업 검토와 회계 검토는 서로 다른 사람이 해야 합니다.',
    en: 'The two verifications must be by two different people.',
  },
  already_verified: { ko: '이미 검토가 끝난 항목입니다.', en: 'This verification has already been given.' },
  period_closed: { ko: '마감된 회계 기간입니다.', en: 'The fiscal period is closed.' },
  unbalanced_entry: { ko: '차변과 대변의 합이 맞지 않습니다.', en: 'The entry does not balance.' },
  split_mismatch: {
    ko: '재원별 분담액의 합이 지출액과 다릅니다.',
    en: 'The funding split does not add up to the amount.',
  },
  amendment_below_zero: {
    ko: '변경 후 예산이 0보다 작아집니다.',
    en: 'The amended budget would fall below zero.',
  },
  decider_is_requester: {
    ko: '요청한 사람은 승인할 수 없습니다.',
    en: 'The requester cannot decide their own request.',
  },
  no_income_mapping: {
    ko: '이 자산 분류에 연결된 예산 항목이 없습니다.',
    en: 'No budget line is mapped to this asset category.',
  },
  file_not_of_expense: {
    ko: '이 지출에 첨부된 파일이 아닙니다. 먼저 지출에 파일을 올려 주세요.',
    en: 'This file is not attached to this expense. Upload it to the expense first.',
  },
  unreadable_statement: {
    ko: '거래내역 파일을 읽을 수 없습니다.',
    en: 'The bank statement file cannot be read.',
  },
};

export interface SettlementViolation {
  code: SettlementRule;
  message: string;
  params?: Record<string, string | number | string[]>;
}

export interface FiscalPeriodView {
  month: number;
  startsOn: string;
  endsOn: string;
  closedAt: string | null;
  closedBy: string | null;
}

export interface FiscalYearView {
  id: string;
  year: number;
  startsOn: string;
  endsOn: string;
  periods: FiscalPeriodView[];
}

export interface CreateFiscalYearRequest {
  year: number;
}

export interface ReopenPeriodRequest {
  reason: string;
}

export interface FundingSourceView {
  id: string;
  kind: FundingSourceKind;
  name: string;
  shareBp: number;
  returnable: boolean;
}

export interface ProgrammeView {
  id: string;
  year: number;
  code: string;
  name: string;
  kind: ProgrammeKind;
  executionDeadline: string;
  leadGroupId: string | null;
  warnThresholdBp: number;
  refuseThresholdBp: number;
  sources: FundingSourceView[];
  approverIds: string[];
}

export interface FundingSourceInput {
  kind: FundingSourceKind;
  name: string;
  shareBp: number;
}

export interface CreateProgrammeRequest {
  year: number;
  code: string;
  name: string;
  kind: ProgrammeKind;
  executionDeadline: string;
  leadGroupId?: string | null;
  warnThresholdBp?: number;
  refuseThresholdBp?: number;
  sources: FundingSourceInput[];
}

export interface UpdateProgrammeRequest {
  name?: string;
  executionDeadline?: string;
  leadGroupId?: string | null;
  warnThresholdBp?: number;
  refuseThresholdBp?: number;
}

export interface SetApproversRequest {
  userIds: string[];
}

export interface BudgetCategoryView {
  id: string;
  code: string;
  level: 1 | 2;
  parentCode: string | null;
  nameKo: string;
  nameEn: string;
  evidence: string[];
}

export interface AmountBySource {
  fundingSourceId: string;
  amount: number;
}

export interface CreateBudgetLineRequest {
  categoryCode: string;
  name: string;
  amounts: AmountBySource[];
}

export interface ExecutionFigures {
  initial: number;
  amended: number;
  executed: number;
  disallowed: number;
  recognised: number;
  balance: number;
  rateBp: number;
}

export interface BudgetLineView extends ExecutionFigures {
  id: string;
  programmeId: string;
  categoryCode: string;
  categoryName: string;
  parentCode: string;
  parentName: string;
  name: string;
  /** Committed by expenses not rejected (requested ones included), for the guardrail. */
  committed: number;
  bySource: (ExecutionFigures & { fundingSourceId: string })[];
}

export interface AmendmentItemInput {
  budgetLineId: string;
  fundingSourceId: string;
  delta: number;
}

export interface CreateAmendmentRequest {
  reason: string;
  items: AmendmentItemInput[];
}

export interface DecideAmendmentRequest {
  note?: string;
}

export interface AmendmentView {
  id: string;
  programmeId: string;
  reason: string;
  state: 'requested' | 'approved' | 'rejected';
  requestedBy: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  createdAt: string;
  items: AmendmentItemInput[];
}

export interface CreateExpenseRequest {
  budgetLineId: string;
  title: string;
  amount: number;
  expenseDate: string;
  payeeName: string;
  payeeAccount?: string;
  evidenceType: SettlementEvidenceType;
  /** Optional explicit split; otherwise the amount is split by the line's amended amounts. */
  split?: AmountBySource[];
  bookingId?: string;
  projectId?: string;
  agreementId?: string;
}

export interface EvidenceItemView {
  item: string;
  label: LocalizedText;
  provided: boolean;
  fileId: string | null;
  note: string;
}

export interface ExpenseView {
  id: string;
  programmeId: string;
  budgetLineId: string;
  budgetLineName: string;
  categoryCode: string;
  title: string;
  amount: number;
  state: SettlementExpenseState;
  expenseDate: string;
  payeeName: string;
  payeeAccount: string | null;
  evidenceType: SettlementEvidenceType;
  bookingId: string | null;
  projectId: string | null;
  agreementId: string | null;
  requestedBy: string;
  approvedBy: string | null;
  paidAt: string | null;
  paidEntryId: string | null;
  substantiveVerifiedBy: string | null;
  financialVerifiedBy: string | null;
  disallowedAmount: number;
  disallowedReason: string | null;
  stateReason: string | null;
  split: AmountBySource[];
  evidence: EvidenceItemView[];
  evidenceComplete: boolean;
  createdAt: string;
  /** Display names of the requester, approver and verifiers, by user id (so nobody reads a bare id). */
  people: Readonly<Record<string, string>>;
}

export interface ExpenseCreated {
  expense: ExpenseView;
  /** Present when the line passes its warn threshold. */
  warning: SettlementViolation | null;
}

export interface ReasonRequest {
  reason: string;
}

export interface PayExpenseRequest {
  paidOn?: string;
}

export interface ProvideEvidenceRequest {
  item: string;
  fileId?: string;
  note?: string;
}

export interface VerifyExpenseRequest {
  kind: 'substantive' | 'financial';
}

export interface DisallowExpenseRequest {
  amount: number;
  reason: string;
}

export interface RecordPaymentRequest {
  bookingId: string;
  kind: PaymentKind;
  method: PaymentMethod;
  amount: number;
  receivedOn: string;
  reference?: string;
  payerName?: string;
  /** The booking's asset category: income goes to the budget line mapped to it. */
  assetCategoryId?: string;
  budgetLineId?: string;
}

export interface PaymentView {
  id: string;
  bookingId: string;
  kind: PaymentKind;
  method: PaymentMethod;
  amount: number;
  receivedOn: string;
  reference: string;
  payerName: string;
  budgetLineId: string | null;
  entryId: string;
}

export interface RecordWaiverRequest {
  bookingId: string;
  value: number;
  reason: string;
  assetCategoryId?: string;
  budgetLineId?: string;
}

export interface WaiverView {
  id: string;
  bookingId: string;
  value: number;
  reason: string;
  waivedBy: string;
  budgetLineId: string | null;
  entryId: string;
}

export interface SetIncomeMappingRequest {
  budgetLineId: string;
}

export interface RentScheduleRequest {
  agreementId: string;
  budgetLineId: string;
  monthlyAmount: number;
  startsOn: string;
  endsOn: string;
}

export interface RentScheduleView extends RentScheduleRequest {
  id: string;
  postedMonths: string[];
}

export interface ColumnMappingView {
  date: string;
  amount?: string;
  deposit?: string;
  withdrawal?: string;
  counterparty?: string;
  memo?: string;
  balance?: string;
}

export interface BankImportResult {
  importId: string | null;
  /** True when this exact file was imported before: nothing was added. */
  duplicateFile: boolean;
  encoding: string;
  format: 'csv' | 'xlsx';
  linesRead: number;
  linesAdded: number;
  /** Lines already known from an earlier, overlapping statement. */
  linesKnown: number;
  autoMatched: number;
  interestPosted: number;
  problems: { row: number; column: string; reason: string }[];
}

export interface BankLineView {
  id: string;
  date: string;
  amount: number;
  counterparty: string;
  memo: string;
  balance: number | null;
  match: {
    target: BankMatchTarget;
    method: 'auto' | 'manual';
    expenseId: string | null;
    paymentId: string | null;
    entryId: string | null;
    note: string;
  } | null;
}

export interface MatchBankLineRequest {
  target: BankMatchTarget;
  expenseId?: string;
  paymentId?: string;
  programmeId?: string;
  note?: string;
}

export interface AutoMatchResult {
  matched: number;
  unreconciled: number;
}

export interface ExecutionView {
  programme: ExecutionFigures & { programmeId: string };
  bySource: (ExecutionFigures & { fundingSourceId: string; kind: FundingSourceKind; name: string })[];
  byCategory: (ExecutionFigures & { code: string; name: string; level: 1 | 2 })[];
  byLine: (ExecutionFigures & { budgetLineId: string; name: string; categoryCode: string })[];
}

export interface SettlementReportSource extends ExecutionFigures {
  fundingSourceId: string;
  kind: FundingSourceKind;
  name: string;
  returnable: boolean;
  interest: number;
  toReturn: number;
}

export interface SettlementReportCategory extends ExecutionFigures {
  code: string;
  name: string;
  subcategories: (ExecutionFigures & { code: string; name: string })[];
}

export interface SettlementReportExpense {
  id: string;
  expenseDate: string;
  categoryCode: string;
  categoryName: string;
  budgetLineName: string;
  title: string;
  payeeName: string;
  amount: number;
  disallowedAmount: number;
  disallowedReason: string | null;
  state: SettlementExpenseState;
  evidenceType: SettlementEvidenceType;
  evidenceRequired: number;
  evidenceProvided: number;
  verified: boolean;
}

/** The settlement report of one programme and period, as data (exports render these sections). */
export interface SettlementReport {
  programme: { id: string; code: string; name: string; year: number; kind: ProgrammeKind };
  period: { from: string; to: string };
  generatedAt: string;
  total: ExecutionFigures & { interest: number; toReturn: number };
  bySource: SettlementReportSource[];
  byCategory: SettlementReportCategory[];
  byLine: (ExecutionFigures & {
    budgetLineId: string;
    name: string;
    categoryCode: string;
    categoryName: string;
  })[];
  expenses: SettlementReportExpense[];
  /**
   * Income posted to the programme's lines in the period (added with the bookings link): booking
   * and cancellation fees or kept deposits, rent, and in-kind support (waived fees at their value).
   */
  income: SettlementReportIncome[];
}

export interface SettlementReportIncome {
  budgetLineId: string;
  name: string;
  categoryCode: string;
  fees: number;
  rent: number;
  inKind: number;
}

export interface SettlementSummary {
  expensesToApprove: number;
  expensesToPay: number;
  expensesToVerify: number;
  overdueEvidence: number;
  unreconciledLines: number;
  linesNearLimit: { budgetLineId: string; programmeId: string; name: string; rateBp: number }[];
  deadlines: { programmeId: string; name: string; executionDeadline: string; daysLeft: number }[];
  openPeriods: { year: number; month: number }[];
}

export interface ReverseEntryRequest {
  reason: string;
  entryDate?: string;
}

export interface EntryView {
  id: string;
  entryDate: string;
  source: string;
  sourceId: string | null;
  memo: string;
  postedBy: string;
  postedAt: string;
  reversesId: string | null;
  lines: {
    account: string;
    amount: number;
    programmeId: string | null;
    budgetLineId: string | null;
    fundingSourceId: string | null;
  }[];
}

/**
 * `GET /api/settlement/me`: whether this user has any settlement scope, so the web shows the
 * section only then. Every role carries `settlement:participate`; the scope is what counts.
 */
export interface SettlementMe {
  /** Operations, an approver assigned to a programme, or a manager of a programme's lead group. */
  visible: boolean;
  /** Operations: every programme, and the right to change anything (`settlement:manage`). */
  all: boolean;
  /** The programmes this user may see when not `all` (empty when `all`). */
  programmeIds: string[];
}
