import { MIGRATIONS } from '@madang/migrations';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';

/** One definition of how Madang talks to PostgreSQL, for the app, the tests and the tools. */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; extensions are created by migrations, not on connect.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    // A database that does not answer fails a request in seconds (503), not after the OS gives up.
    extra: { max: poolSize, application_name: 'madang', connectionTimeoutMillis: 5000 },
  };
}
