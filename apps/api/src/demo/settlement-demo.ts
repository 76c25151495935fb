import { Logger } from '@nestjs/common';
import { allocate } from '@madang/money';
import { pairLines, type PostingLine } from '@madang/settlement';
import { DateTime } from 'luxon';
import type { DataSource, EntityManager } from 'typeorm';
import { BudgetRepository } from '../settlement/budget.repository';
import { ExpensesRepository } from '../settlement/expenses.repository';
import { IncomeRepository } from '../settlement/income.repository';
import { LedgerRepository } from '../settlement/ledger.repository';
import { DEMO_PROGRAMMES, DEMO_YEAR, demoExpenses, demoPayments } from './settlement-demo-data';

export const DEMO_SECOND_OPERATIONS = 'operations2@madang.local';

interface People {
  ops: string;
  ops2: string;
  approver: string;
}

/**
 * A believable settlement year (2027): the regional-hub subsidy programme (국비 and 지방비 45/45
 * plus 자부담 10), a living lab and the centre's own operations; ~200 expenses in every state with
 * their ledger entries and evidence; rental income, deposits, rent and in-kind waivers; an approved
 * amendment. Idempotent: nothing is added once the 2027 hub programme exists. The November bank
 * statement that reconciles against it is `settlement-demo-statement-2027-11.csv`.
 */
export async function seedSettlementDemo(db: DataSource): Promise<void> {
  const logger = new Logger('Demo');
  await db.transaction(async (m) => {
    await m.query('SELECT pg_advisory_xact_lock(774203)');
    const exists = (await m.query(`SELECT 1 FROM programmes WHERE code = 'HUB-2027'`)) as unknown[];
    if (exists.length) return;
    const people = await ensurePeople(m);
    const ledger = new LedgerRepository();
    const budget = new BudgetRepository();
    const expenses = new ExpensesRepository();
    const income = new IncomeRepository();

    const years = await ledger.years(m, DEMO_YEAR);
    const yearId = years[0]?.id ?? (await ledger.createYear(m, DEMO_YEAR));
    const lineIds = new Map<string, string>();
    const programmeIds = new Map<string, string>();
    const sourceIds = new Map<string, string[]>();
    for (const p of DEMO_PROGRAMMES) {
      const id = await budget.insertProgramme(
        m,
        {
          fiscalYearId: yearId,
          code: p.code,
          name: p.name,
          kind: p.kind,
          executionDeadline: p.deadline,
          leadGroupId: null,
          warnThresholdBp: 9000,
          refuseThresholdBp: 10000,
        },
        p.sources,
      );
      programmeIds.set(p.code, id);
      await budget.setApprovers(m, id, [people.approver]);
      const sources = await budget.sources(m, [id]);
      const ordered = p.sources.map((s) => sources.find((x) => x.kind === s.kind)?.id as string);
      sourceIds.set(p.code, ordered);
      for (const line of p.lines) {
        const parts = allocate(
          line.budget,
          p.sources.map((s) => s.shareBp),
        );
        const categoryId = (await budget.categories(m)).find((c) => c.code === line.category)?.id as string;
        const lineId = await budget.insertLine(
          m,
          id,
          categoryId,
          line.name,
          new Map(ordered.map((s, i) => [s, parts[i]])),
        );
        lineIds.set(`${p.code}:${line.key}`, lineId);
      }
    }

    for (const x of demoExpenses()) {
      const programmeId = programmeIds.get(x.programme) as string;
      const budgetLineId = lineIds.get(`${x.programme}:${x.line}`) as string;
      const sources = sourceIds.get(x.programme) as string[];
      const id = await expenses.insert(
        m,
        {
          programmeId,
          budgetLineId,
          title: x.title,
          amount: x.amount,
          expenseDate: x.expenseDate,
          payeeName: x.payee,
          payeeAccount: null,
          evidenceType: x.evidenceType,
          bookingId: null,
          projectId: null,
          agreementId: null,
          requestedBy: people.approver,
        },
        sources.map((s, i) => ({ fundingSourceId: s, amount: x.split[i] })).filter((s) => s.amount > 0),
      );
      if (x.state === 'requested') continue;
      if (x.state === 'rejected') {
        await expenses.update(m, id, { state: 'rejected', state_reason: '사업 계획과 맞지 않음' });
        continue;
      }
      await expenses.update(m, id, { state: 'approved', approved_by: people.ops });
      if (x.state === 'approved' || !x.paidOn) continue;
      const split = sources.map((s, i) => ({ source: s, amount: x.split[i] }));
      const paidEntry = await ledger.insertEntry(
        m,
        { entryDate: x.paidOn, source: 'expense', sourceId: id, memo: x.title, postedBy: people.ops },
        pairLines(
          '5010',
          '1010',
          split.map((s) => ({
            amount: s.amount,
            programmeId,
            budgetLineId,
            fundingSourceId: s.source,
            expenseId: id,
            creditDims: { budgetLineId: null },
          })),
        ),
      );
      for (const item of x.provided)
        await expenses.provideEvidence(m, id, item, null, '데모 증빙', people.approver);
      const verified = x.state === 'verified' || x.state === 'disallowed';
      await expenses.update(m, id, {
        state: x.state === 'disallowed' ? 'verified' : x.state,
        paid_entry_id: paidEntry,
        ...(verified ? { substantive_verified_by: people.ops, financial_verified_by: people.ops2 } : {}),
        ...(x.state === 'evidence_missing' ? { state_reason: '증빙 누락: 보완 요청' } : {}),
      });
      if (x.state === 'disallowed') {
        const parts = allocate(
          x.disallowed,
          split.map((s) => s.amount),
        );
        await ledger.insertEntry(
          m,
          {
            entryDate: '2027-11-28',
            source: 'disallowance',
            sourceId: id,
            memo: x.disallowedReason ?? '',
            postedBy: people.ops2,
          },
          pairLines(
            '5020',
            '2020',
            split.map((s, i) => ({
              amount: parts[i],
              programmeId,
              budgetLineId,
              fundingSourceId: s.source,
              expenseId: id,
              creditDims: { budgetLineId: null },
            })),
          ),
        );
        await expenses.update(m, id, {
          state: 'disallowed',
          disallowed_amount: x.disallowed,
          disallowed_reason: x.disallowedReason ?? '불인정',
        });
      }
    }

    await seedIncome(m, people, ledger, income, {
      own: programmeIds.get('OWN-2027') as string,
      rental: lineIds.get('OWN-2027:rental') as string,
      rent: lineIds.get('OWN-2027:rent') as string,
    });
    await seedAmendment(
      m,
      people,
      budget,
      programmeIds.get('HUB-2027') as string,
      sourceIds.get('HUB-2027') as string[],
      lineIds,
    );
    await m.query(
      `INSERT INTO audit_log (actor_id, request_id, action, entity_type, entity_id, after)
       VALUES ($1, 'demo-seed', 'settlement.demo.seed', 'fiscal_year', $2, $3)`,
      [
        people.ops,
        yearId,
        JSON.stringify({ year: DEMO_YEAR, programmes: DEMO_PROGRAMMES.map((p) => p.code) }),
      ],
    );
    logger.log(`settlement demo: ${DEMO_YEAR} with ${DEMO_PROGRAMMES.length} programmes seeded`);
  });
}

async function ensurePeople(m: EntityManager): Promise<People> {
  const id = async (email: string) =>
    ((await m.query(`SELECT id FROM users WHERE email_normalized = $1`, [email])) as { id: string }[])[0]?.id;
  const ops = await id('operations@madang.local');
  const approver = await id('approver@madang.local');
  if (!ops || !approver) throw new Error('demo accounts missing: seed them first');
  let ops2 = await id(DEMO_SECOND_OPERATIONS);
  if (!ops2) {
    // A second person in the finance team: two-person verification needs one. Same demo password.
    const [row] = (await m.query(
      `INSERT INTO users (email, email_normalized, display_name, locale, password_hash)
       SELECT $1, $1, '한회계 (경영지원팀)', 'ko', password_hash FROM users WHERE id = $2 RETURNING id`,
      [DEMO_SECOND_OPERATIONS, ops],
    )) as { id: string }[];
    ops2 = row.id;
    await m.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, 'resident'), ($1, 'operations')`, [
      ops2,
    ]);
  }
  return { ops, ops2, approver };
}

async function seedIncome(
  m: EntityManager,
  people: People,
  ledger: LedgerRepository,
  income: IncomeRepository,
  lines: { own: string; rental: string; rent: string },
): Promise<void> {
  const dims = { programmeId: lines.own, budgetLineId: lines.rental };
  // Every catalogue category's rental income goes to the own-operations rental line.
  for (const c of (await m.query(`SELECT id FROM asset_categories`)) as { id: string }[])
    await income.setMapping(m, c.id, lines.rental);
  const post = async (
    date: string,
    source: 'booking_fee' | 'deposit' | 'in_kind' | 'rent',
    sourceId: string,
    memo: string,
    posting: PostingLine[],
  ) => ledger.insertEntry(m, { entryDate: date, source, sourceId, memo, postedBy: people.ops }, posting);

  for (const p of demoPayments()) {
    const credit = p.kind === 'fee' ? '4010' : '2010';
    const entryId = await post(
      p.receivedOn,
      p.kind === 'fee' ? 'booking_fee' : 'deposit',
      p.bookingId,
      `${p.kind} ${p.reference}`,
      [
        { account: '1010', amount: p.amount, ...dims },
        { account: credit, amount: -p.amount, ...dims },
      ],
    );
    await income.insertPayment(m, {
      bookingId: p.bookingId,
      kind: p.kind,
      method: 'bank_transfer',
      amount: p.amount,
      receivedOn: p.receivedOn,
      reference: p.reference,
      payerName: p.payer,
      budgetLineId: lines.rental,
      entryId,
      recordedBy: people.ops,
    });
  }

  // The demo bookings: approved ones with a fee are paid (by card at the desk); waived ones are in-kind.
  const bookings = (await m.query(
    `SELECT id, quoted_total, payment_status, (quote->>'waived')::bigint AS waived, decision,
            (start_at AT TIME ZONE 'Asia/Seoul')::date::text AS day
       FROM bookings WHERE decision IN ('approved', 'pending') ORDER BY start_at`,
  )) as {
    id: string;
    quoted_total: number;
    payment_status: string;
    waived: string | null;
    decision: string;
    day: string;
  }[];
  for (const b of bookings) {
    if (b.decision === 'approved' && b.quoted_total > 0 && b.payment_status !== 'waived') {
      const entryId = await post(b.day, 'booking_fee', b.id, 'fee (demo booking)', [
        { account: '1030', amount: b.quoted_total, ...dims },
        { account: '4010', amount: -b.quoted_total, ...dims },
      ]);
      await income.insertPayment(m, {
        bookingId: b.id,
        kind: 'fee',
        method: 'card',
        amount: b.quoted_total,
        receivedOn: b.day,
        reference: '',
        payerName: '',
        budgetLineId: lines.rental,
        entryId,
        recordedBy: people.ops,
      });
    }
    const waived = Number(b.waived ?? 0);
    if (waived > 0) {
      const entryId = await post(b.day, 'in_kind', b.id, '주민 팀 감면', [
        { account: '5090', amount: waived, ...dims },
        { account: '4090', amount: -waived, ...dims },
      ]);
      await income.insertWaiver(m, {
        bookingId: b.id,
        value: waived,
        reason: '주민 팀 공익 활동 감면',
        budgetLineId: lines.rental,
        waivedBy: people.approver,
        entryId,
      });
    }
  }

  // A resident team's residency agreement: rent posted monthly from March.
  const scheduleId = await income.insertSchedule(m, {
    agreementId: '3c1d2e4f-2027-4a00-9b00-000000000001',
    budgetLineId: lines.rent,
    monthlyAmount: 150_000,
    startsOn: '2027-03-01',
    endsOn: '2028-02-29',
    createdBy: people.ops,
  });
  for (let month = 3; month <= 11; month++) {
    const date = DateTime.fromObject({ year: DEMO_YEAR, month, day: 1 }).toISODate() as string;
    const entryId = await post(
      date,
      'rent',
      '3c1d2e4f-2027-4a00-9b00-000000000001',
      `rent ${date.slice(0, 7)}`,
      [
        { account: '1100', amount: 150_000, programmeId: lines.own, budgetLineId: lines.rent },
        { account: '4030', amount: -150_000, programmeId: lines.own, budgetLineId: lines.rent },
      ],
    );
    await income.insertRentPosting(m, scheduleId, date, entryId);
  }
}

async function seedAmendment(
  m: EntityManager,
  people: People,
  budget: BudgetRepository,
  programmeId: string,
  sources: string[],
  lineIds: Map<string, string>,
): Promise<void> {
  const id = await budget.insertAmendment(
    m,
    programmeId,
    '영상 용역 단가 인하분을 축제 운영비로 전용 (1차 변경)',
    people.ops,
    [
      {
        budgetLineId: lineIds.get('HUB-2027:service') as string,
        fundingSourceId: sources[0],
        delta: -2_000_000,
      },
      {
        budgetLineId: lineIds.get('HUB-2027:event') as string,
        fundingSourceId: sources[0],
        delta: 2_000_000,
      },
    ],
  );
  await budget.decideAmendment(m, id, 'approved', people.ops2, '운영위원회 의결 (2027-07-02)');
}
