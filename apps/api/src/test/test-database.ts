import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';

const TEMPLATE_LOCK = 874_201;

function serverUrl(): string {
  const url = process.env['MADANG_TEST_SERVER_URL'];
  if (!url)
    throw new Error('MADANG_TEST_SERVER_URL is not set: run integration tests through jest.int.config.ts');
  return url;
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: `${serverUrl()}/postgres` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file: the migrations run once per test run into a template
 * database (under an advisory lock), and every file gets its own clone of it.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env['MADANG_TEST_TEMPLATE'] ?? 'madang_template';
  const name = `madang_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(async (admin) => {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (exists.rowCount === 0) {
        await admin.query(`CREATE DATABASE "${template}"`);
        const migrator = new DataSource(dataSourceOptions(`${serverUrl()}/${template}`, 2));
        await migrator.initialize();
        try {
          await migrator.runMigrations({ transaction: 'each' });
        } finally {
          await migrator.destroy();
        }
      }
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
  return {
    url: `${serverUrl()}/${name}`,
    name,
    drop: () =>
      withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
