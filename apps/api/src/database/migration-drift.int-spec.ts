import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../test/test-database';
import { dataSourceOptions } from './data-source-options';

/**
 * Entities and migrations must agree: on a freshly migrated database, TypeORM's schema diff
 * (what `typeorm migration:generate --check` runs) must find nothing to change.
 */
describe('migrations and entities', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url, 2)).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('leave no difference for TypeORM to generate', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    const statements = pending.upQueries.map((q) => q.query);
    if (statements.length)
      console.log(`Entities and migrations disagree; missing:\n${statements.join(';\n')};`);
    expect(statements).toEqual([]);
  });

  it('every migration can be reverted and re-applied', async () => {
    const count = dataSource.migrations.length;
    for (let i = 0; i < count; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    const tables = (await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    )) as { table_name: string }[];
    expect(tables).toEqual([]);
    await dataSource.runMigrations({ transaction: 'each' });
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries).toEqual([]);
  });
});
