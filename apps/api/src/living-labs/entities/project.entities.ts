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
import { GroupEntity } from '../../groups/group.entity';
import { ProgrammeEntity } from '../../settlement/entities/budget.entities';
import { LabObservationEntity } from './observation.entities';

const STAGES = `'observation', 'experiment', 'cooperation', 'sharing', 'on_hold', 'discontinued'`;

/**
 * A living-lab project. The stage gates are the database's too (trigger `lab_projects_gates`):
 * experiment and later need a problem statement and a linked observation, cooperation and sharing a
 * concluded experiment, sharing a results note; a project in sharing is published.
 */
@Entity({ name: 'lab_projects' })
@Index('lab_projects_stage_idx', ['stage'])
@Index('lab_projects_lead_group_idx', ['leadGroupId'])
@Index('lab_projects_lead_user_idx', ['leadUserId'])
@Index('lab_projects_programme_idx', ['programmeId'])
@Check('lab_projects_stage_check', `"stage" IN (${STAGES})`)
@Check(
  'lab_projects_held_from_check',
  `("stage" = 'on_hold') = ("held_from" IS NOT NULL) AND ("held_from" IS NULL OR "held_from" IN ('observation', 'experiment', 'cooperation', 'sharing'))`,
)
@Check(
  'lab_projects_category_check',
  `"category" IN ('transport', 'housing', 'environment', 'community', 'culture', 'safety', 'welfare', 'economy', 'other')`,
)
@Check('lab_projects_lead_check', `num_nonnulls("lead_group_id", "lead_user_id") = 1`)
export class LabProjectEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'lab_projects_pkey' })
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text', default: 'observation' })
  stage!: string;

  @Column({ name: 'held_from', type: 'text', nullable: true })
  heldFrom!: string | null;

  @Column({ name: 'problem_statement', type: 'text', nullable: true })
  problemStatement!: string | null;

  @Column({ name: 'results_note', type: 'text', nullable: true })
  resultsNote!: string | null;

  @Column({ name: 'lead_group_id', type: 'uuid', nullable: true })
  leadGroupId!: string | null;

  @ManyToOne(() => GroupEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_group_id', foreignKeyConstraintName: 'lab_projects_lead_group_id_fkey' })
  leadGroup?: GroupEntity;

  @Column({ name: 'lead_user_id', type: 'uuid', nullable: true })
  leadUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_user_id', foreignKeyConstraintName: 'lab_projects_lead_user_id_fkey' })
  leadUser?: UserEntity;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'lab_projects_created_by_fkey' })
  creator?: UserEntity;

  @Column({ name: 'programme_id', type: 'uuid', nullable: true })
  programmeId!: string | null;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'lab_projects_programme_id_fkey' })
  programme?: ProgrammeEntity;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'lab_project_members' })
@Index('lab_project_members_user_idx', ['userId'])
export class LabProjectMemberEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid', primaryKeyConstraintName: 'lab_project_members_pkey' })
  projectId!: string;

  @ManyToOne(() => LabProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'lab_project_members_project_id_fkey' })
  project?: LabProjectEntity;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'lab_project_members_pkey' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'lab_project_members_user_id_fkey' })
  user?: UserEntity;

  @CreateDateColumn({ name: 'added_at', type: 'timestamptz' })
  addedAt!: Date;
}

@Entity({ name: 'lab_project_observations' })
@Index('lab_project_observations_observation_idx', ['observationId'])
export class LabProjectObservationEntity {
  @PrimaryColumn({
    name: 'project_id',
    type: 'uuid',
    primaryKeyConstraintName: 'lab_project_observations_pkey',
  })
  projectId!: string;

  @ManyToOne(() => LabProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'lab_project_observations_project_id_fkey' })
  project?: LabProjectEntity;

  @PrimaryColumn({
    name: 'observation_id',
    type: 'uuid',
    primaryKeyConstraintName: 'lab_project_observations_pkey',
  })
  observationId!: string;

  @ManyToOne(() => LabObservationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'observation_id',
    foreignKeyConstraintName: 'lab_project_observations_observation_id_fkey',
  })
  observation?: LabObservationEntity;

  @Column({ name: 'linked_by', type: 'uuid' })
  linkedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'linked_by', foreignKeyConstraintName: 'lab_project_observations_linked_by_fkey' })
  linker?: UserEntity;

  @CreateDateColumn({ name: 'linked_at', type: 'timestamptz' })
  linkedAt!: Date;
}

/** Every stage move with who and why (append-only: the database refuses updates and deletes). */
@Entity({ name: 'lab_stage_changes' })
@Index('lab_stage_changes_project_idx', ['projectId', 'changedAt'])
@Index('lab_stage_changes_changed_by_idx', ['changedBy'])
@Check('lab_stage_changes_to_check', `"to_stage" IN (${STAGES})`)
@Check('lab_stage_changes_from_check', `"from_stage" IS NULL OR "from_stage" IN (${STAGES})`)
export class LabStageChangeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'lab_stage_changes_pkey' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => LabProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'lab_stage_changes_project_id_fkey' })
  project?: LabProjectEntity;

  @Column({ name: 'from_stage', type: 'text', nullable: true })
  fromStage!: string | null;

  @Column({ name: 'to_stage', type: 'text' })
  toStage!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'changed_by', type: 'uuid' })
  changedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'changed_by', foreignKeyConstraintName: 'lab_stage_changes_changed_by_fkey' })
  changer?: UserEntity;

  @CreateDateColumn({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;
}

@Entity({ name: 'lab_partners' })
@Index('lab_partners_project_idx', ['projectId'])
@Index('lab_partners_group_idx', ['groupId'])
@Check('lab_partners_sector_check', `"sector" IN ('public', 'private', 'civic', 'academic')`)
@Check('lab_partners_status_check', `"status" IN ('invited', 'active', 'ended')`)
export class LabPartnerEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'lab_partners_pkey' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => LabProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'lab_partners_project_id_fkey' })
  project?: LabProjectEntity;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  sector!: string;

  @Column({ type: 'text', default: 'invited' })
  status!: string;

  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId!: string | null;

  @ManyToOne(() => GroupEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'lab_partners_group_id_fkey' })
  group?: GroupEntity;

  @Column({ type: 'text', nullable: true })
  contact!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'lab_commitments' })
@Index('lab_commitments_partner_idx', ['partnerId'])
@Check('lab_commitments_kind_check', `"kind" IN ('money', 'space', 'people', 'data')`)
@Check('lab_commitments_status_check', `"status" IN ('proposed', 'agreed', 'delivered', 'withdrawn')`)
@Check('lab_commitments_amount_check', `"amount" IS NULL OR "amount" >= 0`)
export class LabCommitmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'lab_commitments_pkey' })
  id!: string;

  @Column({ name: 'partner_id', type: 'uuid' })
  partnerId!: string;

  @ManyToOne(() => LabPartnerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'lab_commitments_partner_id_fkey' })
  partner?: LabPartnerEntity;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'bigint', nullable: true })
  amount!: string | null;

  @Column({ type: 'text', default: 'proposed' })
  status!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'lab_milestones' })
@Index('lab_milestones_project_idx', ['projectId', 'dueOn'])
@Check('lab_milestones_status_check', `"status" IN ('planned', 'done', 'missed', 'cancelled')`)
@Check('lab_milestones_done_check', `("status" = 'done') = ("done_on" IS NOT NULL)`)
export class LabMilestoneEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'lab_milestones_pkey' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => LabProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'lab_milestones_project_id_fkey' })
  project?: LabProjectEntity;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ type: 'text', default: 'planned' })
  status!: string;

  @Column({ name: 'done_on', type: 'date', nullable: true })
  doneOn!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * An outcome, verified by a staff member other than whoever recorded it (CHECK) and other than the
 * project's lead user and creator (trigger `lab_outcomes_verifier`); a verification is never rewritten.
 */
@Entity({ name: 'lab_outcomes' })
@Index('lab_outcomes_project_idx', ['projectId'])
@Index('lab_outcomes_recorded_by_idx', ['recordedBy'])
@Index('lab_outcomes_verified_by_idx', ['verifiedBy'])
@Check(
  'lab_outcomes_type_check',
  `"type" IN ('policy_adopted', 'service_continued', 'budget_line_created', 'organisation_founded', 'other')`,
)
@Check(
  'lab_outcomes_verifier_check',
  `("verified_by" IS NULL) = ("verified_at" IS NULL) AND "verified_by" IS DISTINCT FROM "recorded_by"`,
)
export class LabOutcomeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'lab_outcomes_pkey' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => LabProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'lab_outcomes_project_id_fkey' })
  project?: LabProjectEntity;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn!: string;

  @Column({ name: 'responsible_body', type: 'text' })
  responsibleBody!: string;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'lab_outcomes_recorded_by_fkey' })
  recorder?: UserEntity;

  @Column({ name: 'verified_by', type: 'uuid', nullable: true })
  verifiedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'verified_by', foreignKeyConstraintName: 'lab_outcomes_verified_by_fkey' })
  verifier?: UserEntity;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
