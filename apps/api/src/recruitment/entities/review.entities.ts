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
import { RecruitmentApplicationEntity } from './application.entities';
import { RecruitmentCallEntity } from './call.entities';

/**
 * A reviewer assigned to an application, with their declaration and score sheet. The database
 * refuses scores from a reviewer who has not declared, declared a conflict, or has one detected
 * from Madang's records (`recruitment_assignments_conflict_check`), and a submitted sheet without scores.
 */
@Entity({ name: 'recruitment_assignments' })
@Index('recruitment_assignments_pair_key', ['applicationId', 'reviewerId'], { unique: true })
@Index('recruitment_assignments_reviewer_idx', ['reviewerId'])
@Index('recruitment_assignments_call_idx', ['callId'])
@Check(
  'recruitment_assignments_conflict_check',
  `"scores" = '{}'::jsonb OR ("declared_conflict" = false AND "detected_conflicts" = '[]'::jsonb)`,
)
@Check('recruitment_assignments_submitted_check', `"submitted_at" IS NULL OR "scores" <> '{}'::jsonb`)
@Check('recruitment_assignments_declared_check', `("declared_conflict" IS NULL) = ("declared_at" IS NULL)`)
export class RecruitmentAssignmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'recruitment_assignments_pkey' })
  id!: string;

  @Column({ name: 'call_id', type: 'uuid' })
  callId!: string;

  @ManyToOne(() => RecruitmentCallEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'recruitment_assignments_call_id_fkey' })
  call?: RecruitmentCallEntity;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => RecruitmentApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'application_id',
    foreignKeyConstraintName: 'recruitment_assignments_application_id_fkey',
  })
  application?: RecruitmentApplicationEntity;

  @Column({ name: 'reviewer_id', type: 'uuid' })
  reviewerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewer_id', foreignKeyConstraintName: 'recruitment_assignments_reviewer_id_fkey' })
  reviewer?: UserEntity;

  @Column({ name: 'declared_conflict', type: 'boolean', nullable: true })
  declaredConflict!: boolean | null;

  @Column({ name: 'declaration_note', type: 'text', nullable: true })
  declarationNote!: string | null;

  @Column({ name: 'declared_at', type: 'timestamptz', nullable: true })
  declaredAt!: Date | null;

  @Column({ name: 'detected_conflicts', type: 'jsonb', default: () => `'[]'` })
  detectedConflicts!: object;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  scores!: object;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  comments!: object;

  @Column({ name: 'overall_comment', type: 'text', nullable: true })
  overallComment!: string | null;

  @Column({ type: 'numeric', precision: 9, scale: 4, nullable: true })
  total!: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
