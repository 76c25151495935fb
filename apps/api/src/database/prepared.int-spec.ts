import { DataSource, QueryFailedError } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../test/test-database';
import { dataSourceOptions } from './data-source-options';
import { prepared, runPrepared } from './prepared';

describe('prepared statements', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const COUNT_TAGGED = prepared(
    'test_count_tagged',
    `SELECT count(*)::int AS n FROM audit_log WHERE action = $1`,
  );
  const INSERT_TAGGED = prepared(
    'test_insert_tagged',
    `INSERT INTO audit_log (action, entity_type, entity_id) VALUES ($1, 'test', $2) RETURNING entity_id`,
  );

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url, 3)).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('runs on the pool many times over, on every connection, with the same answers', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        runPrepared<{ entity_id: string }>(dataSource.manager, INSERT_TAGGED, ['prepared.pool', `e${i}`]),
      ),
    );
    expect(answers.map((rows) => rows[0].entity_id).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `e${i}`).sort(),
    );
    const [{ n }] = await runPrepared<{ n: number }>(dataSource.manager, COUNT_TAGGED, ['prepared.pool']);
    expect(n).toBe(12);
  });

  it("runs on a transaction's own connection, so it sees and rolls back with the transaction", async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await runPrepared(manager, INSERT_TAGGED, ['prepared.tx', 'inside']);
        const [{ n }] = await runPrepared<{ n: number }>(manager, COUNT_TAGGED, ['prepared.tx']);
        expect(n).toBe(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const [{ n }] = await runPrepared<{ n: number }>(dataSource.manager, COUNT_TAGGED, ['prepared.tx']);
    expect(n).toBe(0);
  });

  it("reports database errors as TypeORM's QueryFailedError with the SQLSTATE", async () => {
    const error = await runPrepared(dataSource.manager, INSERT_TAGGED, [null, 'no action']).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(QueryFailedError);
    expect((error as QueryFailedError).driverError).toMatchObject({ code: '23502' });
  });

  it('refuses a second statement under the same name', () => {
    expect(() => prepared('test_count_tagged', 'SELECT 1')).toThrow(/declared twice/);
  });
});
