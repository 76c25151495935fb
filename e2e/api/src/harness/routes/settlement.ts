import { randomUUID } from 'node:crypto';
import type { ProgrammeSide } from '../support/settlement-context';
import { json, get, cells, type Cell, type RouteEntry, type Variant } from './common';

/**
 * Settlement (issue 9): operations do everything; approvers see and request expenses for the
 * programmes they are assigned to (approver@ is on every demo programme); managers of a programme's
 * lead group see it and request expenses (resident A manages LAB-2027's lead group); anyone without
 * a programme — resident B, and the admin, whose only settlement power is reopening a period — is
 * refused (403) before the request is even read. A programme outside the actor's scope is 404.
 * For programme-scoped rows, "own" is LAB-2027 (resident A's) and "other" is HUB-2027 (not theirs).
 */
const SCOPED = cells(401, 200, 403, 200, 200, 403);
const SCOPED_OTHER = cells(401, 404, 403, 200, 200, 403);
const SCOPED_CREATE = cells(401, 201, 403, 201, 201, 403);
/** A budget line of a programme outside the actor's scope is refused like an unknown one: 400 naming budgetLineId. */
const SCOPED_CREATE_OTHER = cells(401, 400, 403, 201, 201, 403);
const MANAGE = (ok: Cell) => cells(401, 403, 403, 403, ok, 403);
const REOPEN = (ok: number) => cells(401, 403, 403, 403, 403, ok);
const side = (variant: Variant): ProgrammeSide => (variant === 'own' ? 'led' : 'other');
const today = () => new Date().toISOString().slice(0, 10);
const programmeRead = (suffix: string): RouteEntry => ({
  rule: 'settlement:participate, scoped by programme (own = LAB-2027 led by resident A, other = HUB-2027)',
  own: SCOPED,
  other: SCOPED_OTHER,
  request: async (ctx, _role, variant) =>
    json('GET', `/api/settlement/programmes/${(await ctx.settlement.programme(side(variant))).id}${suffix}`),
});
const scopedList = (url: string): RouteEntry => ({
  rule: 'settlement:participate; each role sees its own programmes, no scope at all is 403',
  all: SCOPED,
  request: () => get(url),
});
const manageGet = (url: string): RouteEntry => ({
  rule: 'settlement:manage (operations)',
  all: MANAGE(200),
  request: () => get(url),
});

/** Settlement routes (issue 9). */
export const SETTLEMENT_ROUTES: Readonly<Record<string, RouteEntry>> = {
  // ── settlement ─────────────────────────────────────────────────────────────
  'GET /api/settlement/fiscal-years': scopedList('/api/settlement/fiscal-years'),
  'POST /api/settlement/fiscal-years': {
    rule: 'settlement:manage; a year not opened before',
    all: MANAGE(201),
    request: (ctx) =>
      Promise.resolve(json('POST', '/api/settlement/fiscal-years', { year: ctx.settlement.freshYear() })),
  },
  'POST /api/settlement/fiscal-years/{year}/periods/{month}/close': {
    rule: 'settlement:manage; an open month',
    all: MANAGE(200),
    request: async (ctx) => {
      const { year, month } = await ctx.settlement.openPeriod();
      return json('POST', `/api/settlement/fiscal-years/${year}/periods/${month}/close`);
    },
  },
  'POST /api/settlement/fiscal-years/{year}/periods/{month}/reopen': {
    rule: 'settlement:reopen (admin only, with a reason; operations close but never reopen)',
    all: REOPEN(200),
    request: async (ctx) => {
      const { year, month } = await ctx.settlement.closedPeriod();
      return json('POST', `/api/settlement/fiscal-years/${year}/periods/${month}/reopen`, {
        reason: 'matrix reopen',
      });
    },
  },
  'GET /api/settlement/categories': scopedList('/api/settlement/categories'),
  'GET /api/settlement/programmes': scopedList('/api/settlement/programmes'),
  'POST /api/settlement/programmes': {
    rule: 'settlement:manage',
    all: MANAGE(201),
    request: async (ctx) =>
      json('POST', '/api/settlement/programmes', {
        year: 2027,
        code: `MXP-${ctx.unique()}`,
        name: 'Matrix programme',
        kind: 'subsidy',
        executionDeadline: '2027-12-31',
        sources: [{ kind: 'national', name: 'National', shareBp: 10000 }],
      }),
  },
  'GET /api/settlement/programmes/{id}': programmeRead(''),
  'PATCH /api/settlement/programmes/{id}': {
    rule: 'settlement:manage',
    all: MANAGE(200),
    request: async (ctx) =>
      json('PATCH', `/api/settlement/programmes/${(await ctx.settlement.scratchProgramme()).programme.id}`, {
        name: 'Matrix programme (renamed)',
      }),
  },
  'PUT /api/settlement/programmes/{id}/approvers': {
    rule: 'settlement:manage',
    all: MANAGE(200),
    request: async (ctx) =>
      json(
        'PUT',
        `/api/settlement/programmes/${(await ctx.settlement.scratchProgramme()).programme.id}/approvers`,
        { userIds: [ctx.userId('approver')] },
      ),
  },
  'GET /api/settlement/programmes/{id}/lines': programmeRead('/lines'),
  'POST /api/settlement/programmes/{id}/lines': {
    rule: 'settlement:manage',
    all: MANAGE(201),
    request: async (ctx) => {
      const { programme } = await ctx.settlement.scratchProgramme();
      return json('POST', `/api/settlement/programmes/${programme.id}/lines`, {
        categoryCode: '200-06',
        name: 'Matrix line 2',
        amounts: [{ fundingSourceId: programme.sources[0].id, amount: 500_000 }],
      });
    },
  },
  'GET /api/settlement/programmes/{id}/amendments': programmeRead('/amendments'),
  'POST /api/settlement/programmes/{id}/amendments': {
    rule: 'settlement:manage',
    all: MANAGE(201),
    request: async (ctx) => {
      const { programme, line } = await ctx.settlement.scratchProgramme();
      return json('POST', `/api/settlement/programmes/${programme.id}/amendments`, {
        reason: 'matrix amendment',
        items: [{ budgetLineId: line.id, fundingSourceId: programme.sources[0].id, delta: 1000 }],
      });
    },
  },
  'POST /api/settlement/amendments/{id}/approve': {
    rule: 'settlement:manage; decided by someone other than its requester (operations2@ asked)',
    all: MANAGE(200),
    request: async (ctx) =>
      json('POST', `/api/settlement/amendments/${(await ctx.settlement.amendment()).id}/approve`, {
        note: 'ok',
      }),
  },
  'POST /api/settlement/amendments/{id}/reject': {
    rule: 'settlement:manage; decided by someone other than its requester (operations2@ asked)',
    all: MANAGE(200),
    request: async (ctx) =>
      json('POST', `/api/settlement/amendments/${(await ctx.settlement.amendment()).id}/reject`, {
        note: 'no',
      }),
  },
  'GET /api/settlement/programmes/{id}/execution': programmeRead('/execution'),
  'GET /api/settlement/programmes/{id}/report': programmeRead('/report'),
  'GET /api/settlement/programmes/{id}/report.xlsx': programmeRead('/report.xlsx'),
  'GET /api/settlement/programmes/{id}/report.csv': programmeRead('/report.csv'),
  'GET /api/settlement/programmes/{id}/report.pdf': programmeRead('/report.pdf'),
  'GET /api/settlement/expenses': scopedList('/api/settlement/expenses'),
  'POST /api/settlement/expenses': {
    rule: 'settlement:participate: approvers and project leads request expenses for their programmes',
    own: SCOPED_CREATE,
    other: SCOPED_CREATE_OTHER,
    request: async (ctx, _role, variant) =>
      json('POST', '/api/settlement/expenses', {
        budgetLineId: (await ctx.settlement.line(side(variant))).id,
        title: `matrix ${ctx.unique()}`,
        amount: 1000,
        expenseDate: today(),
        payeeName: 'Matrix payee',
        evidenceType: 'card_slip',
      }),
  },
  'GET /api/settlement/expenses/{id}': {
    rule: 'settlement:participate, scoped by the expense’s programme (own = LAB-2027, other = HUB-2027)',
    own: SCOPED,
    other: SCOPED_OTHER,
    request: async (ctx, _role, variant) =>
      json('GET', `/api/settlement/expenses/${(await ctx.settlement.requestedExpense(side(variant))).id}`),
  },
  'POST /api/settlement/expenses/{id}/approve': {
    rule: 'settlement:manage; a requested expense (asked by approver@)',
    all: MANAGE(200),
    request: async (ctx) =>
      json('POST', `/api/settlement/expenses/${(await ctx.settlement.requestedExpense('led')).id}/approve`),
  },
  'POST /api/settlement/expenses/{id}/reject': {
    rule: 'settlement:manage; a requested expense',
    all: MANAGE(200),
    request: async (ctx) =>
      json('POST', `/api/settlement/expenses/${(await ctx.settlement.requestedExpense('led')).id}/reject`, {
        reason: 'matrix refusal',
      }),
  },
  'POST /api/settlement/expenses/{id}/pay': {
    rule: 'settlement:manage; an approved expense',
    all: MANAGE(200),
    request: async (ctx) =>
      json('POST', `/api/settlement/expenses/${(await ctx.settlement.approvedExpense()).id}/pay`, {
        paidOn: today(),
      }),
  },
  'POST /api/settlement/expenses/{id}/evidence': {
    rule: 'settlement:participate, scoped by the expense’s programme: whoever may see it adds evidence',
    own: SCOPED,
    other: SCOPED_OTHER,
    request: async (ctx, _role, variant) => {
      const expense = await ctx.settlement.requestedExpense(side(variant));
      return json('POST', `/api/settlement/expenses/${expense.id}/evidence`, {
        item: expense.evidence[0]?.item ?? 'receipt',
        note: 'matrix evidence',
      });
    },
  },
  'POST /api/settlement/expenses/{id}/evidence-missing': {
    rule: 'settlement:manage; a paid expense',
    all: MANAGE(200),
    request: async (ctx) =>
      json('POST', `/api/settlement/expenses/${(await ctx.settlement.paidExpense()).id}/evidence-missing`, {
        reason: 'matrix: receipt missing',
      }),
  },
  'POST /api/settlement/expenses/{id}/verify': {
    rule: 'settlement:manage; a paid expense whose evidence is incomplete is not verified (422 evidence_incomplete)',
    all: MANAGE(422),
    request: async (ctx) =>
      json('POST', `/api/settlement/expenses/${(await ctx.settlement.paidExpense()).id}/verify`, {
        kind: 'substantive',
      }),
  },
  'POST /api/settlement/expenses/{id}/disallow': {
    rule: 'settlement:manage; part of a paid expense',
    all: MANAGE(200),
    request: async (ctx) =>
      json('POST', `/api/settlement/expenses/${(await ctx.settlement.paidExpense()).id}/disallow`, {
        amount: 500,
        reason: 'matrix disallowance',
      }),
  },
  'GET /api/settlement/summary': scopedList('/api/settlement/summary'),
  'POST /api/settlement/payments': {
    rule: 'settlement:manage; a pending booking takes no payment yet (409 not_approved)',
    all: MANAGE(409),
    request: async (ctx) =>
      json('POST', '/api/settlement/payments', {
        bookingId: await ctx.pendingBooking('residentA'),
        kind: 'fee',
        method: 'bank_transfer',
        amount: 10000,
        receivedOn: today(),
      }),
  },
  'GET /api/settlement/payments': manageGet('/api/settlement/payments'),
  'POST /api/settlement/waivers': {
    rule: 'settlement:manage; a pending booking is not waived before its decision (409 state_conflict)',
    all: MANAGE(409),
    request: async (ctx) =>
      json('POST', '/api/settlement/waivers', {
        bookingId: await ctx.pendingBooking('residentA'),
        value: 1000,
        reason: 'matrix waiver',
      }),
  },
  'GET /api/settlement/income-mappings': manageGet('/api/settlement/income-mappings'),
  'PUT /api/settlement/income-mappings/{assetCategoryId}': {
    rule: 'settlement:manage',
    all: MANAGE(204),
    request: async (ctx) =>
      json('PUT', `/api/settlement/income-mappings/${ctx.categoryId}`, {
        budgetLineId: (await ctx.settlement.line('led')).id,
      }),
  },
  'GET /api/settlement/rent-schedules': manageGet('/api/settlement/rent-schedules'),
  'POST /api/settlement/rent-schedules': {
    rule: 'settlement:manage; no agreements domain exists yet, so agreementId is an outside reference the API cannot check (reported to the lead)',
    all: MANAGE(201),
    request: async (ctx) =>
      json('POST', '/api/settlement/rent-schedules', {
        agreementId: randomUUID(),
        budgetLineId: (await ctx.settlement.line('led')).id,
        monthlyAmount: 150_000,
        startsOn: '2027-03-01',
        endsOn: '2027-12-31',
      }),
  },
  'POST /api/settlement/rent-schedules/post-due': {
    rule: 'settlement:manage',
    all: MANAGE(200),
    request: () =>
      Promise.resolve(json('POST', '/api/settlement/rent-schedules/post-due', { asOf: today() })),
  },
  'GET /api/settlement/bank/mappings': manageGet('/api/settlement/bank/mappings'),
  'PUT /api/settlement/bank/mappings/{bank}': {
    rule: 'settlement:manage',
    all: MANAGE(204),
    request: async (ctx) =>
      json('PUT', `/api/settlement/bank/mappings/matrix-${ctx.unique()}`, {
        date: '거래일시',
        deposit: '입금액',
        withdrawal: '출금액',
      }),
  },
  'POST /api/settlement/bank/imports': {
    rule: 'settlement:manage; a CSV statement in the saved layout',
    all: MANAGE(201),
    request: async (ctx) => {
      const bank = await ctx.settlement.bank();
      return {
        method: 'POST',
        url: `/api/settlement/bank/imports?bank=${bank.name}&fileName=matrix.csv`,
        body: bank.statement(),
        contentType: 'text/csv',
      };
    },
  },
  'GET /api/settlement/bank/lines': manageGet('/api/settlement/bank/lines'),
  'POST /api/settlement/bank/lines/{id}/match': {
    rule: 'settlement:manage; an unreconciled line',
    all: MANAGE(200),
    request: async (ctx) =>
      json('POST', `/api/settlement/bank/lines/${(await ctx.settlement.bankLine()).id}/match`, {
        target: 'other',
        note: 'matrix',
      }),
  },
  'POST /api/settlement/bank/auto-match': {
    rule: 'settlement:manage',
    all: MANAGE(200),
    request: () => Promise.resolve(json('POST', '/api/settlement/bank/auto-match')),
  },
  'GET /api/settlement/entries/{id}': {
    rule: 'settlement:participate, scoped by the entry’s programme (own = a LAB-2027 expense, other = HUB-2027)',
    own: SCOPED,
    other: SCOPED_OTHER,
    request: async (ctx, _role, variant) =>
      json('GET', `/api/settlement/entries/${(await ctx.settlement.paidExpense(side(variant))).paidEntryId}`),
  },
  'POST /api/settlement/entries/{id}/reverse': {
    rule: 'settlement:manage; an entry not reversed before',
    all: MANAGE(201),
    request: async (ctx) =>
      json('POST', `/api/settlement/entries/${await ctx.settlement.entry()}/reverse`, {
        reason: 'matrix reversal',
      }),
  },
};
