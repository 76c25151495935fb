import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in the caller's transaction when it has one open, else in a new one (a caller's
 * manager outside a transaction gets a transaction of its own). For services other domains call
 * with their own manager.
 */
export function inTransaction<T>(
  db: DataSource,
  manager: EntityManager | undefined,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  if (manager?.queryRunner?.isTransactionActive) return work(manager);
  return (manager ?? db.manager).transaction(work);
}
