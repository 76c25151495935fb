import type {
  AmendmentView,
  BankImportResult,
  BankLineView,
  BudgetLineView,
  ExpenseCreated,
  ExpenseView,
  ProgrammeView,
} from '@madang/contracts';
import { MadangClient } from '@madang/testing';
import { DEMO_PASSWORD } from './probe';

/** Which demo programme a settlement cell is about: the one resident A's team leads, or another. */
export type ProgrammeSide = 'led' | 'other';

/**
 * Settlement objects for the matrix, made through operations@ (and operations2@, so a decision is
 * never taken by its requester) and approver@ (who is assigned to every demo programme).
 * "led" is LAB-2027 (resident@ manages its lead group); "other" is HUB-2027 (not resident A's).
 */
export interface SettlementContext {
  programme(side: ProgrammeSide): Promise<ProgrammeView>;
  line(side: ProgrammeSide): Promise<BudgetLineView>;
  /** A fresh expense requested by approver@ (state `requested`). */
  requestedExpense(side: ProgrammeSide): Promise<ExpenseView>;
  /** A fresh expense requested by approver@ and approved by operations2@. */
  approvedExpense(): Promise<ExpenseView>;
  /** A fresh expense requested by approver@, approved and paid by operations2@ (state `paid`). */
  paidExpense(side?: ProgrammeSide): Promise<ExpenseView>;
  /** A fresh programme made by operations2@ with one funding source and one line. */
  scratchProgramme(): Promise<{ programme: ProgrammeView; line: BudgetLineView }>;
  /** A fresh amendment requested by operations2@ (decided by operations@ in the cells). */
  amendment(): Promise<AmendmentView>;
  /** A fiscal year made for the matrix whose open months are handed out one by one. */
  openPeriod(): Promise<{ year: number; month: number }>;
  /** A month closed by operations2@, for the admin to reopen. */
  closedPeriod(): Promise<{ year: number; month: number }>;
  /** A fresh, unused fiscal year number. */
  freshYear(): number;
  /** The saved column mapping of the matrix bank and a statement in that layout. */
  bank(): Promise<{ name: string; statement(): string }>;
  /** A fresh unreconciled bank line (imported through the matrix bank). */
  bankLine(): Promise<BankLineView>;
  /** The ledger entry of a freshly paid expense (never reversed before). */
  entry(): Promise<string>;
}

function ok<T>(what: string, r: { status: number; body: T }, status = [200, 201, 204]): T {
  if (!status.includes(r.status))
    throw new Error(`matrix setup: ${what} answered ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function settlementContext(
  baseUrl: string,
  sessions: { operations: MadangClient; approver: MadangClient },
): Promise<SettlementContext> {
  const ops = sessions.operations;
  const ops2 = new MadangClient(baseUrl, 'en');
  await ops2.login('operations2@madang.local', DEMO_PASSWORD);
  const programmes = ok('programmes', await ops.get<ProgrammeView[]>('/api/settlement/programmes?year=2027'));
  const byCode = (code: string) => {
    const found = programmes.find((p) => p.code === code);
    if (!found) throw new Error(`matrix setup: no demo programme ${code}`);
    return found;
  };
  const demo: Record<ProgrammeSide, ProgrammeView> = { led: byCode('LAB-2027'), other: byCode('HUB-2027') };
  const lines = new Map<ProgrammeSide, BudgetLineView>();
  const line = async (side: ProgrammeSide) => {
    if (!lines.has(side)) {
      const all = ok(
        'lines',
        await ops.get<BudgetLineView[]>(`/api/settlement/programmes/${demo[side].id}/lines`),
      );
      const roomiest = [...all].sort((a, b) => b.balance - a.balance)[0];
      if (!roomiest) throw new Error(`matrix setup: ${side} programme has no lines`);
      lines.set(side, roomiest);
    }
    return lines.get(side) as BudgetLineView;
  };
  let counter = 0;
  const today = new Date().toISOString().slice(0, 10);
  const requestedExpense = async (side: ProgrammeSide) =>
    ok(
      'expense',
      await sessions.approver.post<ExpenseCreated>('/api/settlement/expenses', {
        budgetLineId: (await line(side)).id,
        title: `matrix expense ${counter++}`,
        amount: 1000,
        expenseDate: today,
        payeeName: 'Matrix payee',
        evidenceType: 'card_slip',
      }),
    ).expense;
  const approvedExpense = async (side: ProgrammeSide = 'led') => {
    const expense = await requestedExpense(side);
    return ok('approve', await ops2.post<ExpenseView>(`/api/settlement/expenses/${expense.id}/approve`, {}));
  };
  const paidExpense = async (side: ProgrammeSide = 'led') => {
    const expense = await approvedExpense(side);
    return ok('pay', await ops2.post<ExpenseView>(`/api/settlement/expenses/${expense.id}/pay`, {}));
  };
  const scratchProgramme = async () => {
    const programme = ok(
      'programme',
      await ops2.post<ProgrammeView>('/api/settlement/programmes', {
        year: 2027,
        code: `MX-${Date.now().toString(36)}-${counter++}`,
        name: 'Matrix programme',
        kind: 'own',
        executionDeadline: '2027-12-31',
        sources: [{ kind: 'own', name: 'Own', shareBp: 10000 }],
      }),
    );
    const created = ok(
      'line',
      await ops2.post<BudgetLineView>(`/api/settlement/programmes/${programme.id}/lines`, {
        categoryCode: '200-06',
        name: 'Matrix line',
        amounts: [{ fundingSourceId: programme.sources[0].id, amount: 1_000_000 }],
      }),
    );
    return { programme, line: created };
  };
  let year: { year: number; next: number } | undefined;
  let closedYear: { year: number; next: number } | undefined;
  let yearCounter = 2060;
  const freshYear = () => yearCounter++;
  const newYear = async () => {
    const y = freshYear();
    ok('fiscal year', await ops2.post('/api/settlement/fiscal-years', { year: y }));
    return { year: y, next: 1 };
  };
  const nextMonth = async (slot: { year: number; next: number } | undefined) => {
    const current = slot && slot.next <= 12 ? slot : await newYear();
    return { current, month: current.next++ };
  };
  let bankMapping: { name: string; statement(): string } | undefined;
  const bank = async () => {
    if (!bankMapping) {
      const name = `matrix${Date.now().toString(36)}`;
      ok(
        'bank mapping',
        await ops2.put(`/api/settlement/bank/mappings/${name}`, {
          date: '거래일시',
          deposit: '입금액',
          withdrawal: '출금액',
          counterparty: '거래처',
          memo: '적요',
        }),
      );
      bankMapping = {
        name,
        statement: () =>
          `거래일시,입금액,출금액,거래처,적요\n${today} 10:00:00,${1000 + counter++},0,매트릭스,matrix ${counter}\n`,
      };
    }
    return bankMapping;
  };
  return {
    programme: async (side) => demo[side],
    line,
    requestedExpense,
    approvedExpense: () => approvedExpense(),
    paidExpense,
    scratchProgramme,
    amendment: async () => {
      const { programme, line: created } = await scratchProgramme();
      return ok(
        'amendment',
        await ops2.post<AmendmentView>(`/api/settlement/programmes/${programme.id}/amendments`, {
          reason: 'matrix amendment',
          items: [{ budgetLineId: created.id, fundingSourceId: programme.sources[0].id, delta: 1000 }],
        }),
      );
    },
    openPeriod: async () => {
      const { current, month } = await nextMonth(year);
      year = current;
      return { year: current.year, month };
    },
    closedPeriod: async () => {
      const { current, month } = await nextMonth(closedYear);
      closedYear = current;
      ok('close', await ops2.post(`/api/settlement/fiscal-years/${current.year}/periods/${month}/close`, {}));
      return { year: current.year, month };
    },
    freshYear,
    bank,
    bankLine: async () => {
      const b = await bank();
      const imported = ok(
        'bank import',
        await ops2.request<BankImportResult>(
          'POST',
          `/api/settlement/bank/imports?bank=${b.name}&fileName=matrix.csv`,
          undefined,
          { raw: b.statement(), headers: { 'content-type': 'text/csv' } },
        ),
      );
      void imported;
      const all = ok(
        'bank lines',
        await ops2.get<BankLineView[]>('/api/settlement/bank/lines?unreconciled=true&limit=5000'),
      );
      const found = all[all.length - 1];
      if (!found) throw new Error('matrix setup: no unreconciled bank line');
      return found;
    },
    entry: async () => {
      const expense = await paidExpense('led');
      if (!expense.paidEntryId) throw new Error('matrix setup: a paid expense without its entry');
      return expense.paidEntryId;
    },
  };
}
