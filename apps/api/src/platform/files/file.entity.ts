import type { FileMediaType, FilePurpose } from '@madang/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { UserEntity } from '../../auth/user.entity';

/**
 * Metadata of one attachment. The owner is polymorphic (`owner_type`, `owner_id`): access goes
 * through the owning domain's policy, and the owning domain removes its files with its rows.
 * The bytes live wherever `store` says (`file_contents` for the PostgreSQL store).
 */
@Entity({ name: 'files' })
@Unique('files_owner_purpose_sha256_key', ['ownerType', 'ownerId', 'purpose', 'sha256'])
@Check('files_owner_type_check', `"owner_type" ~ '^[a-z][a-z0-9_]{1,39}$'`)
@Check('files_size_check', '"size" >= 1')
@Check('files_sha256_check', `"sha256" ~ '^[0-9a-f]{64}$'`)
@Check('files_original_name_check', `char_length("original_name") BETWEEN 1 AND 200`)
@Check(
  'files_purpose_check',
  `"purpose" IN ('photo', 'application_document', 'expense_evidence', 'project_evidence', 'export')`,
)
export class FileEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'files_pkey' })
  id!: string;

  @Column({ name: 'owner_type', type: 'text' })
  ownerType!: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @Column({ type: 'text' })
  purpose!: FilePurpose;

  @Column({ name: 'original_name', type: 'text' })
  originalName!: string;

  @Column({ name: 'media_type', type: 'text' })
  mediaType!: FileMediaType;

  @Column({ type: 'integer' })
  size!: number;

  @Column({ type: 'text' })
  sha256!: string;

  /** Which FileStore holds the bytes. */
  @Column({ type: 'text', default: 'postgres' })
  store!: string;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'files_uploaded_by_fkey' })
  uploader?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
