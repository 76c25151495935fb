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
import { BookingEntity } from '../../bookings/booking.entity';
import { LabProjectEntity } from './project.entities';

/** An experiment: a hypothesis tested with an intervention at real booked sites, ending in a verdict. */
@Entity({ name: 'lab_experiments' })
@Index('lab_experiments_project_idx', ['projectId'])
@Index('lab_experiments_created_by_idx', ['createdBy'])
@Index('lab_experiments_concluded_by_idx', ['concludedBy'])
@Check('lab_experiments_period_check', `"ends_on" >= "starts_on"`)
@Check(
  'lab_experiments_verdict_check',
  `"verdict" IS NULL OR "verdict" IN ('confirmed', 'refuted', 'inconclusive')`,
)
@Check(
  'lab_experiments_concluded_check',
  `("verdict" IS NULL) = ("concluded_at" IS NULL) AND ("verdict" IS NULL) = ("lesson" IS NULL) AND ("verdict" IS NULL) = ("concluded_by" IS NULL)`,
)
@Check('lab_experiments_participants_check', `"participant_count" IS NULL OR "participant_count" >= 0`)
export class LabExperimentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'lab_experiments_pkey' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => LabProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'lab_experiments_project_id_fkey' })
  project?: LabProjectEntity;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  hypothesis!: string;

  @Column({ type: 'text' })
  intervention!: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;

  @Column({ name: 'participant_count', type: 'integer', nullable: true })
  participantCount!: number | null;

  @Column({ type: 'text', nullable: true })
  verdict!: string | null;

  @Column({ type: 'text', nullable: true })
  lesson!: string | null;

  @Column({ name: 'concluded_at', type: 'timestamptz', nullable: true })
  concludedAt!: Date | null;

  @Column({ name: 'concluded_by', type: 'uuid', nullable: true })
  concludedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'concluded_by', foreignKeyConstraintName: 'lab_experiments_concluded_by_fkey' })
  concluder?: UserEntity;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'lab_experiments_created_by_fkey' })
  creator?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** The sites of an experiment: real bookings (created from it, or linked). */
@Entity({ name: 'lab_experiment_bookings' })
@Index('lab_experiment_bookings_booking_idx', ['bookingId'])
export class LabExperimentBookingEntity {
  @PrimaryColumn({
    name: 'experiment_id',
    type: 'uuid',
    primaryKeyConstraintName: 'lab_experiment_bookings_pkey',
  })
  experimentId!: string;

  @ManyToOne(() => LabExperimentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'experiment_id',
    foreignKeyConstraintName: 'lab_experiment_bookings_experiment_id_fkey',
  })
  experiment?: LabExperimentEntity;

  @PrimaryColumn({
    name: 'booking_id',
    type: 'uuid',
    primaryKeyConstraintName: 'lab_experiment_bookings_pkey',
  })
  bookingId!: string;

  @ManyToOne(() => BookingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'booking_id', foreignKeyConstraintName: 'lab_experiment_bookings_booking_id_fkey' })
  booking?: BookingEntity;

  @Column({ name: 'linked_by', type: 'uuid' })
  linkedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'linked_by', foreignKeyConstraintName: 'lab_experiment_bookings_linked_by_fkey' })
  linker?: UserEntity;

  @CreateDateColumn({ name: 'linked_at', type: 'timestamptz' })
  linkedAt!: Date;
}

/**
 * A participant's consent. Personal data never leaves the team's views; once consent is withdrawn
 * the name and contact are erased (CHECK) and the row stays only as a count.
 */
@Entity({ name: 'lab_participants' })
@Index('lab_participants_experiment_idx', ['experimentId'])
@Index('lab_participants_recorded_by_idx', ['recordedBy'])
@Check(
  'lab_participants_withdrawn_check',
  `("withdrawn_at" IS NULL AND "name" IS NOT NULL) OR ("withdrawn_at" IS NOT NULL AND "name" IS NULL AND "contact" IS NULL)`,
)
export class LabParticipantEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'lab_participants_pkey' })
  id!: string;

  @Column({ name: 'experiment_id', type: 'uuid' })
  experimentId!: string;

  @ManyToOne(() => LabExperimentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'experiment_id', foreignKeyConstraintName: 'lab_participants_experiment_id_fkey' })
  experiment?: LabExperimentEntity;

  @Column({ type: 'text', nullable: true })
  name!: string | null;

  @Column({ type: 'text', nullable: true })
  contact!: string | null;

  @Column({ name: 'consent_note', type: 'text' })
  consentNote!: string;

  @CreateDateColumn({ name: 'consented_at', type: 'timestamptz' })
  consentedAt!: Date;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'lab_participants_recorded_by_fkey' })
  recorder?: UserEntity;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;
}

@Entity({ name: 'lab_metrics' })
@Index('lab_metrics_experiment_idx', ['experimentId'])
@Check('lab_metrics_direction_check', `"direction" IN ('increase', 'decrease')`)
export class LabMetricEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'lab_metrics_pkey' })
  id!: string;

  @Column({ name: 'experiment_id', type: 'uuid' })
  experimentId!: string;

  @ManyToOne(() => LabExperimentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'experiment_id', foreignKeyConstraintName: 'lab_metrics_experiment_id_fkey' })
  experiment?: LabExperimentEntity;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  unit!: string;

  @Column({ type: 'numeric' })
  baseline!: string;

  @Column({ type: 'numeric' })
  target!: string;

  @Column({ type: 'text' })
  direction!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'lab_metric_readings' })
@Index('lab_metric_readings_metric_idx', ['metricId', 'measuredOn'])
@Index('lab_metric_readings_recorded_by_idx', ['recordedBy'])
export class LabMetricReadingEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'lab_metric_readings_pkey' })
  id!: string;

  @Column({ name: 'metric_id', type: 'uuid' })
  metricId!: string;

  @ManyToOne(() => LabMetricEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'metric_id', foreignKeyConstraintName: 'lab_metric_readings_metric_id_fkey' })
  metric?: LabMetricEntity;

  @Column({ name: 'measured_on', type: 'date' })
  measuredOn!: string;

  @Column({ type: 'numeric' })
  value!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'lab_metric_readings_recorded_by_fkey' })
  recorder?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
