import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '../../auth/user.entity';
import { GroupEntity } from '../../groups/group.entity';
import { RecruitmentCallEntity, RecruitmentFormEntity } from './call.entities';

/**
 * An application by a person for a group. The database refuses a submission after the call's
 * deadline (trigger `recruitment_applications_deadline`), and a second live application of a group.
 */
@Entity({ name: 'recruitment_applications' })
@Index('recruitment_applications_call_idx', ['callId', 'state'])
@Index('recruitment_applications_applicant_idx', ['applicantId'])
@Index('recruitment_applications_group_key', ['callId', 'groupId'], {
  unique: true,
  where: `"state" <> 'withdrawn'`,
})
@Check('recruitment_applications_state_check', `"state" IN ('draft', 'submitted', 'withdrawn')`)
@Check('recruitment_applications_eligibility_check', `"eligibility" IN ('pending', 'eligible', 'ineligible')`)
@Check(
  'recruitment_applications_decision_check',
  `"decision" IS NULL OR ("decision" IN ('selected', 'reserve', 'not_selected') AND "decision_rationale" IS NOT NULL)`,
)
@Check('recruitment_applications_submitted_check', `"state" <> 'submitted' OR "submitted_at" IS NOT NULL`)
export class RecruitmentApplicationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'recruitment_applications_pkey' })
  id!: string;

  @Column({ name: 'call_id', type: 'uuid' })
  callId!: string;

  @ManyToOne(() => RecruitmentCallEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'recruitment_applications_call_id_fkey' })
  call?: RecruitmentCallEntity;

  @Column({ name: 'form_id', type: 'uuid' })
  formId!: string;

  @ManyToOne(() => RecruitmentFormEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'form_id', foreignKeyConstraintName: 'recruitment_applications_form_id_fkey' })
  form?: RecruitmentFormEntity;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @ManyToOne(() => GroupEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'recruitment_applications_group_id_fkey' })
  group?: GroupEntity;

  @Column({ name: 'applicant_id', type: 'uuid' })
  applicantId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'applicant_id',
    foreignKeyConstraintName: 'recruitment_applications_applicant_id_fkey',
  })
  applicant?: UserEntity;

  @Column({ type: 'text', default: 'draft' })
  state!: string;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  answers!: object;

  @Column({ type: 'text', default: 'pending' })
  eligibility!: string;

  @Column({ name: 'eligibility_reasons', type: 'jsonb', default: () => `'[]'` })
  eligibilityReasons!: string[];

  @Column({ name: 'screened_by', type: 'uuid', nullable: true })
  screenedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'screened_by', foreignKeyConstraintName: 'recruitment_applications_screened_by_fkey' })
  screener?: UserEntity;

  @Column({ type: 'text', nullable: true })
  decision!: string | null;

  @Column({ name: 'decision_rationale', type: 'text', nullable: true })
  decisionRationale!: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'recruitment_applications_decided_by_fkey' })
  decider?: UserEntity;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** A supplement request: the applicant may change only `field_ids`, until `due_at`. */
@Entity({ name: 'recruitment_supplements' })
@Index('recruitment_supplements_application_idx', ['applicationId'])
@Check('recruitment_supplements_state_check', `"state" IN ('requested', 'answered', 'expired')`)
export class RecruitmentSupplementEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'recruitment_supplements_pkey' })
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => RecruitmentApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'application_id',
    foreignKeyConstraintName: 'recruitment_supplements_application_id_fkey',
  })
  application?: RecruitmentApplicationEntity;

  @Column({ name: 'field_ids', type: 'jsonb' })
  fieldIds!: string[];

  @Column({ type: 'text' })
  message!: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'text', default: 'requested' })
  state!: string;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'recruitment_supplements_requested_by_fkey' })
  requester?: UserEntity;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** An objection to provisional results, answered by staff. */
@Entity({ name: 'recruitment_objections' })
@Index('recruitment_objections_application_idx', ['applicationId'])
@Check('recruitment_objections_state_check', `"state" IN ('filed', 'upheld', 'dismissed')`)
@Check(
  'recruitment_objections_answer_check',
  `("state" = 'filed') = ("answer" IS NULL) AND ("answer" IS NULL) = ("answered_at" IS NULL)`,
)
export class RecruitmentObjectionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'recruitment_objections_pkey' })
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => RecruitmentApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'application_id',
    foreignKeyConstraintName: 'recruitment_objections_application_id_fkey',
  })
  application?: RecruitmentApplicationEntity;

  @Column({ type: 'text' })
  reasons!: string;

  @Column({ type: 'text', default: 'filed' })
  state!: string;

  @Column({ type: 'text', nullable: true })
  answer!: string | null;

  @Column({ name: 'answered_by', type: 'uuid', nullable: true })
  answeredBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'answered_by', foreignKeyConstraintName: 'recruitment_objections_answered_by_fkey' })
  answerer?: UserEntity;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
