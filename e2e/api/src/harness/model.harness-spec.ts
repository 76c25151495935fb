import type { BookingDto, CategoryDto } from '@madang/contracts';
import type { MadangClient } from '@madang/testing';
import { Client as PgClient } from 'pg';
import {
  BookingModel,
  type Command,
  holds,
  MAX_PENDING_PER_PERSON,
  NEEDS_APPROVAL,
  POOL_SIZE,
  type RequestSpec,
  type Slot,
  SLOTS,
  sequenceOf,
  WINDOW_HOURS,
} from './support/booking-model';
import { signedIn } from './support/fixture';
import { HarnessStack } from './support/stack';

/**
 * Model-based booking test: random sequences of create (alone and in concurrent bursts), approve,
 * reject and cancel against the real API and PostgreSQL, each checked step by step against the
 * in-memory model, and after each sequence in the database: no overlap, no over-committed pool, and
 * exactly the model's bookings with the model's decisions. HARNESS_MODEL_SEQUENCES (default 200),
 * HARNESS_MODEL_SEED, HARNESS_MODEL_ONLY (one sequence index) — `npm run fuzz:model -- --sequences 10000`.
 */
const env = process.env;
const SEED = env['HARNESS_MODEL_SEED']
  ? Number(env['HARNESS_MODEL_SEED'])
  : Math.floor(Math.random() * 2 ** 31);
const SEQUENCES = Number(env['HARNESS_MODEL_SEQUENCES'] ?? 200);
const ONLY = env['HARNESS_MODEL_ONLY'] !== undefined ? Number(env['HARNESS_MODEL_ONLY']) : undefined;
/** Asset sets; sequence i books set i mod SETS in window ⌊i / SETS⌋, so sequences never share hours. */
const SETS = 20;
const WORKERS = 2;
const ALL_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '00:00', close: '24:00' }));

type AssetSet = Record<Slot, string>;

interface World {
  clients: Record<'residentA' | 'residentB' | 'approver', MadangClient>;
  sets: AssetSet[];
  base: number;
  db: PgClient;
}

function rulesFor(approval: boolean) {
  return {
    openingHours: ALL_DAY,
    closures: [],
    slotStepMinutes: 60,
    minDurationMinutes: 60,
    maxDurationMinutes: 6 * 60,
    minNoticeMinutes: 0,
    maxAdvanceDays: 365,
    windowOverrides: [],
    quotas: [],
    approval: { required: approval },
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    pricing: { unit: 'hour', rate: 0, deposit: 0, waivers: [] },
    cancellation: { freeUntilHoursBefore: 0, feePercent: 0 },
    maxPendingPerPerson: MAX_PENDING_PER_PERSON,
  };
}

async function buildWorld(stack: HarnessStack): Promise<World> {
  const [residentA, residentB, approver] = await Promise.all(
    (['residentA', 'residentB', 'approver'] as const).map((r) => signedIn(stack.baseUrl, r)),
  );
  const category = async (code: string, approval: boolean) => {
    const r = await approver.post<CategoryDto>('/api/categories', {
      code,
      name: { ko: code, en: code },
      rules: rulesFor(approval),
    });
    if (r.status !== 201) throw new Error(`model category: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.id;
  };
  const withApproval = await category('model-approval', true);
  const without = await category('model-open', false);
  const asset = async (categoryId: string, kind: string, name: string, poolSize?: number) => {
    const r = await approver.post<{ id: string }>('/api/assets', {
      categoryId,
      kind,
      name: { ko: name, en: name },
      ...(poolSize ? { poolSize } : { capacity: 10 }),
    });
    if (r.status !== 201) throw new Error(`model asset: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.id;
  };
  const sets: AssetSet[] = [];
  for (let i = 0; i < SETS; i++) {
    sets.push({
      single: await asset(NEEDS_APPROVAL.single ? withApproval : without, 'space', `model single ${i}`),
      open: await asset(NEEDS_APPROVAL.open ? withApproval : without, 'space', `model open ${i}`),
      pool: await asset(
        NEEDS_APPROVAL.pool ? withApproval : without,
        'equipment_pool',
        `model pool ${i}`,
        POOL_SIZE,
      ),
    });
  }
  const db = new PgClient({ connectionString: stack.databaseUrl });
  await db.connect();
  const now = new Date();
  const base = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 2);
  return { clients: { residentA, residentB, approver }, sets, base, db };
}

class Mismatch extends Error {}

async function runSequence(world: World, index: number): Promise<{ requests: number; commands: Command[] }> {
  const commands = sequenceOf(SEED + index);
  const set = world.sets[index % SETS];
  const windowStart = world.base + Math.floor(index / SETS) * 8 * 3_600_000;
  const at = (hour: number) => new Date(windowStart + hour * 3_600_000).toISOString();
  const model = new BookingModel();
  let requests = 0;
  const body = (r: RequestSpec) => ({
    items: r.items.map((i) => ({ assetId: set[i.slot], quantity: i.quantity })),
    start: at(r.start),
    end: at(r.end),
    purpose: `model ${index}`,
    attendees: 1,
  });
  const describe = (c: Command) => JSON.stringify(c);
  const fail = (step: number, message: string): never => {
    throw new Mismatch(
      `sequence ${index} (replay: HARNESS_MODEL_SEED=${SEED} HARNESS_MODEL_ONLY=${index}), step ${step} ${describe(commands[step])}: ${message}\n  commands: ${commands.map(describe).join('\n            ')}`,
    );
  };

  for (let step = 0; step < commands.length; step++) {
    const command = commands[step];
    if (command.kind === 'create' || command.kind === 'burst') {
      const specs = command.kind === 'create' ? [command.request] : command.requests;
      const answers = await Promise.all(
        specs.map((spec) => world.clients[spec.who].post<BookingDto>('/api/bookings', body(spec))),
      );
      requests += specs.length;
      // Winners must fit next to each other and to what was held; losers must conflict with that.
      const winners: RequestSpec[] = [];
      answers.forEach((answer, i) => {
        if (answer.status === 201) {
          const why = model.conflict(specs[i], winners);
          if (why) fail(step, `request ${i} was accepted although ${why}`);
          const expected = model.decisionOnCreate(specs[i]);
          if (answer.body.decision !== expected || !answer.body.holdsSlot)
            fail(
              step,
              `request ${i} created as ${answer.body.decision}/${answer.body.holdsSlot}, model says ${expected}/held`,
            );
          winners.push(specs[i]);
        } else if (answer.status === 422 && answer.problem.code === 'rule_violation') {
          // Only the fair-holding cap may refuse a request of the model; only when the model says so.
          const { violations } = answer.problem as unknown as { violations?: { code: string }[] };
          const codes = (violations ?? []).map((v) => v.code);
          const others = specs.filter((_, j) => j !== i);
          if (codes.join() !== 'too_many_pending' || !model.overPendingCap(specs[i], others))
            fail(step, `request ${i} answered 422 ${codes.join(', ')}, model says within the pending cap`);
        } else if (answer.status !== 409)
          fail(step, `request ${i} answered ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
      });
      answers.forEach((answer, i) => {
        if (answer.status === 409 && !model.conflict(specs[i], winners))
          fail(
            step,
            `request ${i} was refused (409 ${answer.problem.code}) although it conflicts with nothing held`,
          );
      });
      answers.forEach((answer, i) => {
        if (answer.status === 201)
          model.bookings.push({
            id: answer.body.id,
            request: specs[i],
            decision: model.decisionOnCreate(specs[i]),
          });
      });
    } else {
      if (model.bookings.length === 0) continue;
      const target = model.bookings[command.ref % model.bookings.length];
      const client = command.kind === 'cancel' ? world.clients[target.request.who] : world.clients.approver;
      const answer = await client.post<BookingDto>(`/api/bookings/${target.id}/${command.kind}`, {
        reason: 'model',
      });
      requests += 1;
      const next = BookingModel.after(command.kind, target.decision);
      if (next === undefined) {
        if (answer.status !== 409)
          fail(step, `${target.decision} → ${command.kind} answered ${answer.status}, model says 409`);
      } else {
        if (answer.status !== 200 || answer.body.decision !== next)
          fail(
            step,
            `${target.decision} → ${command.kind} answered ${answer.status} ${answer.body.decision ?? JSON.stringify(answer.body).slice(0, 200)}, model says 200 ${next}`,
          );
        target.decision = next;
      }
    }
  }

  // The database, seen directly: exactly the model's bookings, no overlap, no over-committed pool.
  const assetIds = SLOTS.map((s) => set[s]);
  const windowRange = [at(0), at(WINDOW_HOURS)];
  const { rows } = await world.db.query<{
    id: string;
    decision: string;
    holds: boolean;
    item_holds: boolean;
    items: string;
  }>(
    `SELECT b.id, b.decision, b.holds_slot AS holds, bool_and(i.holds_slot) AS item_holds, count(i.*)::text AS items
       FROM bookings b JOIN booking_items i ON i.booking_id = b.id
      WHERE i.asset_id = ANY($1::uuid[]) AND i.during && tstzrange($2, $3)
      GROUP BY b.id`,
    [assetIds, ...windowRange],
  );
  const inDb = new Map(rows.map((r) => [r.id, r]));
  for (const b of model.bookings) {
    const row = inDb.get(b.id);
    if (!row) fail(commands.length - 1, `booking ${b.id} (${b.decision}) is missing from the database`);
    else {
      if (
        row.decision !== b.decision ||
        row.holds !== holds(b.decision) ||
        row.item_holds !== holds(b.decision)
      )
        fail(
          commands.length - 1,
          `booking ${b.id}: database ${row.decision}/holds ${row.holds}/items ${row.item_holds}, model ${b.decision}`,
        );
      if (Number(row.items) !== b.request.items.length)
        fail(
          commands.length - 1,
          `booking ${b.id}: ${row.items} items in the database, ${b.request.items.length} in the model`,
        );
    }
  }
  if (rows.length !== model.bookings.length)
    fail(
      commands.length - 1,
      `${rows.length} bookings in the database, ${model.bookings.length} in the model`,
    );
  const overlaps = await world.db.query(
    `SELECT 1 FROM booking_items x JOIN booking_items y ON x.asset_id = y.asset_id AND x.id < y.id AND x.during && y.during
      WHERE x.holds_slot AND y.holds_slot AND x.asset_id = ANY($1::uuid[]) AND x.asset_kind <> 'equipment_pool'`,
    [assetIds],
  );
  if (overlaps.rowCount)
    fail(commands.length - 1, `${overlaps.rowCount} overlapping held items in the database`);
  const pool = await world.db.query<{ hour: Date; used: number }>(
    `SELECT h AS hour, sum(i.quantity)::int AS used
       FROM generate_series($2::timestamptz, $3::timestamptz - interval '1 hour', interval '1 hour') h
       JOIN booking_items i ON i.asset_id = $1 AND i.holds_slot AND i.during && tstzrange(h, h + interval '1 hour')
      GROUP BY h HAVING sum(i.quantity) > $4`,
    [set.pool, ...windowRange, POOL_SIZE],
  );
  if (pool.rowCount) fail(commands.length - 1, `pool over-committed: ${JSON.stringify(pool.rows)}`);

  // Leave nothing pending behind, so per-person holding caps never see earlier sequences.
  for (const b of model.bookings.filter((x) => x.decision === 'pending')) {
    await world.clients[b.request.who].post(`/api/bookings/${b.id}/cancel`, {});
    requests += 1;
  }
  return { requests, commands };
}

describe('model-based booking test (built API, real PostgreSQL)', () => {
  let stack: HarnessStack;
  let world: World;

  beforeAll(async () => {
    stack = await HarnessStack.start();
    world = await buildWorld(stack);
  }, 180_000);
  afterAll(async () => {
    await world?.db.end();
    await stack?.stop();
  });

  it(
    'keeps the database equal to the model: no overlap, no over-committed pool, every decision as modelled',
    async () => {
      const started = Date.now();
      const indices = ONLY !== undefined ? [ONLY] : Array.from({ length: SEQUENCES }, (_, i) => i);
      const failures: string[] = [];
      let next = 0;
      let requests = 0;
      let commands = 0;
      let done = 0;
      await Promise.all(
        Array.from({ length: WORKERS }, async () => {
          while (next < indices.length && failures.length < 5) {
            const index = indices[next++];
            try {
              const result = await runSequence(world, index);
              requests += result.requests;
              commands += result.commands.length;
              done += 1;
              if (SEQUENCES >= 1000 && done % 500 === 0)
                process.stdout.write(
                  `booking model: ${done} sequences, ${requests} requests, ${((Date.now() - started) / 60_000).toFixed(1)} min\n`,
                );
            } catch (error) {
              if (!(error instanceof Mismatch)) throw error;
              failures.push(error.message);
            }
          }
        }),
      );
      const orphans = await world.db.query(
        `SELECT b.id FROM bookings b WHERE NOT EXISTS (SELECT 1 FROM booking_items i WHERE i.booking_id = b.id)`,
      );
      process.stdout.write(
        `\nbooking model: seed ${SEED}, ${done} sequences passed of ${indices.length}, ${commands} commands, ${requests} requests in ${((Date.now() - started) / 1000).toFixed(0)} s; ${failures.length} failed; bookings without items: ${orphans.rowCount}\n${failures.join('\n')}\n`,
      );
      expect(failures).toEqual([]);
      expect(orphans.rowCount).toBe(0);
    },
    Math.max(10 * 60_000, SEQUENCES * 1_000),
  );
});
