import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '../../auth/user.entity';
import { BudgetLineEntity } from '../../settlement/entities/budget.entities';

/** An open call (공모). Texts, offer and schedule are JSON documents shaped by the contracts. */
@Entity({ name: 'recruitment_calls' })
@Index('recruitment_calls_phase_idx', ['phase'])
@Check('recruitment_calls_kind_check', `"kind" IN ('residency', 'coworking', 'partner_space', 'small_grant')`)
@Check(
  'recruitment_calls_phase_check',
  `"phase" IN ('draft', 'open', 'closed', 'screening', 'review_document', 'review_interview', 'provisional_results', 'objection_window', 'final_results', 'agreements')`,
)
@Check('recruitment_calls_aggregation_check', `"aggregation" IN ('mean', 'median')`)
@Check('recruitment_calls_k_check', `"reviewers_per_application" BETWEEN 1 AND 20`)
export class RecruitmentCallEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'recruitment_calls_pkey' })
  id!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'jsonb' })
  title!: Record<string, string>;

  @Column({ type: 'jsonb' })
  summary!: Record<string, string>;

  @Column({ type: 'jsonb' })
  body!: Record<string, string>;

  @Column({ type: 'jsonb' })
  eligibility!: Record<string, string>;

  @Column({ type: 'jsonb' })
  offer!: object;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  schedule!: object;

  @Column({ type: 'timestamptz' })
  deadline!: Date;

  @Column({ type: 'text', default: 'draft' })
  phase!: string;

  @Column({ type: 'boolean', default: false })
  blind!: boolean;

  @Column({ name: 'has_interview', type: 'boolean', default: false })
  hasInterview!: boolean;

  @Column({ type: 'text', default: 'mean' })
  aggregation!: string;

  @Column({ name: 'reviewers_per_application', type: 'integer', default: 2 })
  reviewersPerApplication!: number;

  @Column({ name: 'budget_line_id', type: 'uuid', nullable: true })
  budgetLineId!: string | null;

  @ManyToOne(() => BudgetLineEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'budget_line_id', foreignKeyConstraintName: 'recruitment_calls_budget_line_id_fkey' })
  budgetLine?: BudgetLineEntity;

  @Column({ type: 'jsonb', nullable: true })
  rubric!: object | null;

  @Column({ name: 'tie_breaks', type: 'jsonb', default: () => `'[]'` })
  tieBreaks!: object;

  @Column({ name: 'results_published_at', type: 'timestamptz', nullable: true })
  resultsPublishedAt!: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'recruitment_calls_created_by_fkey' })
  creator?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** Every phase move of a call (by hand or by the scheduled job), append-only. */
@Entity({ name: 'recruitment_phase_moves' })
@Index('recruitment_phase_moves_call_idx', ['callId', 'at'])
export class RecruitmentPhaseMoveEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'recruitment_phase_moves_pkey' })
  id!: string;

  @Column({ name: 'call_id', type: 'uuid' })
  callId!: string;

  @ManyToOne(() => RecruitmentCallEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'recruitment_phase_moves_call_id_fkey' })
  call?: RecruitmentCallEntity;

  @Column({ name: 'from_phase', type: 'text' })
  fromPhase!: string;

  @Column({ name: 'to_phase', type: 'text' })
  toPhase!: string;

  @Column({ name: 'moved_by', type: 'uuid', nullable: true })
  movedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'moved_by', foreignKeyConstraintName: 'recruitment_phase_moves_moved_by_fkey' })
  mover?: UserEntity;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}

/** A version of a call's application form; applications keep the version they were written on. */
@Entity({ name: 'recruitment_forms' })
@Index('recruitment_forms_call_version_key', ['callId', 'version'], { unique: true })
@Check('recruitment_forms_version_check', `"version" >= 1`)
export class RecruitmentFormEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'recruitment_forms_pkey' })
  id!: string;

  @Column({ name: 'call_id', type: 'uuid' })
  callId!: string;

  @ManyToOne(() => RecruitmentCallEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'recruitment_forms_call_id_fkey' })
  call?: RecruitmentCallEntity;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  sections!: object;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** The reviewer panel of a call. */
@Entity({ name: 'recruitment_reviewers' })
export class RecruitmentReviewerEntity {
  @PrimaryColumn({ name: 'call_id', type: 'uuid', primaryKeyConstraintName: 'recruitment_reviewers_pkey' })
  callId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'recruitment_reviewers_pkey' })
  userId!: string;

  @ManyToOne(() => RecruitmentCallEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'recruitment_reviewers_call_id_fkey' })
  call?: RecruitmentCallEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'recruitment_reviewers_user_id_fkey' })
  user?: UserEntity;
}
