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

/**
 * A resident's observation (a problem or a possibility). Its response promise is stored when it
 * arrives (`ack_due_at`, and `answer_due_at` from the kind) so later changes of configuration never
 * rewrite a promise already made.
 */
@Entity({ name: 'lab_observations' })
@Index('lab_observations_created_idx', ['createdAt'])
@Index('lab_observations_posted_by_idx', ['postedBy'])
@Index('lab_observations_team_idx', ['team', 'createdAt'])
@Index('lab_observations_merged_into_idx', ['mergedIntoId'])
@Check('lab_observations_kind_check', `"kind" IN ('problem', 'possibility')`)
@Check(
  'lab_observations_category_check',
  `"category" IN ('transport', 'housing', 'environment', 'community', 'culture', 'safety', 'welfare', 'economy', 'other')`,
)
@Check('lab_observations_state_check', `"state" IN ('received', 'acknowledged', 'answered', 'merged')`)
@Check('lab_observations_response_kind_check', `"response_kind" IN ('simple', 'review', 'policy')`)
@Check(
  'lab_observations_team_check',
  `"team" IN ('research_pr', 'community_innovation', 'foundation_development', 'operations_management')`,
)
@Check(
  'lab_observations_point_check',
  `("point_lat" IS NULL) = ("point_lng" IS NULL) AND ("point_lat" IS NULL OR ("point_lat" BETWEEN -90 AND 90 AND "point_lng" BETWEEN -180 AND 180))`,
)
@Check(
  'lab_observations_merged_check',
  `("state" = 'merged') = ("merged_into_id" IS NOT NULL) AND "merged_into_id" IS DISTINCT FROM "id"`,
)
@Check(
  'lab_observations_answered_check',
  `("answered_at" IS NULL OR "acknowledged_at" IS NOT NULL) AND "ack_due_at" >= "created_at" AND "answer_due_at" >= "created_at"`,
)
export class LabObservationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'lab_observations_pkey' })
  id!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'place_name', type: 'text', nullable: true })
  placeName!: string | null;

  @Column({ name: 'point_lat', type: 'double precision', nullable: true })
  pointLat!: number | null;

  @Column({ name: 'point_lng', type: 'double precision', nullable: true })
  pointLng!: number | null;

  @Column({ name: 'is_public', type: 'boolean', default: true })
  isPublic!: boolean;

  @Column({ type: 'boolean', default: false })
  anonymous!: boolean;

  @Column({ name: 'posted_by', type: 'uuid' })
  postedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'posted_by', foreignKeyConstraintName: 'lab_observations_posted_by_fkey' })
  poster?: UserEntity;

  @Column({ type: 'text', default: 'received' })
  state!: string;

  @Column({ name: 'response_kind', type: 'text', default: 'review' })
  responseKind!: string;

  @Column({ type: 'text', default: 'research_pr' })
  team!: string;

  @Column({ name: 'ack_due_at', type: 'timestamptz' })
  ackDueAt!: Date;

  @Column({ name: 'answer_due_at', type: 'timestamptz' })
  answerDueAt!: Date;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId!: string | null;

  @ManyToOne(() => LabObservationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'merged_into_id', foreignKeyConstraintName: 'lab_observations_merged_into_id_fkey' })
  mergedInto?: LabObservationEntity;

  @Column({ name: 'merge_reason', type: 'text', nullable: true })
  mergeReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** One support per person and observation: the primary key is the rule. */
@Entity({ name: 'lab_observation_supports' })
@Index('lab_observation_supports_user_idx', ['userId'])
export class LabObservationSupportEntity {
  @PrimaryColumn({
    name: 'observation_id',
    type: 'uuid',
    primaryKeyConstraintName: 'lab_observation_supports_pkey',
  })
  observationId!: string;

  @ManyToOne(() => LabObservationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'observation_id',
    foreignKeyConstraintName: 'lab_observation_supports_observation_id_fkey',
  })
  observation?: LabObservationEntity;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'lab_observation_supports_pkey' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'lab_observation_supports_user_id_fkey' })
  user?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'lab_observation_comments' })
@Index('lab_observation_comments_observation_idx', ['observationId', 'createdAt'])
@Index('lab_observation_comments_author_idx', ['authorId'])
export class LabObservationCommentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'lab_observation_comments_pkey' })
  id!: string;

  @Column({ name: 'observation_id', type: 'uuid' })
  observationId!: string;

  @ManyToOne(() => LabObservationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'observation_id',
    foreignKeyConstraintName: 'lab_observation_comments_observation_id_fkey',
  })
  observation?: LabObservationEntity;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'lab_observation_comments_author_id_fkey' })
  author?: UserEntity;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'by_staff', type: 'boolean', default: false })
  byStaff!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Staff replies: an acknowledgement or the substantive answer, by a team. */
@Entity({ name: 'lab_observation_replies' })
@Index('lab_observation_replies_observation_idx', ['observationId', 'createdAt'])
@Index('lab_observation_replies_author_idx', ['authorId'])
@Check('lab_observation_replies_kind_check', `"kind" IN ('acknowledgement', 'answer')`)
@Check(
  'lab_observation_replies_team_check',
  `"team" IN ('research_pr', 'community_innovation', 'foundation_development', 'operations_management')`,
)
export class LabObservationReplyEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'lab_observation_replies_pkey' })
  id!: string;

  @Column({ name: 'observation_id', type: 'uuid' })
  observationId!: string;

  @ManyToOne(() => LabObservationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'observation_id',
    foreignKeyConstraintName: 'lab_observation_replies_observation_id_fkey',
  })
  observation?: LabObservationEntity;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text' })
  team!: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'lab_observation_replies_author_id_fkey' })
  author?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
