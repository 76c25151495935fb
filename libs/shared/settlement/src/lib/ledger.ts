import { sumWon, type Won } from '@madang/money';

export interface PostingLine {
  account: string;
  amount: Won;
  programmeId?: string | null;
  budgetLineId?: string | null;
  fundingSourceId?: string | null;
  expenseId?: string | null;
}

/** Whether lines form a valid entry: at least two, none zero, summing to zero exactly. */
export function entryProblem(
  lines: readonly PostingLine[],
): 'too_few_lines' | 'zero_line' | 'unbalanced' | null {
  if (lines.length < 2) return 'too_few_lines';
  if (lines.some((l) => l.amount === 0)) return 'zero_line';
  return sumWon(lines.map((l) => l.amount)) === 0 ? null : 'unbalanced';
}

/** The lines that undo an entry (each amount negated), for a reversing entry. */
export function reversal(lines: readonly PostingLine[]): PostingLine[] {
  return lines.map((l) => ({ ...l, amount: -l.amount }));
}

/** Two lines per part: debit `debit`, credit `credit`, skipping zero parts. */
export function pairLines(
  debit: string,
  credit: string,
  parts: readonly (Omit<PostingLine, 'account'> & { creditDims?: Omit<PostingLine, 'account' | 'amount'> })[],
): PostingLine[] {
  const lines: PostingLine[] = [];
  for (const { creditDims, ...part } of parts) {
    if (part.amount === 0) continue;
    lines.push({ ...part, account: debit });
    lines.push({ ...part, ...(creditDims ?? {}), account: credit, amount: -part.amount });
  }
  return lines;
}
