import { parseWon, type Won } from '@madang/money';

/**
 * Which columns of a bank's export hold what. Either `amount` (signed) or `deposit` and
 * `withdrawal` (two unsigned columns, as most Korean banks print them). Names are header texts.
 */
export interface ColumnMapping {
  date: string;
  amount?: string;
  deposit?: string;
  withdrawal?: string;
  counterparty?: string;
  memo?: string;
  balance?: string;
}

export interface StatementLine {
  /** 1-based row number in the file. */
  row: number;
  date: string;
  amount: Won;
  counterparty: string;
  memo: string;
  balance: Won | null;
}

export interface StatementProblem {
  row: number;
  column: string;
  reason: 'bad_date' | 'bad_amount' | 'no_amount';
}

/** Header names Korean banks use, to guess a mapping when none is saved. */
const ALIASES: Readonly<Record<keyof ColumnMapping, readonly string[]>> = {
  date: ['거래일시', '거래일자', '거래일', '일자', '날짜', 'date', '거래 일시'],
  amount: ['거래금액', '금액', 'amount'],
  deposit: ['입금액', '입금', '맡기신금액', '입금금액', 'deposit'],
  withdrawal: ['출금액', '출금', '찾으신금액', '출금금액', 'withdrawal'],
  counterparty: ['의뢰인/수취인', '거래내용', '내용', '받는분', '보낸분', '기재내용', 'counterparty', '상대'],
  memo: ['적요', '메모', '비고', 'memo', '통장메모', '거래기록사항', '기록사항'],
  balance: ['잔액', '거래후잔액', '거래 후 잔액', 'balance'],
};

const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/** Finds the header row (the first whose cells name a date column) and guesses a mapping. */
export function detectHeader(
  rows: readonly (readonly string[])[],
  saved?: ColumnMapping,
): { headerIndex: number; mapping: ColumnMapping } | null {
  for (let i = 0; i < Math.min(rows.length, 30); i++) {
    const cells = rows[i].map(norm);
    if (saved) {
      if (cells.includes(norm(saved.date))) return { headerIndex: i, mapping: saved };
      continue;
    }
    const find = (key: keyof ColumnMapping) => {
      const index = cells.findIndex((c) => ALIASES[key].some((a) => c === norm(a)));
      return index >= 0 ? rows[i][index] : undefined;
    };
    const date = find('date');
    if (!date) continue;
    const mapping: ColumnMapping = { date };
    for (const key of ['amount', 'deposit', 'withdrawal', 'counterparty', 'memo', 'balance'] as const) {
      const header = find(key);
      if (header) mapping[key] = header;
    }
    if (mapping.amount || mapping.deposit || mapping.withdrawal) return { headerIndex: i, mapping };
  }
  return null;
}

/** Reads `2027-11-03`, `2027.11.03`, `2027/11/03 14:22:10`, `20271103`, `2027년 11월 3일` as a date. */
export function parseStatementDate(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})[-./년\s]+(\d{1,2})[-./월\s]+(\d{1,2})/.exec(t);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})/.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function amountOf(text: string | undefined): Won | null {
  if (text === undefined || text.trim() === '' || text.trim() === '-') return null;
  return parseWon(text);
}

/** Turns the rows under the header into statement lines; rows without a date (totals) are skipped. */
export function readStatement(
  rows: readonly (readonly string[])[],
  headerIndex: number,
  mapping: ColumnMapping,
): { lines: StatementLine[]; problems: StatementProblem[] } {
  const header = rows[headerIndex].map(norm);
  const col = (name?: string) => (name ? header.indexOf(norm(name)) : -1);
  const c = {
    date: col(mapping.date),
    amount: col(mapping.amount),
    deposit: col(mapping.deposit),
    withdrawal: col(mapping.withdrawal),
    counterparty: col(mapping.counterparty),
    memo: col(mapping.memo),
    balance: col(mapping.balance),
  };
  const lines: StatementLine[] = [];
  const problems: StatementProblem[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const cells = rows[i];
    const cell = (index: number) => (index >= 0 ? (cells[index] ?? '').trim() : undefined);
    const rawDate = cell(c.date) ?? '';
    if (!rawDate || cells.every((x) => !x.trim())) continue;
    const date = parseStatementDate(rawDate);
    if (!date) {
      // Footer rows (합계, 총 건수) have no date: skip them; a malformed date among real rows is a problem.
      if (/\d/.test(rawDate) && !/합계|건수|total/i.test(rawDate))
        problems.push({ row: i + 1, column: mapping.date, reason: 'bad_date' });
      continue;
    }
    let amount: Won | null;
    try {
      if (c.amount >= 0) amount = amountOf(cell(c.amount));
      else {
        const deposit = amountOf(cell(c.deposit)) ?? 0;
        const withdrawal = amountOf(cell(c.withdrawal)) ?? 0;
        amount = deposit - withdrawal;
      }
    } catch {
      problems.push({ row: i + 1, column: mapping.amount ?? mapping.deposit ?? '', reason: 'bad_amount' });
      continue;
    }
    if (!amount) {
      problems.push({ row: i + 1, column: mapping.amount ?? mapping.deposit ?? '', reason: 'no_amount' });
      continue;
    }
    let balance: Won | null = null;
    try {
      balance = amountOf(cell(c.balance));
    } catch {
      balance = null;
    }
    lines.push({
      row: i + 1,
      date,
      amount,
      counterparty: cell(c.counterparty) ?? '',
      memo: cell(c.memo) ?? '',
      balance,
    });
  }
  return { lines, problems };
}

/** Whether a statement line is bank interest (이자), which posts as interest to return. */
export function isInterestLine(line: Pick<StatementLine, 'amount' | 'counterparty' | 'memo'>): boolean {
  return line.amount > 0 && /이자|결산|interest/i.test(`${line.counterparty} ${line.memo}`);
}
