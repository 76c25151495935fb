import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FileMediaType, FilePurpose } from '@madang/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import { FileEntity } from './file.entity';

export interface NewFileRow {
  ownerType: string;
  ownerId: string;
  purpose: FilePurpose;
  originalName: string;
  mediaType: FileMediaType;
  size: number;
  sha256: string;
  store: string;
  uploadedBy: string;
}

/** Inserts unless the owner already holds these bytes for this purpose; `inserted` says which. */
const INSERT_UNLESS_DUPLICATE = `
INSERT INTO "files" ("owner_type", "owner_id", "purpose", "original_name", "media_type", "size", "sha256", "store", "uploaded_by")
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
ON CONFLICT ON CONSTRAINT "files_owner_purpose_sha256_key" DO NOTHING
RETURNING "id"`;

/** All SQL of the `files` table. */
@Injectable()
export class FilesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insertUnlessDuplicate(
    manager: EntityManager,
    row: NewFileRow,
  ): Promise<{ file: FileEntity; inserted: boolean }> {
    const inserted = (await manager.query(INSERT_UNLESS_DUPLICATE, [
      row.ownerType,
      row.ownerId,
      row.purpose,
      row.originalName,
      row.mediaType,
      row.size,
      row.sha256,
      row.store,
      row.uploadedBy,
    ])) as { id: string }[];
    const file = await manager.findOneOrFail(
      FileEntity,
      inserted.length
        ? { where: { id: inserted[0].id } }
        : {
            where: {
              ownerType: row.ownerType,
              ownerId: row.ownerId,
              purpose: row.purpose,
              sha256: row.sha256,
            },
          },
    );
    return { file, inserted: inserted.length > 0 };
  }

  findById(id: string, manager: EntityManager = this.db.manager): Promise<FileEntity | null> {
    return manager.findOneBy(FileEntity, { id });
  }

  /** Locks the row for deletion by the caller's transaction. */
  findForUpdate(manager: EntityManager, id: string): Promise<FileEntity | null> {
    return manager.findOne(FileEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  listByOwner(ownerType: string, ownerId: string, purpose?: FilePurpose): Promise<FileEntity[]> {
    return this.db.manager.find(FileEntity, {
      where: { ownerType, ownerId, ...(purpose ? { purpose } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  listByOwnerForUpdate(manager: EntityManager, ownerType: string, ownerId: string): Promise<FileEntity[]> {
    return manager.find(FileEntity, { where: { ownerType, ownerId }, lock: { mode: 'pessimistic_write' } });
  }

  countByOwner(
    manager: EntityManager,
    ownerType: string,
    ownerId: string,
    purpose?: FilePurpose,
  ): Promise<number> {
    return manager.countBy(FileEntity, { ownerType, ownerId, ...(purpose ? { purpose } : {}) });
  }

  /** Ids of the files of many owners, oldest first, for list views. */
  async idsByOwners(
    ownerType: string,
    ownerIds: readonly string[],
    purpose?: FilePurpose,
  ): Promise<Map<string, string[]>> {
    const ids = new Map<string, string[]>(ownerIds.map((id) => [id, []]));
    if (ownerIds.length === 0) return ids;
    const rows = await this.db.manager.find(FileEntity, {
      select: { id: true, ownerId: true },
      where: { ownerType, ownerId: In([...ownerIds]), ...(purpose ? { purpose } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    for (const row of rows) ids.get(row.ownerId)?.push(row.id);
    return ids;
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(FileEntity, { id });
  }
}
