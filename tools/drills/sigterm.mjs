#!/usr/bin/env node
// Drill: SIGTERM under load. The API is stopped gracefully while residents book; every request it
// accepted must get its answer (0 resets, 0 5xx), every 201 must be in the database, and the process
// must exit within 10 s. Requests refused at connect time (ECONNREFUSED) were never accepted.
// Usage: npm run drill:sigterm  (needs `npx nx run api:build`)
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
const EXIT_LIMIT_MS = 10_000;
const stack = {};
let ok = false;
try {
  stack.database = await startDatabase();
  stack.api = await startApi(stack.database.url);
  const rooms = await prepareRooms(stack.api.base, 40);
  const clients = await Promise.all(
    ['resident@madang.local', 'resident2@madang.local'].map((e) => new Client(stack.api.base).login(e)),
  );
  let refusedSince;
  const load = bookingLoad({
    clients,
    rooms,
    workers: 16,
    until: () => refusedSince !== undefined && Date.now() - refusedSince > 1000,
  });
  await sleep(LOAD_MS);
  const termAt = Date.now();
  stack.api.child.kill('SIGTERM');
  const watchRefusal = setInterval(() => {
    if (
      refusedSince === undefined &&
      load.outcomes.some((o) => o.error === 'ECONNREFUSED' && o.sentAt >= termAt)
    )
      refusedSince = Date.now();
  }, 20);
  const exit = await Promise.race([stack.api.exited, sleep(30_000).then(() => undefined)]);
  refusedSince ??= Date.now();
  await load.run;
  clearInterval(watchRefusal);
  const exitMs = exit ? exit.at - termAt : undefined;
  // Nest's shutdown hooks re-raise the signal after closing, so a clean stop ends by SIGTERM (or code 0).
  const cleanExit = exit !== undefined && (exit.code === 0 || exit.signal === 'SIGTERM');
  const accepted = load.outcomes.filter((o) => o.error !== 'ECONNREFUSED');
  const failed = accepted.filter((o) => o.error !== undefined || o.status >= 500);
  const afterTerm = load.outcomes.filter((o) => o.sentAt >= termAt);
  const report = await integrity(stack.database.url, load.acknowledged);
  console.log('\nDrill: SIGTERM under load (16 workers booking and reading, fresh connection per request)');
  console.log(`  requests ${load.outcomes.length}: ${tally(load.outcomes)}`);
  console.log(`  sent after SIGTERM ${afterTerm.length}: ${tally(afterTerm)}`);
  console.log(
    `  failed accepted requests (reset, timeout or 5xx): ${failed.length}${failed.length ? ` — ${tally(failed)}` : ''}   [target 0]`,
  );
  console.log(
    `  exit ${exit ? `code ${exit.code}${exit.signal ? ` signal ${exit.signal}` : ''} after ${exitMs} ms` : 'NOT within 30 s'}   [target ≤ ${EXIT_LIMIT_MS} ms]`,
  );
  printIntegrity(report);
  ok =
    failed.length === 0 &&
    exitMs !== undefined &&
    exitMs <= EXIT_LIMIT_MS &&
    cleanExit &&
    integrityOk(report);
  console.log(ok ? 'Drill passed.' : 'Drill FAILED.');
} catch (error) {
  console.error(`Drill could not run: ${error.stack ?? error}`);
} finally {
  await cleanUp(stack);
}
process.exit(ok ? 0 : 1);
