#!/usr/bin/env node
// Drill: SIGKILL of the API under load. No acknowledged booking may be lost and nothing may be
// half-written (a booking without its items, audit row or notification); the API started again on
// the same database serves at once.
// Usage: npm run drill:sigkill-api  (needs `npx nx run api:build`)
import {
  bookingLoad,
  Client,
  cleanUp,
  integrity,
  integrityOk,
  prepareRooms,
  printIntegrity,
  sleep,
  startApi,
  startDatabase,
  tally,
} from './lib.mjs';

const LOAD_MS = Number(process.env.DRILL_LOAD_MS ?? 3000);
const stack = {};
let ok = false;
try {
  stack.database = await startDatabase();
  stack.api = await startApi(stack.database.url);
  const rooms = await prepareRooms(stack.api.base, 40);
  const emails = ['resident@madang.local', 'resident2@madang.local'];
  const clients = await Promise.all(emails.map((e) => new Client(stack.api.base).login(e)));
  let killed = false;
  let killedAt = 0;
  const load = bookingLoad({
    clients,
    rooms,
    workers: 16,
    until: () => killed && Date.now() - killedAt > 500,
  });
  await sleep(LOAD_MS);
  killedAt = Date.now();
  stack.api.child.kill('SIGKILL');
  killed = true;
  await stack.api.exited;
  await load.run;
  const inFlight = load.outcomes.filter((o) => o.kind === 'create' && o.error && o.error !== 'ECONNREFUSED');

  const restartAt = Date.now();
  stack.api = await startApi(stack.database.url);
  const restartMs = Date.now() - restartAt;
  for (const c of clients) c.setBase(stack.api.base);
  const again = await clients[0].call('GET', '/api/auth/me');
  let stopAgain = false;
  const after = bookingLoad({
    clients,
    rooms,
    workers: 8,
    until: () => stopAgain,
    firstHour: load.lastHour() + 2,
  });
  await sleep(1000);
  stopAgain = true;
  await after.run;

  const report = await integrity(stack.database.url, [...load.acknowledged, ...after.acknowledged]);
  console.log('\nDrill: SIGKILL of the API under load (16 workers booking and reading)');
  console.log(`  before the kill ${load.outcomes.length} requests: ${tally(load.outcomes)}`);
  console.log(`  creates cut off by the kill (never answered): ${inFlight.length}`);
  console.log(
    `  restarted in ${restartMs} ms; session still valid: ${again.status === 200}; after restart ${after.outcomes.length} requests: ${tally(after.outcomes)}`,
  );
  printIntegrity(report);
  const serverErrors = after.outcomes.filter((o) => o.status >= 500 || o.error).length;
  ok = integrityOk(report) && again.status === 200 && serverErrors === 0 && after.acknowledged.length > 0;
  console.log(ok ? 'Drill passed.' : 'Drill FAILED.');
} catch (error) {
  console.error(`Drill could not run: ${error.stack ?? error}`);
} finally {
  await cleanUp(stack);
}
process.exit(ok ? 0 : 1);
