import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';

/**
 * Where the bytes of files live. The metadata (`files`) is always in PostgreSQL; a store keeps
 * only content under the file's id. The PostgreSQL store writes inside the caller's transaction;
 * an S3-compatible store would upload in `put` (outside any transaction — a rolled-back
 * attach leaves an orphan object for a sweep to remove) and delete in `remove` after commit.
 */
export interface FileStore {
  /** Recorded in `files.store`, so files can move between stores one at a time. */
  readonly name: string;
  put(manager: EntityManager, fileId: string, bytes: Buffer): Promise<void>;
  /** The bytes as a stream; `size` is the recorded size (a store may read in ranges). */
  open(fileId: string, size: number): Readable;
  remove(manager: EntityManager, fileId: string): Promise<void>;
}

/** Nest injection token of the active FileStore. */
export const FILE_STORE = Symbol('FILE_STORE');
