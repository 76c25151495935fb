// Jest global setup for integration tests: one PostgreSQL server for the whole run.
// With TEST_DATABASE_URL (a server URL whose user may CREATE DATABASE) no embedded server starts.
// Test files then clone a migrated template database (see apps/api/src/test/test-database.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from './embedded-pg.mjs';

export default async function globalSetup() {
  process.env.MADANG_TEST_TEMPLATE = `madang_template_${process.pid}`;
  if (process.env.TEST_DATABASE_URL) {
    process.env.MADANG_TEST_SERVER_URL = process.env.TEST_DATABASE_URL.replace(/\/[^/]*$/, '');
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'madang-int-'));
  const pg = await startEmbeddedPostgres({ dataDir, database: 'postgres', fast: true });
  process.env.MADANG_TEST_SERVER_URL = pg.serverUrl;
  globalThis.__MADANG_PG__ = { pg, dataDir };
}
