import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type BookingDto,
  type ExperimentDetail,
  type ExperimentMetric,
  type ExperimentParticipant,
  type MetricDirection,
  type ParticipantCounts,
} from '@madang/contracts';
import { DataSource } from 'typeorm';
import { BookingsService } from '../bookings/bookings.service';
import { CreateBookingDto } from '../bookings/dto/bookings.dto';
import type { Actor } from '../core/actor';
import { DomainError, invalidField, notFound } from '../core/domain-error';
import { AuditService } from '../platform/audit/audit.service';
import { FilesService } from '../platform/files/files.service';
import {
  AddReadingDto,
  CreateExperimentDto,
  CreateMetricDto,
  LinkBookingDto,
  RecordConsentDto,
  RecordVerdictDto,
  UpdateExperimentDto,
} from './dto/projects.dto';
import {
  ExperimentRow,
  ExperimentsRepository,
  MetricRow,
  ParticipantRow,
  SiteRow,
} from './experiments.repository';
import { LabAccess } from './lab-access';
import { labRule } from './lab-errors';
import { targetReached } from './lab-rules';
import { experimentSummary } from './projects.service';

export const EXPERIMENT_OWNER = 'lab_experiment';

export function metricView(x: MetricRow): ExperimentMetric {
  const readings = x.readings.map((r) => ({
    id: r.id,
    measuredOn: r.measured_on,
    value: Number(r.value),
    note: r.note,
  }));
  const actual = readings.length ? readings[readings.length - 1].value : null;
  const target = Number(x.target);
  return {
    id: x.id,
    name: x.name,
    unit: x.unit,
    baseline: Number(x.baseline),
    target,
    direction: x.direction as MetricDirection,
    readings,
    actual,
    targetReached: targetReached(x.direction as MetricDirection, target, actual),
  };
}

/** Participants counted from the linked bookings: attendees of those approved. */
export function fromBookings(sites: SiteRow[]): number {
  return sites.filter((s) => s.decision === 'approved').reduce((sum, s) => sum + s.attendees, 0);
}

/** Experiments: the hypothesis, its booked sites, participants' consent, metrics and the verdict. */
@Injectable()
export class ExperimentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly experiments: ExperimentsRepository,
    private readonly access: LabAccess,
    private readonly bookings: BookingsService,
    private readonly audit: AuditService,
    private readonly files: FilesService,
  ) {}

  async create(actor: Actor, projectId: string, dto: CreateExperimentDto): Promise<ExperimentDetail> {
    if (dto.endsOn < dto.startsOn) throw invalidField('endsOn', 'invalid');
    const id = await this.db.transaction(async (m) => {
      await this.access.editable(m, actor, projectId);
      const id = await this.experiments.insert(m, {
        projectId,
        title: dto.title.trim(),
        hypothesis: dto.hypothesis.trim(),
        intervention: dto.intervention.trim(),
        startsOn: dto.startsOn,
        endsOn: dto.endsOn,
        participantCount: dto.participantCount ?? null,
        createdBy: actor.userId,
      });
      await this.audit.record(m, actor, {
        action: 'lab_experiment.created',
        entityType: EXPERIMENT_OWNER,
        entityId: id,
        after: { projectId, ...dto },
      });
      return id;
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<ExperimentDetail> {
    const m = this.db.manager;
    await this.access.readableOf(m, actor, 'experiment', id);
    const e = await this.experiments.find(m, id);
    if (!e) throw notFound();
    const [bookingIds, sites, counts, metrics, files] = await Promise.all([
      this.experiments.bookingIds(m, id),
      this.experiments.sites(m, [id]),
      this.experiments.participantCounts(m, [id]),
      this.experiments.metrics(m, [id]),
      this.files.list(actor, EXPERIMENT_OWNER, id),
    ]);
    const bookings: BookingDto[] = [];
    for (const bookingId of bookingIds) {
      try {
        bookings.push(await this.bookings.get(actor, bookingId));
      } catch (error) {
        // A booking the viewer may not read through the booking service is left out (counts still include it).
        if (!(error instanceof DomainError && error.code === 'not_found')) throw error;
      }
    }
    return this.detail(e, bookings, sites, counts[0], metrics, files);
  }

  async update(actor: Actor, id: string, dto: UpdateExperimentDto): Promise<ExperimentDetail> {
    await this.db.transaction(async (m) => {
      await this.access.editableOf(m, actor, 'experiment', id);
      const e = await this.experiments.lock(m, id);
      if (!e) throw notFound();
      if (e.verdict) throw labRule('experiment_concluded', actor.locale);
      const starts = dto.startsOn ?? e.starts_on;
      const ends = dto.endsOn ?? e.ends_on;
      if (ends < starts) throw invalidField('endsOn', 'invalid');
      const set: Parameters<ExperimentsRepository['update']>[2] = {};
      if (dto.title !== undefined) set.title = dto.title.trim();
      if (dto.hypothesis !== undefined) set.hypothesis = dto.hypothesis.trim();
      if (dto.intervention !== undefined) set.intervention = dto.intervention.trim();
      if (dto.startsOn !== undefined) set.starts_on = dto.startsOn;
      if (dto.endsOn !== undefined) set.ends_on = dto.endsOn;
      if (dto.participantCount !== undefined) set.participant_count = dto.participantCount;
      await this.experiments.update(m, id, set);
      await this.audit.record(m, actor, {
        action: 'lab_experiment.updated',
        entityType: EXPERIMENT_OWNER,
        entityId: id,
        after: { ...dto },
      });
    });
    return this.get(actor, id);
  }

  /**
   * Books a site for the experiment through the booking engine, as the acting person: its rules,
   * approval and conflicts apply (a taken slot is the usual 409 `slot_taken`). The link is written
   * once the booking exists.
   */
  async book(actor: Actor, id: string, dto: CreateBookingDto): Promise<ExperimentDetail> {
    await this.assertOpen(actor, id);
    const { booking } = await this.bookings.create(actor, dto);
    await this.db.transaction(async (m) => {
      await this.access.editableOf(m, actor, 'experiment', id);
      await this.experiments.linkBooking(m, id, booking.id, actor.userId);
      await this.audit.record(m, actor, {
        action: 'lab_experiment.site_booked',
        entityType: EXPERIMENT_OWNER,
        entityId: id,
        after: { bookingId: booking.id },
      });
    });
    return this.get(actor, id);
  }

  /** Links a booking the actor can see (their own, their group's, or any for booking staff). */
  async linkBooking(actor: Actor, id: string, dto: LinkBookingDto): Promise<ExperimentDetail> {
    await this.assertOpen(actor, id);
    try {
      await this.bookings.get(actor, dto.bookingId);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found')
        throw labRule('booking_not_visible', actor.locale);
      throw error;
    }
    await this.db.transaction(async (m) => {
      await this.access.editableOf(m, actor, 'experiment', id);
      await this.experiments.linkBooking(m, id, dto.bookingId, actor.userId);
      await this.audit.record(m, actor, {
        action: 'lab_experiment.site_linked',
        entityType: EXPERIMENT_OWNER,
        entityId: id,
        after: { bookingId: dto.bookingId },
      });
    });
    return this.get(actor, id);
  }

  async unlinkBooking(actor: Actor, id: string, bookingId: string): Promise<ExperimentDetail> {
    await this.db.transaction(async (m) => {
      await this.access.editableOf(m, actor, 'experiment', id);
      if (!(await this.experiments.unlinkBooking(m, id, bookingId))) throw notFound();
      await this.audit.record(m, actor, {
        action: 'lab_experiment.site_unlinked',
        entityType: EXPERIMENT_OWNER,
        entityId: id,
        after: { bookingId },
      });
    });
    return this.get(actor, id);
  }

  async participants(actor: Actor, id: string): Promise<ExperimentParticipant[]> {
    const m = this.db.manager;
    await this.access.readableOf(m, actor, 'experiment', id);
    return (await this.experiments.participants(m, id)).map(participantView);
  }

  async recordConsent(actor: Actor, id: string, dto: RecordConsentDto): Promise<ExperimentParticipant> {
    return this.db.transaction(async (m) => {
      await this.access.editableOf(m, actor, 'experiment', id);
      const participantId = await this.experiments.insertParticipant(m, {
        experimentId: id,
        name: dto.name.trim(),
        contact: dto.contact?.trim() || null,
        consentNote: dto.consentNote.trim(),
        recordedBy: actor.userId,
      });
      // The audit keeps that consent was recorded, never the person's data.
      await this.audit.record(m, actor, {
        action: 'lab_experiment.consent_recorded',
        entityType: EXPERIMENT_OWNER,
        entityId: id,
        after: { participantId },
      });
      const row = await this.experiments.participant(m, participantId);
      if (!row) throw notFound();
      return participantView(row);
    });
  }

  /** Consent withdrawn: the name and contact are erased; the row stays as a count. */
  async withdraw(actor: Actor, participantId: string): Promise<ExperimentParticipant> {
    return this.db.transaction(async (m) => {
      const p = await this.experiments.participant(m, participantId);
      if (!p) throw notFound();
      await this.access.editableOf(m, actor, 'experiment', p.experiment_id);
      if (p.withdrawn_at) throw labRule('consent_withdrawn', actor.locale);
      await this.experiments.withdraw(m, participantId);
      await this.audit.record(m, actor, {
        action: 'lab_experiment.consent_withdrawn',
        entityType: EXPERIMENT_OWNER,
        entityId: p.experiment_id,
        after: { participantId },
      });
      const row = await this.experiments.participant(m, participantId);
      if (!row) throw notFound();
      return participantView(row);
    });
  }

  async addMetric(actor: Actor, id: string, dto: CreateMetricDto): Promise<ExperimentMetric> {
    const metricId = await this.db.transaction(async (m) => {
      await this.access.editableOf(m, actor, 'experiment', id);
      const e = await this.experiments.lock(m, id);
      if (e?.verdict) throw labRule('experiment_concluded', actor.locale);
      const metricId = await this.experiments.insertMetric(m, {
        experimentId: id,
        name: dto.name.trim(),
        unit: dto.unit.trim(),
        baseline: dto.baseline,
        target: dto.target,
        direction: dto.direction,
      });
      await this.audit.record(m, actor, {
        action: 'lab_experiment.metric_added',
        entityType: EXPERIMENT_OWNER,
        entityId: id,
        after: { metricId, ...dto },
      });
      return metricId;
    });
    return this.metric(metricId);
  }

  async addReading(actor: Actor, metricId: string, dto: AddReadingDto): Promise<ExperimentMetric> {
    await this.db.transaction(async (m) => {
      await this.access.editableOf(m, actor, 'metric', metricId);
      const experimentId = await this.experiments.metricExperiment(m, metricId);
      if (!experimentId) throw notFound();
      await this.experiments.insertReading(m, {
        metricId,
        measuredOn: dto.measuredOn,
        value: dto.value,
        note: dto.note?.trim() || null,
        recordedBy: actor.userId,
      });
      await this.audit.record(m, actor, {
        action: 'lab_experiment.reading_added',
        entityType: EXPERIMENT_OWNER,
        entityId: experimentId,
        after: { metricId, ...dto },
      });
    });
    return this.metric(metricId);
  }

  async recordVerdict(actor: Actor, id: string, dto: RecordVerdictDto): Promise<ExperimentDetail> {
    await this.db.transaction(async (m) => {
      await this.access.editableOf(m, actor, 'experiment', id);
      const e = await this.experiments.lock(m, id);
      if (!e) throw notFound();
      if (e.verdict) throw labRule('experiment_concluded', actor.locale);
      await this.experiments.conclude(m, id, dto.verdict, dto.lesson.trim(), actor.userId);
      await this.audit.record(m, actor, {
        action: 'lab_experiment.concluded',
        entityType: EXPERIMENT_OWNER,
        entityId: id,
        after: { ...dto },
      });
    });
    return this.get(actor, id);
  }

  private async assertOpen(actor: Actor, id: string): Promise<void> {
    const m = this.db.manager;
    const p = await this.access.readableOf(m, actor, 'experiment', id);
    if (p.stage === 'discontinued') throw labRule('project_closed', actor.locale);
    const e = await this.experiments.find(m, id);
    if (e?.verdict) throw labRule('experiment_concluded', actor.locale);
  }

  private async metric(metricId: string): Promise<ExperimentMetric> {
    const experimentId = await this.experiments.metricExperiment(this.db.manager, metricId);
    const row = experimentId
      ? (await this.experiments.metrics(this.db.manager, [experimentId])).find((x) => x.id === metricId)
      : undefined;
    if (!row) throw notFound();
    return metricView(row);
  }

  private detail(
    e: ExperimentRow,
    bookings: BookingDto[],
    sites: SiteRow[],
    counts: { consented: number; withdrawn: number } | undefined,
    metrics: MetricRow[],
    files: ExperimentDetail['files'],
  ): ExperimentDetail {
    const today = new Date().toISOString().slice(0, 10);
    const participants: ParticipantCounts = {
      entered: e.participant_count,
      fromBookings: fromBookings(sites),
      consented: counts?.consented ?? 0,
      withdrawn: counts?.withdrawn ?? 0,
    };
    return {
      ...experimentSummary(e, today),
      projectId: e.project_id,
      intervention: e.intervention,
      lesson: e.lesson,
      concludedAt: e.concluded_at?.toISOString() ?? null,
      concludedBy: e.concluded_by ? { id: e.concluded_by, displayName: e.concluder_name ?? '' } : null,
      bookings,
      participants,
      metrics: metrics.map(metricView),
      files,
    };
  }
}

function participantView(p: ParticipantRow): ExperimentParticipant {
  return {
    id: p.id,
    name: p.name,
    contact: p.contact,
    consentNote: p.consent_note,
    consentedAt: p.consented_at.toISOString(),
    recordedBy: { id: p.recorded_by, displayName: p.recorder_name },
    withdrawnAt: p.withdrawn_at?.toISOString() ?? null,
  };
}
