import type { ExportFormat, ExportRunState } from '@madang/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../../auth/user.entity';
import { FileEntity } from '../files/file.entity';

/** One background export: its progress while it runs, its file (in `files`) once ready, until it expires. */
@Entity({ name: 'export_runs' })
@Index('export_runs_requested_by_idx', ['requestedBy', 'createdAt'])
@Index('export_runs_expires_at_idx', ['expiresAt'])
@Check('export_runs_format_check', `"format" IN ('csv', 'xlsx', 'pdf')`)
@Check('export_runs_state_check', `"state" IN ('running', 'ready', 'failed')`)
@Check('export_runs_rows_check', '"rows_done" >= 0 AND ("rows_total" IS NULL OR "rows_total" >= 0)')
@Check('export_runs_finished_check', `("state" = 'running') = ("finished_at" IS NULL)`)
export class ExportRunEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'export_runs_pkey' })
  id!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  format!: ExportFormat;

  @Column({ type: 'text', default: 'running' })
  state!: ExportRunState;

  @Column({ name: 'rows_done', type: 'integer', default: 0 })
  rowsDone!: number;

  @Column({ name: 'rows_total', type: 'integer', nullable: true })
  rowsTotal!: number | null;

  @Column({ type: 'text' })
  filename!: string;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'export_runs_requested_by_fkey' })
  requester?: UserEntity;

  @Column({ name: 'file_id', type: 'uuid', nullable: true })
  fileId!: string | null;

  @ManyToOne(() => FileEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'export_runs_file_id_fkey' })
  file?: FileEntity;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'heartbeat_at', type: 'timestamptz', default: () => 'now()' })
  heartbeatAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
