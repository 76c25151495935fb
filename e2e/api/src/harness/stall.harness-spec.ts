import type { AssetSummary, BudgetLineView, ExpenseCreated, ProgrammeView } from '@madang/contracts';
import { MadangClient } from '@madang/testing';
import { seoulSlot, signedIn } from './support/fixture';
import { checkAnswer } from './support/oracle';
import {
  DEMO_PASSWORD,
  describeRequest,
  openSessions,
  type ProbeRequest,
  type ProbeSession,
  ReadyWatch,
  type RoleName,
} from './support/probe';
import { HarnessStack } from './support/stack';

/**
 * Stall detector: the worst input of each list, search and quote operation, one at a time, while
 * /api/ready is polled in parallel. Each must be answered (not 5xx, a problem if refused) within
 * ANSWER_MS, and readiness must never take more than READY_MS. A stalled API is killed and started
 * again on the same data, so one stall is reported once and does not fail the inputs after it.
 */
const ANSWER_MS = Number(process.env['HARNESS_STALL_ANSWER_MS'] ?? 5_000);
const READY_MS = 1_000;
const GIVE_UP_MS = 20_000;

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const q = encodeURIComponent;
const now = Date.now();
const soon = iso(Math.ceil(now / DAY) * DAY + 2 * DAY);
const tenYears = iso(Math.ceil(now / DAY) * DAY + 3652 * DAY);
const fakeIds = (n: number) =>
  Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

/** What the worst inputs may refer to: the catalogue and a programme with many paid expenses. */
interface World {
  assets: AssetSummary[];
  crowdedProgramme: string;
}

interface Worst {
  name: string;
  role: RoleName;
  build(assets: AssetSummary[], world: World): ProbeRequest;
}

const room = (assets: AssetSummary[]) => (assets.find((a) => a.name.en === 'Meeting Room A') ?? assets[0]).id;
const bookingBody = (assets: AssetSummary[], end: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    items: [{ assetId: room(assets) }],
    start: seoulSlot(2, 2, 10).start,
    end,
    purpose: 'stall',
    attendees: 1,
    ...extra,
  });
const post = (url: string, body: string): ProbeRequest => ({ method: 'POST', url, body });
const get = (url: string): ProbeRequest => ({ method: 'GET', url });

/** How many paid expenses the crowded programme gets (each is three requests to make). */
const CROWD = Number(process.env['HARNESS_STALL_EXPENSES'] ?? 300);

/**
 * A fresh programme (made by operations@) with CROWD expenses, each requested by approver@ and
 * approved and paid by operations2@ — so its report has that many ledger entries to add up.
 */
async function crowdedProgramme(baseUrl: string, count: number): Promise<string> {
  const [ops, approver] = await Promise.all([signedIn(baseUrl, 'operations'), signedIn(baseUrl, 'approver')]);
  const ops2 = new MadangClient(baseUrl, 'en');
  await ops2.login('operations2@madang.local', DEMO_PASSWORD);
  const must = <T>(what: string, r: { status: number; body: T }): T => {
    if (r.status >= 300)
      throw new Error(`stall setup: ${what} answered ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const approverId = must('me', await approver.get<{ id: string }>('/api/auth/me')).id;
  const programme = must(
    'programme',
    await ops.post<ProgrammeView>('/api/settlement/programmes', {
      year: 2027,
      code: `STALL-${Date.now().toString(36)}`,
      name: 'Stall programme',
      kind: 'own',
      executionDeadline: '2027-12-31',
      sources: [
        { kind: 'national', name: 'National', shareBp: 6000 },
        { kind: 'own', name: 'Own', shareBp: 4000 },
      ],
    }),
  );
  must(
    'approvers',
    await ops.put(`/api/settlement/programmes/${programme.id}/approvers`, { userIds: [approverId] }),
  );
  const line = must(
    'line',
    await ops.post<BudgetLineView>(`/api/settlement/programmes/${programme.id}/lines`, {
      categoryCode: '200-06',
      name: 'Stall line',
      amounts: programme.sources.map((s) => ({ fundingSourceId: s.id, amount: 1_000_000_000 })),
    }),
  );
  const today = new Date().toISOString().slice(0, 10);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const { expense } = must(
        'expense',
        await approver.post<ExpenseCreated>('/api/settlement/expenses', {
          budgetLineId: line.id,
          title: `stall expense ${i}`,
          amount: 1000 + i,
          expenseDate: today,
          payeeName: `Payee ${i % 37}`,
          evidenceType: i % 2 ? 'card_slip' : 'e_tax_invoice',
        }),
      );
      must('approve', await ops2.post(`/api/settlement/expenses/${expense.id}/approve`, {}));
      must('pay', await ops2.post(`/api/settlement/expenses/${expense.id}/pay`, {}));
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: 4 }, worker));
  process.stdout.write(
    `stall: ${count} paid expenses made in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return programme.id;
}

const WORST: Worst[] = [
  {
    name: 'GET /api/assets free for ten years',
    role: 'anonymous',
    build: () => get(`/api/assets?freeFrom=${q(soon)}&freeTo=${q(tenYears)}`),
  },
  {
    name: 'GET /api/assets free until year 275760',
    role: 'anonymous',
    build: () => get(`/api/assets?freeFrom=${q(soon)}&freeTo=${q('+275760-09-13T00:00:00Z')}`),
  },
  {
    name: 'GET /api/assets with 2,000 tags',
    role: 'anonymous',
    build: () => get(`/api/assets?tags=${Array.from({ length: 2_000 }, (_, i) => `t${i}`).join(',')}`),
  },
  {
    name: 'GET /api/availability of every asset for ten years',
    role: 'anonymous',
    build: () => get(`/api/availability?from=${q(soon)}&to=${q(tenYears)}`),
  },
  {
    name: 'GET /api/availability of 300 assets for ten years',
    role: 'anonymous',
    build: () =>
      get(`/api/availability?from=${q(soon)}&to=${q(tenYears)}&assetIds=${fakeIds(300).join(',')}`),
  },
  {
    name: 'POST /api/bookings/quote ending in 2999',
    role: 'residentA',
    build: (a) => post('/api/bookings/quote', bookingBody(a, '2999-12-31T10:00:00+09:00')),
  },
  {
    name: 'POST /api/bookings/quote ending ten years ahead',
    role: 'residentA',
    build: (a) => post('/api/bookings/quote', bookingBody(a, tenYears)),
  },
  {
    name: 'POST /api/bookings ending in 2999',
    role: 'residentA',
    build: (a) => post('/api/bookings', bookingBody(a, '2999-12-31T10:00:00+09:00')),
  },
  {
    name: 'POST /api/bookings/quote with 19,000 items (under 1 MB)',
    role: 'residentA',
    build: (a) =>
      post(
        '/api/bookings/quote',
        JSON.stringify({
          items: Array.from({ length: 19_000 }, () => ({ assetId: room(a) })),
          ...seoulSlot(2, 2, 10),
          purpose: 'stall',
          attendees: 1,
        }),
      ),
  },
  {
    name: 'POST /api/bookings/quote with JSON nested 100,000 deep',
    role: 'residentA',
    build: () => post('/api/bookings/quote', '['.repeat(100_000) + ']'.repeat(100_000)),
  },
  {
    name: 'POST /api/bookings/decisions for 20,000 ids',
    role: 'approver',
    build: () => post('/api/bookings/decisions', JSON.stringify({ ids: fakeIds(20_000), action: 'approve' })),
  },
  {
    name: 'GET /api/bookings, all, ten years, a million per page',
    role: 'approver',
    build: () => get(`/api/bookings?scope=all&from=${q(soon)}&to=${q(tenYears)}&limit=1000000`),
  },
  {
    name: 'GET /api/bookings at offset 10^15',
    role: 'approver',
    build: () => get('/api/bookings?scope=all&offset=1000000000000000'),
  },
  {
    name: 'GET /api/audit, a million per page, from year 0',
    role: 'admin',
    build: () =>
      get(`/api/audit?limit=1000000&from=${q('0001-01-01T00:00:00Z')}&to=${q('9999-12-31T00:00:00Z')}`),
  },
  {
    name: 'GET /api/users matching everything, a million per page',
    role: 'admin',
    build: () => get(`/api/users?q=${q('%')}&limit=1000000`),
  },
  {
    name: 'GET /api/groups, a million per page',
    role: 'admin',
    build: () => get('/api/groups?limit=1000000'),
  },
  {
    name: 'GET /api/approvals/queue, a million per page',
    role: 'approver',
    build: () => get('/api/approvals/queue?limit=1000000'),
  },
  {
    name: 'GET /api/notifications, a million per page',
    role: 'residentA',
    build: () => get('/api/notifications?limit=1000000&offset=1000000000000000'),
  },
  {
    name: 'GET /api/files of an owner, every purpose',
    role: 'anonymous',
    build: () => get(`/api/files?ownerType=export_run&ownerId=${fakeIds(1)[0]}`),
  },
  {
    name: 'GET /api/settlement/expenses, a million per page',
    role: 'operations',
    build: () => get('/api/settlement/expenses?limit=1000000&offset=1000000000000000'),
  },
  {
    name: 'GET /api/settlement/expenses, the largest page allowed',
    role: 'operations',
    build: () => get('/api/settlement/expenses?limit=1000'),
  },
  {
    name: 'GET /api/settlement/bank/lines, a million per page',
    role: 'operations',
    build: () => get('/api/settlement/bank/lines?limit=1000000&offset=1000000000000000'),
  },
  {
    name: 'GET /api/settlement/bank/lines, the largest page allowed',
    role: 'operations',
    build: () => get('/api/settlement/bank/lines?limit=5000'),
  },
  {
    name: 'GET /api/settlement/programmes of a far year',
    role: 'operations',
    build: () => get('/api/settlement/programmes?year=2100'),
  },
  {
    name: 'GET /api/settlement/summary',
    role: 'operations',
    build: () => get('/api/settlement/summary'),
  },
  {
    name: 'GET /api/settlement/payments (every payment)',
    role: 'operations',
    build: () => get('/api/settlement/payments'),
  },
  ...(['report', 'report.xlsx', 'report.csv', 'report.pdf'] as const).map(
    (kind): Worst => ({
      name: `GET ${kind} of a programme with many paid expenses, year 0001 to 9999`,
      role: 'operations',
      build: (_a, world) =>
        get(`/api/settlement/programmes/${world.crowdedProgramme}/${kind}?from=0001-01&to=9999-12`),
    }),
  ),
  {
    name: 'GET report of a programme with many paid expenses over a century',
    role: 'approver',
    build: (_a, world) =>
      get(`/api/settlement/programmes/${world.crowdedProgramme}/report?from=2000-01&to=2100-12`),
  },
  {
    name: 'GET execution of a programme with many paid expenses',
    role: 'approver',
    build: (_a, world) => get(`/api/settlement/programmes/${world.crowdedProgramme}/execution`),
  },
  {
    name: 'GET /api/admin/jobs (every queue, failures of 24 h)',
    role: 'admin',
    build: () => get('/api/admin/jobs'),
  },
  // ── living labs (issue 11) ──
  {
    name: 'GET /api/public/observations, a million per page, a search of every wildcard',
    role: 'anonymous',
    build: () =>
      get(
        `/api/public/observations?limit=1000000&offset=1000000000000000&sort=supported&q=${q('%_\\%'.repeat(20))}`,
      ),
  },
  {
    name: 'GET /api/observations, all, late, the largest page',
    role: 'approver',
    build: () => get('/api/observations?scope=all&late=true&limit=200&sort=supported'),
  },
  {
    name: 'GET /api/labs/response-dashboard over 36 months',
    role: 'approver',
    build: () => get('/api/labs/response-dashboard?from=2024-01&to=2026-12'),
  },
  {
    name: 'GET /api/labs/response-dashboard from year 0001',
    role: 'approver',
    build: () => get('/api/labs/response-dashboard?from=0001-01&to=9999-12'),
  },
  {
    name: 'GET /api/labs/projects, all, a million per page',
    role: 'approver',
    build: () => get(`/api/labs/projects?scope=all&limit=1000000&q=${q('%'.repeat(100))}`),
  },
  {
    name: 'GET /api/public/labs/projects with every filter, a far year',
    role: 'anonymous',
    build: () =>
      get('/api/public/labs/projects?stage=sharing&category=safety&year=2100&outcomeType=other&limit=200'),
  },
  {
    name: 'GET /api/public/labs/summary (every published project)',
    role: 'anonymous',
    build: () => get('/api/public/labs/summary'),
  },
];

describe('stall detector: the worst inputs are answered in time while /api/ready keeps answering', () => {
  let stack: HarnessStack;
  let sessions: Record<RoleName, ProbeSession>;
  let assets: AssetSummary[];
  let world: World;

  beforeAll(async () => {
    stack = await HarnessStack.start();
    sessions = await openSessions(stack.baseUrl);
    assets = (await sessions.anonymous.send(get('/api/assets'))).json as AssetSummary[];
    world = { assets, crowdedProgramme: await crowdedProgramme(stack.baseUrl, CROWD) };
  }, 600_000);
  afterAll(async () => stack?.stop());

  it.each(WORST.map((w) => [w.name, w] as const))('%s', async (_name, worst) => {
    const req = worst.build(assets, world);
    const watch = new ReadyWatch(sessions.anonymous, 100, 5_000);
    await new Promise((r) => setTimeout(r, 150));
    const result = await sessions[worst.role].send(req, GIVE_UP_MS);
    await new Promise((r) => setTimeout(r, 150));
    const ready = await watch.stop();
    const problems = checkAnswer(req, result, { maxMs: ANSWER_MS }).map(
      (v) => `${v.kind}: ${v.detail.slice(0, 200)}`,
    );
    if (ready.worstMs > READY_MS || ready.failed > 0)
      problems.push(
        `/api/ready: worst ${ready.worstMs.toFixed(0)} ms over ${ready.count} polls (${ready.failed} not 200), bound ${READY_MS} ms`,
      );
    // Restart only an API that is still stuck, so one stall is reported once and not blamed on the next input.
    const stuck =
      (result.error !== undefined || ready.failed > 0) &&
      (await sessions.anonymous.send(get('/api/ready'), 3_000)).status !== 200;
    if (stuck) {
      await stack.restartAfterStall();
      for (const session of Object.values(sessions)) session.baseUrl = stack.baseUrl;
    }
    process.stdout.write(
      `stall: ${worst.name}: ${result.error ?? result.status} in ${result.ms.toFixed(0)} ms; ready worst ${ready.worstMs.toFixed(0)} ms (${ready.count} polls)${stuck ? ' — API restarted' : ''}\n`,
    );
    if (problems.length)
      throw new Error(`${describeRequest(worst.role, req, 200)}\n  ${problems.join('\n  ')}`);
  });
});
