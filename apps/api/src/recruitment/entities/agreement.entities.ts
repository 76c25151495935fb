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
import { RecruitmentApplicationEntity } from './application.entities';
import { RecruitmentCallEntity } from './call.entities';

/** The occupancy agreement a selection becomes. Money in integer won. */
@Entity({ name: 'recruitment_agreements' })
@Index('recruitment_agreements_application_key', ['applicationId'], { unique: true })
@Index('recruitment_agreements_group_idx', ['groupId'])
@Check('recruitment_agreements_state_check', `"state" IN ('draft', 'signed', 'ended', 'cancelled')`)
@Check('recruitment_agreements_term_check', `"term_end" >= "term_start"`)
@Check('recruitment_agreements_money_check', `"monthly_fee" >= 0 AND "deposit" >= 0`)
@Check(
  'recruitment_agreements_signed_check',
  `("state" = 'draft') = ("signed_at" IS NULL) AND ("signed_at" IS NULL) = ("signed_by" IS NULL)`,
)
export class RecruitmentAgreementEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'recruitment_agreements_pkey' })
  id!: string;

  @Column({ name: 'call_id', type: 'uuid' })
  callId!: string;

  @ManyToOne(() => RecruitmentCallEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'recruitment_agreements_call_id_fkey' })
  call?: RecruitmentCallEntity;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => RecruitmentApplicationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'application_id',
    foreignKeyConstraintName: 'recruitment_agreements_application_id_fkey',
  })
  application?: RecruitmentApplicationEntity;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @ManyToOne(() => GroupEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'recruitment_agreements_group_id_fkey' })
  group?: GroupEntity;

  @Column({ type: 'text', default: 'draft' })
  state!: string;

  @Column({ name: 'term_start', type: 'date' })
  termStart!: string;

  @Column({ name: 'term_end', type: 'date' })
  termEnd!: string;

  @Column({ name: 'asset_ids', type: 'uuid', array: true, default: () => `'{}'` })
  assetIds!: string[];

  @Column({ name: 'seat_count', type: 'integer', nullable: true })
  seatCount!: number | null;

  @Column({ name: 'monthly_fee', type: 'bigint' })
  monthlyFee!: string;

  @Column({ type: 'bigint' })
  deposit!: string;

  @Column({ name: 'renewal_on', type: 'date', nullable: true })
  renewalOn!: string | null;

  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true })
  signedAt!: Date | null;

  @Column({ name: 'signed_by', type: 'uuid', nullable: true })
  signedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'signed_by', foreignKeyConstraintName: 'recruitment_agreements_signed_by_fkey' })
  signer?: UserEntity;

  @Column({ name: 'block_ids', type: 'uuid', array: true, default: () => `'{}'` })
  blockIds!: string[];

  @Column({ name: 'rent_schedule_id', type: 'uuid', nullable: true })
  rentScheduleId!: string | null;

  @Column({ name: 'partner_asset_id', type: 'uuid', nullable: true })
  partnerAssetId!: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'recruitment_agreements_created_by_fkey' })
  creator?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** An obligation of an agreement (e.g. a quarterly activity report) with its due date and reminder. */
@Entity({ name: 'recruitment_obligations' })
@Index('recruitment_obligations_due_idx', ['state', 'dueOn'])
@Index('recruitment_obligations_agreement_idx', ['agreementId'])
@Check('recruitment_obligations_state_check', `"state" IN ('open', 'done')`)
@Check('recruitment_obligations_done_check', `("state" = 'done') = ("completed_at" IS NOT NULL)`)
@Check('recruitment_obligations_remind_check', `"remind_days_before" BETWEEN 0 AND 365`)
export class RecruitmentObligationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'recruitment_obligations_pkey' })
  id!: string;

  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId!: string;

  @ManyToOne(() => RecruitmentAgreementEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'recruitment_obligations_agreement_id_fkey' })
  agreement?: RecruitmentAgreementEntity;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ name: 'remind_days_before', type: 'integer', default: 7 })
  remindDaysBefore!: number;

  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt!: Date | null;

  @Column({ type: 'text', default: 'open' })
  state!: string;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'completed_by', type: 'uuid', nullable: true })
  completedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'completed_by', foreignKeyConstraintName: 'recruitment_obligations_completed_by_fkey' })
  completer?: UserEntity;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * Time-bound privileges of a group (a standing tag such as `resident_base`, extra advance days),
 * valid from `starts_on` to `ends_on` inclusive and expiring by themselves: readers ask for the
 * rows valid today. Written by recruitment on signing; read by the booking rules.
 */
@Entity({ name: 'group_privileges' })
@Index('group_privileges_group_idx', ['groupId', 'endsOn'])
@Index('group_privileges_source_idx', ['sourceType', 'sourceId'])
@Check('group_privileges_range_check', `"ends_on" >= "starts_on"`)
@Check('group_privileges_tag_check', `"tag" ~ '^[a-z][a-z0-9_]{0,39}$'`)
@Check('group_privileges_days_check', `"extra_advance_days" BETWEEN 0 AND 365`)
export class GroupPrivilegeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'group_privileges_pkey' })
  id!: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'group_privileges_group_id_fkey' })
  group?: GroupEntity;

  @Column({ type: 'text' })
  tag!: string;

  @Column({ name: 'extra_advance_days', type: 'integer', default: 0 })
  extraAdvanceDays!: number;

  @Column({ name: 'source_type', type: 'text' })
  sourceType!: string;

  @Column({ name: 'source_id', type: 'uuid' })
  sourceId!: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
