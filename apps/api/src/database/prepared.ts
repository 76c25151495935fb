import type { Pool, PoolClient } from 'pg';
import { EntityManager, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

/**
 * A statement PostgreSQL parses and plans once per connection (a named prepared statement). For the
 * few statements every request runs — session lookup, the asset rules, the booking insert — parsing
 * and planning cost PostgreSQL more than executing them; `manager.query` repeats both every time.
 */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

const names = new Set<string>();

/** Declares a prepared statement; a name is one text for the life of the process. */
export function prepared(name: string, text: string): PreparedStatement {
  if (names.has(name)) throw new Error(`prepared statement ${name} is declared twice`);
  names.add(name);
  return { name, text };
}

/**
 * Runs a prepared statement on the manager's connection: its transaction's when it has one,
 * otherwise any pooled connection. Errors arrive as TypeORM's QueryFailedError, like `manager.query`.
 */
export async function runPrepared<T>(
  manager: EntityManager,
  statement: PreparedStatement,
  values: unknown[],
): Promise<T[]> {
  const runner = manager.queryRunner as PostgresQueryRunner | undefined;
  const connection: Pool | PoolClient = runner
    ? ((await runner.connect()) as PoolClient)
    : ((manager.connection.driver as PostgresDriver).master as Pool);
  try {
    const result = await connection.query({ name: statement.name, text: statement.text, values });
    return result.rows as T[];
  } catch (error) {
    throw new QueryFailedError(statement.text, values, error as Error);
  }
}
