import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  FILE_EXTENSIONS,
  FILE_PURPOSE_MEDIA_TYPES,
  FileInfo,
  FileMediaType,
  FilePurpose,
  FileUploadResult,
} from '@madang/contracts';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../../config/app-config';
import type { Actor } from '../../core/actor';
import { DomainError, forbidden, invalidField, notFound } from '../../core/domain-error';
import { sanitizeFileName } from './file-names';
import { FILE_STORE, FileStore } from './file-store';
import { declaredTypeAgrees, extensionAgrees, extensionOf, sniffMediaType } from './file-types';
import type { FileEntity } from './file.entity';
import { FilesRepository } from './files.repository';

/**
 * How a domain decides who may do what with the files of one of its objects. Each method gets
 * the caller's transaction (or a plain manager for reads) so it can read, and lock, its own rows.
 * `canRead` gets `undefined` for a visitor who is not signed in (public photos, public archive).
 */
export interface FileOwnerPolicy {
  /** Purposes this kind of owner accepts, e.g. `['photo']` for assets. */
  readonly purposes: readonly FilePurpose[];
  canRead(actor: Actor | undefined, ownerId: string, manager: EntityManager): Promise<boolean>;
  canAttach(actor: Actor, ownerId: string, purpose: FilePurpose, manager: EntityManager): Promise<boolean>;
  canDelete(actor: Actor, ownerId: string, file: FileInfo, manager: EntityManager): Promise<boolean>;
}

/** One file to attach, as received (multipart) or produced (an export). */
export interface NewFile {
  ownerType: string;
  ownerId: string;
  purpose: FilePurpose;
  /** The client's file name; sanitised before it is stored. */
  name: string;
  /** The client's declared content type, if any; must agree with the bytes. */
  declaredType?: string;
  bytes: Buffer;
}

/** A file ready to send: its description and its bytes as a stream. */
export interface FileDownload {
  info: FileInfo;
  stream: Readable;
}

const OWNER_TYPE = /^[a-z][a-z0-9_]{1,39}$/;

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  return `${Math.round((bytes / 1024) * 10) / 10} KB`;
}

export function toFileInfo(file: FileEntity): FileInfo {
  return {
    id: file.id,
    ownerType: file.ownerType,
    ownerId: file.ownerId,
    purpose: file.purpose,
    name: file.originalName,
    mediaType: file.mediaType,
    size: file.size,
    sha256: file.sha256,
    uploadedBy: file.uploadedBy,
    createdAt: file.createdAt.toISOString(),
    contentUrl: `/api/files/${file.id}/content`,
  };
}

/**
 * The one attachment service. Files belong to an owner registered by its domain with a policy;
 * every read, attach and delete asks that policy, and an owner type nobody registered, or an
 * owner the actor may not see, is "not found" — knowing a file's id grants nothing.
 */
@Injectable()
export class FilesService {
  private readonly owners = new Map<string, FileOwnerPolicy>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly files: FilesRepository,
    @Inject(FILE_STORE) private readonly store: FileStore,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** Called once per owner type by the owning domain (e.g. in its module's `onModuleInit`). */
  registerOwner(ownerType: string, policy: FileOwnerPolicy): void {
    if (!OWNER_TYPE.test(ownerType))
      throw new Error(`file owner type '${ownerType}' must match ${OWNER_TYPE}`);
    if (this.owners.has(ownerType)) throw new Error(`file owner type '${ownerType}' is already registered`);
    this.owners.set(ownerType, policy);
  }

  /** The size cap of a purpose, in bytes (configuration). */
  maxBytes(purpose: FilePurpose): number {
    switch (purpose) {
      case 'photo':
        return this.config.FILE_MAX_BYTES_PHOTO;
      case 'application_document':
        return this.config.FILE_MAX_BYTES_APPLICATION_DOCUMENT;
      case 'expense_evidence':
        return this.config.FILE_MAX_BYTES_EXPENSE_EVIDENCE;
      case 'project_evidence':
        return this.config.FILE_MAX_BYTES_PROJECT_EVIDENCE;
      case 'export':
        return this.config.FILE_MAX_BYTES_EXPORT;
      default: {
        const unreachable: never = purpose;
        return unreachable;
      }
    }
  }

  /** The largest upload any purpose accepts over HTTP (exports are produced, never uploaded). */
  maxUploadBytes(): number {
    return Math.max(
      this.config.FILE_MAX_BYTES_PHOTO,
      this.config.FILE_MAX_BYTES_APPLICATION_DOCUMENT,
      this.config.FILE_MAX_BYTES_EXPENSE_EVIDENCE,
      this.config.FILE_MAX_BYTES_PROJECT_EVIDENCE,
    );
  }

  /**
   * Checks and stores a file for an owner, inside `manager`'s transaction when given (so a
   * domain attaches with its own change and both commit together), otherwise in a new one.
   * The same bytes for the same owner and purpose are stored once: the existing file comes
   * back with `deduplicated: true`.
   */
  async attach(actor: Actor, input: NewFile, manager?: EntityManager): Promise<FileUploadResult> {
    if (!manager) return this.db.transaction((m) => this.attach(actor, input, m));
    const policy = this.policyOf(input.ownerType);
    if (!policy.purposes.includes(input.purpose))
      throw invalidField('purpose', 'not_in', { values: policy.purposes.join(', ') });
    if (!(await policy.canAttach(actor, input.ownerId, input.purpose, manager))) {
      throw (await policy.canRead(actor, input.ownerId, manager)) ? forbidden() : notFound();
    }
    const name = sanitizeFileName(input.name);
    const mediaType = this.check(input, name);
    const sha256 = createHash('sha256').update(input.bytes).digest('hex');
    const { file, inserted } = await this.files.insertUnlessDuplicate(manager, {
      ownerType: input.ownerType,
      ownerId: input.ownerId,
      purpose: input.purpose,
      originalName: name,
      mediaType,
      size: input.bytes.length,
      sha256,
      store: this.store.name,
      uploadedBy: actor.userId,
    });
    const info = toFileInfo(file);
    if (inserted) {
      await this.store.put(manager, file.id, input.bytes);
      await this.audit.record(manager, actor, {
        action: 'file.attached',
        entityType: input.ownerType,
        entityId: input.ownerId,
        after: { fileId: file.id, purpose: file.purpose, name, mediaType, size: file.size, sha256 },
      });
    }
    return { ...info, deduplicated: !inserted };
  }

  /** Files of one owner the actor may see (404 when the owner is unknown or hidden from them). */
  async list(
    actor: Actor | undefined,
    ownerType: string,
    ownerId: string,
    purpose?: FilePurpose,
  ): Promise<FileInfo[]> {
    const policy = this.policyOf(ownerType);
    if (!(await policy.canRead(actor, ownerId, this.db.manager))) throw notFound();
    return (await this.files.listByOwner(ownerType, ownerId, purpose)).map(toFileInfo);
  }

  async get(actor: Actor | undefined, fileId: string): Promise<FileInfo> {
    return toFileInfo(await this.readable(actor, fileId));
  }

  /** The file and a stream of its bytes, for `sendFile`. */
  async open(actor: Actor | undefined, fileId: string): Promise<FileDownload> {
    const file = await this.readable(actor, fileId);
    return { info: toFileInfo(file), stream: this.store.open(file.id, file.size) };
  }

  /** Deletes one file, inside `manager`'s transaction when given. */
  async remove(actor: Actor, fileId: string, manager?: EntityManager): Promise<void> {
    if (!manager) return this.db.transaction((m) => this.remove(actor, fileId, m));
    const file = await this.files.findForUpdate(manager, fileId);
    const policy = file && this.owners.get(file.ownerType);
    if (!file || !policy || !(await policy.canRead(actor, file.ownerId, manager))) throw notFound();
    if (!(await policy.canDelete(actor, file.ownerId, toFileInfo(file), manager))) throw forbidden();
    await this.store.remove(manager, file.id);
    await this.files.delete(manager, file.id);
    await this.audit.record(manager, actor, {
      action: 'file.deleted',
      entityType: file.ownerType,
      entityId: file.ownerId,
      before: { fileId: file.id, purpose: file.purpose, name: file.originalName, sha256: file.sha256 },
    });
  }

  /**
   * How many files an owner holds, inside the caller's transaction — for a domain rule such as
   * "at most 12 photos per asset", checked in its policy's `canAttach` after locking the owner.
   */
  count(manager: EntityManager, ownerType: string, ownerId: string, purpose?: FilePurpose): Promise<number> {
    return this.files.countByOwner(manager, ownerType, ownerId, purpose);
  }

  /**
   * File ids per owner for a list view (e.g. photo ids of every asset on a page), without asking
   * the policy once per row: for the owning domain only, after it has filtered the owners to
   * those the actor may see.
   */
  idsOf(
    ownerType: string,
    ownerIds: readonly string[],
    purpose?: FilePurpose,
  ): Promise<Map<string, string[]>> {
    return this.files.idsByOwners(ownerType, ownerIds, purpose);
  }

  /**
   * Deletes every file of an owner, for a domain deleting the owner in `manager`'s transaction
   * (files have no foreign key to their polymorphic owner). The domain has decided; no policy.
   */
  async removeAllOf(
    actor: { userId: string | null; requestId: string | null },
    manager: EntityManager,
    ownerType: string,
    ownerId: string,
  ): Promise<number> {
    const files = await this.files.listByOwnerForUpdate(manager, ownerType, ownerId);
    for (const file of files) {
      await this.store.remove(manager, file.id);
      await this.files.delete(manager, file.id);
      await this.audit.record(manager, actor, {
        action: 'file.deleted',
        entityType: file.ownerType,
        entityId: file.ownerId,
        before: { fileId: file.id, purpose: file.purpose, name: file.originalName, sha256: file.sha256 },
      });
    }
    return files.length;
  }

  private policyOf(ownerType: string): FileOwnerPolicy {
    const policy = this.owners.get(ownerType);
    if (!policy) throw notFound();
    return policy;
  }

  private async readable(actor: Actor | undefined, fileId: string): Promise<FileEntity> {
    const file = await this.files.findById(fileId);
    const policy = file && this.owners.get(file.ownerType);
    if (!file || !policy || !(await policy.canRead(actor, file.ownerId, this.db.manager))) throw notFound();
    return file;
  }

  /** Size cap, type sniffed from the bytes, and the declared type and extension agreeing with it. */
  private check(input: NewFile, name: string): FileMediaType {
    if (input.bytes.length === 0) throw invalidField('file', 'required');
    const max = this.maxBytes(input.purpose);
    if (input.bytes.length > max) {
      throw new DomainError('payload_too_large', { maxBytes: max }, {}, [
        { field: 'file', code: 'too_large', params: { max: formatBytes(max) } },
      ]);
    }
    const allowed = FILE_PURPOSE_MEDIA_TYPES[input.purpose];
    const sniffed = sniffMediaType(input.bytes, name);
    if (!sniffed || !allowed.includes(sniffed)) {
      const extensions = [...new Set(allowed.flatMap((type) => FILE_EXTENSIONS[type]))];
      throw new DomainError('unsupported_media_type', { detected: sniffed ?? null }, {}, [
        { field: 'file', code: 'not_in', params: { values: extensions.join(', ') } },
      ]);
    }
    if (!extensionAgrees(name, sniffed)) {
      throw new DomainError(
        'unsupported_media_type',
        { detected: sniffed, extension: extensionOf(name) },
        {},
        [{ field: 'file.name', code: 'not_in', params: { values: FILE_EXTENSIONS[sniffed].join(', ') } }],
      );
    }
    if (!declaredTypeAgrees(input.declaredType, sniffed)) {
      throw new DomainError(
        'unsupported_media_type',
        { detected: sniffed, declared: input.declaredType },
        {},
        [{ field: 'file.type', code: 'not_in', params: { values: sniffed } }],
      );
    }
    return sniffed;
  }
}
