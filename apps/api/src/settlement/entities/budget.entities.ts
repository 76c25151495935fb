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
} from 'typeorm';
import { UserEntity } from '../../auth/user.entity';
import { GroupEntity } from '../../groups/group.entity';
import { FiscalYearEntity } from './ledger.entities';

/** A programme (사업) of a fiscal year: the subsidy project, a living lab, own operations. */
@Entity({ name: 'programmes' })
@Index('programmes_year_code_key', ['fiscalYearId', 'code'], { unique: true })
@Check('programmes_kind_check', `"kind" IN ('subsidy', 'living_lab', 'own')`)
@Check(
  'programmes_thresholds_check',
  `"warn_threshold_bp" BETWEEN 0 AND 10000 AND "refuse_threshold_bp" >= "warn_threshold_bp"`,
)
export class ProgrammeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'programmes_pkey' })
  id!: string;

  @Column({ name: 'fiscal_year_id', type: 'uuid' })
  fiscalYearId!: string;

  @ManyToOne(() => FiscalYearEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fiscal_year_id', foreignKeyConstraintName: 'programmes_fiscal_year_id_fkey' })
  fiscalYear?: FiscalYearEntity;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: string;

  /** 집행마감: no new expense after this date. */
  @Column({ name: 'execution_deadline', type: 'date' })
  executionDeadline!: string;

  /** The group (project lead team) that may see the programme's lines and request expenses. */
  @Column({ name: 'lead_group_id', type: 'uuid', nullable: true })
  leadGroupId!: string | null;

  @ManyToOne(() => GroupEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'lead_group_id', foreignKeyConstraintName: 'programmes_lead_group_id_fkey' })
  leadGroup?: GroupEntity;

  /** Warn when a line's execution would pass this share of its amended budget. */
  @Column({ name: 'warn_threshold_bp', type: 'integer', default: 9000 })
  warnThresholdBp!: number;

  /** Refuse above this share (10000 = the whole amended budget). */
  @Column({ name: 'refuse_threshold_bp', type: 'integer', default: 10000 })
  refuseThresholdBp!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Approvers assigned to a programme may request its expenses. */
@Entity({ name: 'programme_approvers' })
export class ProgrammeApproverEntity {
  @PrimaryColumn({ name: 'programme_id', type: 'uuid', primaryKeyConstraintName: 'programme_approvers_pkey' })
  programmeId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'programme_approvers_pkey' })
  userId!: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'programme_approvers_programme_id_fkey' })
  programme?: ProgrammeEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'programme_approvers_user_id_fkey' })
  user?: UserEntity;
}

/** A funding source (재원) of a programme with its share in basis points. */
@Entity({ name: 'funding_sources' })
@Index('funding_sources_programme_kind_name_key', ['programmeId', 'kind', 'name'], { unique: true })
@Check('funding_sources_kind_check', `"kind" IN ('national', 'local', 'own', 'other')`)
@Check('funding_sources_share_check', `"share_bp" BETWEEN 0 AND 10000`)
export class FundingSourceEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'funding_sources_pkey' })
  id!: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'funding_sources_programme_id_fkey' })
  programme?: ProgrammeEntity;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'share_bp', type: 'integer' })
  shareBp!: number;

  /** Unspent public money (and its interest) goes back to this source. */
  @Column({ name: 'returnable', type: 'boolean' })
  returnable!: boolean;
}

/** The category catalogue: 비목 (level 1) and 세목 (level 2) with the evidence each 세목 needs. */
@Entity({ name: 'budget_categories' })
@Index('budget_categories_code_key', ['code'], { unique: true })
@Check('budget_categories_level_check', `("parent_id" IS NULL) = ("level" = 1) AND "level" IN (1, 2)`)
export class BudgetCategoryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'budget_categories_pkey' })
  id!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'integer' })
  level!: number;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => BudgetCategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'budget_categories_parent_id_fkey' })
  parent?: BudgetCategoryEntity;

  @Column({ name: 'name_ko', type: 'text' })
  nameKo!: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn!: string;

  /** Evidence item codes an expense of this 세목 needs before it can be verified. */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  evidence!: string[];
}

/** A budget line of a programme under one 세목. */
@Entity({ name: 'budget_lines' })
@Index('budget_lines_programme_category_name_key', ['programmeId', 'categoryId', 'name'], { unique: true })
export class BudgetLineEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'budget_lines_pkey' })
  id!: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'budget_lines_programme_id_fkey' })
  programme?: ProgrammeEntity;

  @Column({ name: 'category_id', type: 'uuid' })
  categoryId!: string;

  @ManyToOne(() => BudgetCategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'budget_lines_category_id_fkey' })
  category?: BudgetCategoryEntity;

  @Column({ type: 'text' })
  name!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** The initial amount of a line per funding source; never updated (amendments add deltas). */
@Entity({ name: 'budget_allocations' })
@Check('budget_allocations_initial_check', `"initial_amount" >= 0`)
export class BudgetAllocationEntity {
  @PrimaryColumn({
    name: 'budget_line_id',
    type: 'uuid',
    primaryKeyConstraintName: 'budget_allocations_pkey',
  })
  budgetLineId!: string;

  @PrimaryColumn({
    name: 'funding_source_id',
    type: 'uuid',
    primaryKeyConstraintName: 'budget_allocations_pkey',
  })
  fundingSourceId!: string;

  @ManyToOne(() => BudgetLineEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'budget_line_id', foreignKeyConstraintName: 'budget_allocations_budget_line_id_fkey' })
  line?: BudgetLineEntity;

  @ManyToOne(() => FundingSourceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'funding_source_id',
    foreignKeyConstraintName: 'budget_allocations_funding_source_id_fkey',
  })
  source?: FundingSourceEntity;

  @Column({ name: 'initial_amount', type: 'bigint' })
  initialAmount!: string;
}

/** A budget amendment (변경): requested, then approved or rejected by someone else. */
@Entity({ name: 'budget_amendments' })
@Index('budget_amendments_programme_idx', ['programmeId', 'createdAt'])
@Check('budget_amendments_state_check', `"state" IN ('requested', 'approved', 'rejected')`)
@Check(
  'budget_amendments_decider_check',
  `("state" = 'requested') = ("decided_by" IS NULL) AND "decided_by" IS DISTINCT FROM "requested_by"`,
)
export class BudgetAmendmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'budget_amendments_pkey' })
  id!: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'budget_amendments_programme_id_fkey' })
  programme?: ProgrammeEntity;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text', default: 'requested' })
  state!: string;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'budget_amendments_requested_by_fkey' })
  requester?: UserEntity;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'budget_amendments_decided_by_fkey' })
  decider?: UserEntity;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** One change of an amendment: a signed delta on a line's amount for one source. */
@Entity({ name: 'budget_amendment_items' })
@Check('budget_amendment_items_delta_check', `"delta" <> 0`)
export class BudgetAmendmentItemEntity {
  @PrimaryColumn({
    name: 'amendment_id',
    type: 'uuid',
    primaryKeyConstraintName: 'budget_amendment_items_pkey',
  })
  amendmentId!: string;

  @PrimaryColumn({
    name: 'budget_line_id',
    type: 'uuid',
    primaryKeyConstraintName: 'budget_amendment_items_pkey',
  })
  budgetLineId!: string;

  @PrimaryColumn({
    name: 'funding_source_id',
    type: 'uuid',
    primaryKeyConstraintName: 'budget_amendment_items_pkey',
  })
  fundingSourceId!: string;

  @ManyToOne(() => BudgetAmendmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'amendment_id',
    foreignKeyConstraintName: 'budget_amendment_items_amendment_id_fkey',
  })
  amendment?: BudgetAmendmentEntity;

  @ManyToOne(() => BudgetAllocationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'budget_line_id', referencedColumnName: 'budgetLineId' },
    { name: 'funding_source_id', referencedColumnName: 'fundingSourceId' },
  ])
  allocation?: BudgetAllocationEntity;

  @Column({ type: 'bigint' })
  delta!: string;
}
