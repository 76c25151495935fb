import { Injectable } from '@nestjs/common';
import type { ExecutionFigures, Locale, SettlementReport } from '@madang/contracts';
import ExcelJS from 'exceljs';

/** Renders the settlement report as a file; the house's export service will provide CSV and PDF too. */
export abstract class SettlementReportExporter {
  abstract xlsx(report: SettlementReport, locale: Locale): Promise<Buffer>;
}

const WON = '#,##0';
const RATE = '0.0%';

const T = {
  ko: {
    summary: '요약',
    bySource: '재원별',
    byCategory: '비목별',
    expenses: '지출 목록',
    programme: '사업',
    period: '기간',
    generated: '작성 시각',
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
    title: '내용',
    payee: '지급처',
    amount: '금액',
    reason: '불인정 사유',
    state: '상태',
    evidence: '증빙',
  },
  en: {
    summary: 'Summary',
    bySource: 'By source',
    byCategory: 'By category',
    expenses: 'Expenses',
    programme: 'Programme',
    period: 'Period',
    generated: 'Generated at',
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
    title: 'Description',
    payee: 'Payee',
    amount: 'Amount',
    reason: 'Reason disallowed',
    state: 'State',
    evidence: 'Evidence',
  },
} as const;

const figures = (f: ExecutionFigures) => [
  f.initial,
  f.amended,
  f.executed,
  f.disallowed,
  f.recognised,
  f.balance,
  f.rateBp / 10000,
];

/** The XLSX an accountant opens: one sheet per section, won as numbers with thousands separators. */
@Injectable()
export class ExcelSettlementReportExporter extends SettlementReportExporter {
  async xlsx(report: SettlementReport, locale: Locale): Promise<Buffer> {
    const t = T[locale];
    const book = new ExcelJS.Workbook();
    book.creator = 'Madang';
    book.created = new Date(report.generatedAt);
    const figureHeaders = [t.initial, t.amended, t.executed, t.disallowed, t.recognised, t.balance, t.rate];

    const summary = book.addWorksheet(t.summary);
    summary.addRows([
      [t.programme, `${report.programme.name} (${report.programme.code})`],
      [t.period, `${report.period.from} ~ ${report.period.to}`],
      [t.generated, report.generatedAt],
      [],
      [...figureHeaders, t.interest, t.toReturn],
      [...figures(report.total), report.total.interest, report.total.toReturn],
    ]);
    style(summary, 5, 6, [1, 2, 3, 4, 5, 6, 8, 9], [7]);

    const sources = book.addWorksheet(t.bySource);
    sources.addRow([t.source, ...figureHeaders, t.interest, t.toReturn]);
    for (const s of report.bySource) sources.addRow([s.name, ...figures(s), s.interest, s.toReturn]);
    sources.addRow([t.total, ...figures(report.total), report.total.interest, report.total.toReturn]);
    style(sources, 1, sources.rowCount, [2, 3, 4, 5, 6, 7, 9, 10], [8]);

    const categories = book.addWorksheet(t.byCategory);
    categories.addRow([t.code, t.category, ...figureHeaders]);
    for (const c of report.byCategory) {
      categories.addRow([c.code, c.name, ...figures(c)]).font = { bold: true };
      for (const s of c.subcategories) categories.addRow([s.code, `  ${s.name}`, ...figures(s)]);
    }
    categories.addRow(['', t.total, ...figures(report.total)]);
    style(categories, 1, categories.rowCount, [3, 4, 5, 6, 7, 8], [9]);

    const expenses = book.addWorksheet(t.expenses);
    expenses.addRow([
      t.date,
      t.code,
      t.category,
      t.line,
      t.title,
      t.payee,
      t.amount,
      t.disallowed,
      t.reason,
      t.state,
      t.evidence,
    ]);
    for (const x of report.expenses)
      expenses.addRow([
        x.expenseDate,
        x.categoryCode,
        x.categoryName,
        x.budgetLineName,
        x.title,
        x.payeeName,
        x.amount,
        x.disallowedAmount,
        x.disallowedReason ?? '',
        x.state,
        `${x.evidenceProvided}/${x.evidenceRequired}`,
      ]);
    style(expenses, 1, expenses.rowCount, [7, 8], []);

    return Buffer.from(await book.xlsx.writeBuffer());
  }
}

function style(
  sheet: ExcelJS.Worksheet,
  headerRow: number,
  lastRow: number,
  wonCols: number[],
  rateCols: number[],
) {
  sheet.getRow(headerRow).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: headerRow }];
  for (let r = headerRow + 1; r <= lastRow; r++) {
    for (const c of wonCols) sheet.getRow(r).getCell(c).numFmt = WON;
    for (const c of rateCols) sheet.getRow(r).getCell(c).numFmt = RATE;
  }
  sheet.columns.forEach((column) => {
    column.width = 16;
  });
}
