import type {
  ExecutionFigures,
  Locale,
  SettlementReport,
  SettlementReportExpense,
  SettlementReportIncome,
  SettlementReportSource,
} from '@madang/contracts';
import { displayText } from '../platform/exports/cells';
import { section, type ExportColumn, type ExportDocument } from '../platform/exports/export-spec';

const T = {
  ko: {
    title: '정산 보고서',
    summary: '요약',
    bySource: '재원별',
    byCategory: '비목별',
    expenses: '지출 목록',
    income: '수입',
    fees: '대관료·위약금',
    rent: '임대료',
    inKind: '현물 지원(감면)',
    period: '기간',
    generated: '작성',
    item: '구분',
    source: '재원',
    code: '코드',
    category: '비목/세목',
    initial: '당초 예산',
    amended: '변경 예산',
    executed: '집행액',
    disallowed: '불인정액',
    recognised: '인정 집행액',
    balance: '잔액',
    rate: '집행률',
    interest: '이자',
    toReturn: '반납액',
    total: '합계',
    date: '지출일',
    line: '예산 항목',
    description: '내용',
    payee: '지급처',
    amount: '금액',
    reason: '불인정 사유',
    state: '상태',
    evidence: '증빙',
  },
  en: {
    title: 'Settlement report',
    summary: 'Summary',
    bySource: 'By source',
    byCategory: 'By category',
    expenses: 'Expenses',
    income: 'Income',
    fees: 'Booking fees',
    rent: 'Rent',
    inKind: 'In-kind (waived fees)',
    period: 'Period',
    generated: 'Generated',
    item: 'Item',
    source: 'Funding source',
    code: 'Code',
    category: 'Category',
    initial: 'Initial budget',
    amended: 'Amended budget',
    executed: 'Executed',
    disallowed: 'Disallowed',
    recognised: 'Recognised',
    balance: 'Balance',
    rate: 'Execution rate',
    interest: 'Interest',
    toReturn: 'To return',
    total: 'Total',
    date: 'Date',
    line: 'Budget line',
    description: 'Description',
    payee: 'Payee',
    amount: 'Amount',
    reason: 'Reason disallowed',
    state: 'State',
    evidence: 'Evidence',
  },
} as const;

type Labels = (typeof T)[Locale];
type Figured = ExecutionFigures & { interest?: number; toReturn?: number };

function figureColumns<R extends Figured>(t: Labels, withReturn: boolean): ExportColumn<R>[] {
  const columns: ExportColumn<R>[] = [
    { header: t.initial, kind: 'won', value: (r) => r.initial },
    { header: t.amended, kind: 'won', value: (r) => r.amended },
    { header: t.executed, kind: 'won', value: (r) => r.executed },
    { header: t.disallowed, kind: 'won', value: (r) => r.disallowed },
    { header: t.recognised, kind: 'won', value: (r) => r.recognised },
    { header: t.balance, kind: 'won', value: (r) => r.balance },
    { header: t.rate, kind: 'percent', value: (r) => r.rateBp / 10000 },
  ];
  if (withReturn)
    columns.push(
      { header: t.interest, kind: 'won', value: (r) => r.interest ?? 0 },
      { header: t.toReturn, kind: 'won', value: (r) => r.toReturn ?? 0 },
    );
  return columns;
}

interface CategoryRow extends ExecutionFigures {
  code: string;
  name: string;
}

/**
 * The settlement report as one export document for the house's export service (XLSX, CSV, PDF):
 * a summary, then by funding source (with interest and the amount to return), by 비목/세목, and the
 * expense list with its evidence status, and the income posted to the programme's lines.
 */
export function settlementReportDocument(
  report: SettlementReport,
  locale: Locale,
  timeZone: string,
): ExportDocument {
  const t = T[locale];
  const { programme, period } = report;
  const totalSource = { ...report.total, name: t.total } as Figured & { name: string };
  const categoryRows: CategoryRow[] = [];
  for (const c of report.byCategory) {
    categoryRows.push(c);
    for (const s of c.subcategories) categoryRows.push({ ...s, name: `  ${s.name}` });
  }
  categoryRows.push({ ...report.total, code: '', name: t.total });
  return {
    title: `${programme.name} ${t.title}`,
    subtitle: `${programme.code} · ${t.period} ${period.from} ~ ${period.to} · ${t.generated} ${displayText(report.generatedAt, 'datetime', timeZone)} (${timeZone})`,
    filename: `settlement-${programme.code}-${period.from}-${period.to}`,
    landscape: true,
    sections: [
      section<Figured & { name: string }>({
        title: t.summary,
        rows: [totalSource],
        total: 1,
        columns: [{ header: t.item, kind: 'text', value: (r) => r.name }, ...figureColumns(t, true)],
      }),
      section<Figured & { name: string }>({
        title: t.bySource,
        rows: [...report.bySource, totalSource] as (SettlementReportSource | typeof totalSource)[],
        total: report.bySource.length + 1,
        columns: [{ header: t.source, kind: 'text', value: (r) => r.name }, ...figureColumns(t, true)],
      }),
      section<CategoryRow>({
        title: t.byCategory,
        rows: categoryRows,
        total: categoryRows.length,
        columns: [
          { header: t.code, kind: 'text', value: (r) => r.code },
          { header: t.category, kind: 'text', value: (r) => r.name, width: 28 },
          ...figureColumns<CategoryRow>(t, false),
        ],
      }),
      section<SettlementReportExpense>({
        title: t.expenses,
        rows: report.expenses,
        total: report.expenses.length,
        columns: [
          { header: t.date, kind: 'date', value: (x) => x.expenseDate },
          { header: t.code, kind: 'text', value: (x) => x.categoryCode },
          { header: t.category, kind: 'text', value: (x) => x.categoryName },
          { header: t.line, kind: 'text', value: (x) => x.budgetLineName },
          { header: t.description, kind: 'text', value: (x) => x.title, width: 28 },
          { header: t.payee, kind: 'text', value: (x) => x.payeeName },
          { header: t.amount, kind: 'won', value: (x) => x.amount },
          { header: t.disallowed, kind: 'won', value: (x) => x.disallowedAmount },
          { header: t.reason, kind: 'text', value: (x) => x.disallowedReason ?? '' },
          { header: t.state, kind: 'text', value: (x) => x.state },
          { header: t.evidence, kind: 'text', value: (x) => `${x.evidenceProvided}/${x.evidenceRequired}` },
        ],
      }),
      section<SettlementReportIncome>({
        title: t.income,
        rows: report.income,
        total: report.income.length,
        columns: [
          { header: t.code, kind: 'text', value: (r) => r.categoryCode },
          { header: t.line, kind: 'text', value: (r) => r.name, width: 28 },
          { header: t.fees, kind: 'won', value: (r) => r.fees },
          { header: t.rent, kind: 'won', value: (r) => r.rent },
          { header: t.inKind, kind: 'won', value: (r) => r.inKind },
        ],
      }),
    ],
  };
}
