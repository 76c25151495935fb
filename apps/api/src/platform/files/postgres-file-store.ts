import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { FileContentEntity } from './file-content.entity';
import type { FileStore } from './file-store';

/** Bytes per slice read for a download: memory stays bounded whatever the file's size. */
const SLICE_BYTES = 512 * 1024;

const READ_SLICE = `SELECT substring("bytes" FROM $2 FOR $3) AS "slice" FROM "file_contents" WHERE "file_id" = $1`;

/** Keeps bytes in `file_contents` (bytea, STORAGE EXTERNAL so a slice reads only its TOAST chunks). */
@Injectable()
export class PostgresFileStore implements FileStore {
  readonly name = 'postgres';

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async put(manager: EntityManager, fileId: string, bytes: Buffer): Promise<void> {
    await manager.insert(FileContentEntity, { fileId, bytes });
  }

  open(fileId: string, size: number): Readable {
    const db = this.db;
    async function* slices(): AsyncGenerator<Buffer> {
      for (let offset = 0; offset < size; offset += SLICE_BYTES) {
        const rows = (await db.query(READ_SLICE, [fileId, offset + 1, SLICE_BYTES])) as { slice: Buffer }[];
        if (rows.length === 0) throw new Error(`file ${fileId} has no content`);
        yield rows[0].slice;
      }
    }
    return Readable.from(slices(), { objectMode: false });
  }

  async remove(manager: EntityManager, fileId: string): Promise<void> {
    // The row goes with its `files` row (ON DELETE CASCADE); deleting it here keeps the contract explicit.
    await manager.delete(FileContentEntity, { fileId });
  }
}
