#!/usr/bin/env node
// Drill: SIGKILL of PostgreSQL (postmaster and backends) under load, then crash recovery on the same
// files. No acknowledged booking may be lost, nothing half-written; while the database is down the
// API should answer 503 (not 500) and /api/ready false; afterwards it recovers without a restart.
// Usage: npm run drill:sigkill-postgres  (needs `npx nx run api:build`)
import {
  bookingLoad,
  Client,
  cleanUp,
  integrity,
  integrityOk,
  killDatabase,
  prepareRooms,
  printIntegrity,
  restartDatabase,
  sleep,
  startApi,
  startDatabase,
  tally,
} from './lib.mjs';

const LOAD_MS = Number(process.env.DRILL_LOAD_MS ?? 3000);
const DOWN_MS = 2000;
const stack = {};
let ok = false;
try {
  stack.database = await startDatabase();
  stack.api = await startApi(stack.database.url);
  const rooms = await prepareRooms(stack.api.base, 40);
  const clients = await Promise.all(
    ['resident@madang.local', 'resident2@madang.local'].map((e) => new Client(stack.api.base).login(e)),
  );
  const probe = new Client(stack.api.base);
  let phase = 'up';
  const load = bookingLoad({ clients, rooms, workers: 16, until: () => phase === 'done' });
  await sleep(LOAD_MS);

  const killedAt = Date.now();
  killDatabase(stack.database.dataDir);
  phase = 'down';
  await sleep(DOWN_MS);
  const readyWhileDown = await probe.call('GET', '/api/ready');
  const restartedAt = Date.now();
  const recovered = await restartDatabase(stack.database);
  stack.database = { ...recovered, dataDir: stack.database.dataDir };
  const recoveryMs = Date.now() - restartedAt;
  // The API reconnects by itself: wait (bounded) until it is ready and booking again.
  let readyAfterMs;
  for (let i = 0; i < 150; i++) {
    const r = await probe.call('GET', '/api/ready');
    if (r.status === 200) {
      readyAfterMs = Date.now() - restartedAt;
      break;
    }
    await sleep(200);
  }
  const upAgainAt = Date.now();
  await sleep(1500);
  phase = 'done';
  await load.run;

  const during = load.outcomes.filter((o) => o.sentAt >= killedAt && o.sentAt < upAgainAt);
  const afterRecovery = load.outcomes.filter((o) => o.sentAt >= upAgainAt);
  const report = await integrity(stack.database.url, load.acknowledged);
  console.log(
    '\nDrill: SIGKILL of PostgreSQL under load (16 workers booking and reading), crash recovery on the same files',
  );
  console.log(`  requests ${load.outcomes.length}: ${tally(load.outcomes)}`);
  console.log(
    `  answered while the database was down or recovering: ${tally(during)}   [target: 503, no 500]`,
  );
  console.log(`  /api/ready while down: ${readyWhileDown.status ?? readyWhileDown.error}   [target 503]`);
  console.log(
    `  PostgreSQL recovered in ${recoveryMs} ms; API ready again ${readyAfterMs ?? 'NEVER'} ms after the restart; after recovery: ${tally(afterRecovery)}`,
  );
  printIntegrity(report);
  const recoveredOk =
    readyAfterMs !== undefined &&
    afterRecovery.some((o) => o.status === 201) &&
    !afterRecovery.some((o) => o.status >= 500);
  const fiveHundreds = during.filter((o) => o.status === 500).length;
  ok = integrityOk(report) && recoveredOk && fiveHundreds === 0 && readyWhileDown.status === 503;
  console.log(ok ? 'Drill passed.' : 'Drill FAILED.');
} catch (error) {
  console.error(`Drill could not run: ${error.stack ?? error}`);
} finally {
  await cleanUp(stack);
}
process.exit(ok ? 0 : 1);
