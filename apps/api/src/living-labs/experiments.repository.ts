import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface ExperimentRow {
  id: string;
  project_id: string;
  title: string;
  hypothesis: string;
  intervention: string;
  starts_on: string;
  ends_on: string;
  participant_count: number | null;
  verdict: string | null;
  lesson: string | null;
  concluded_at: Date | null;
  concluded_by: string | null;
  concluder_name: string | null;
  created_at: Date;
}

export interface MetricRow {
  id: string;
  experiment_id: string;
  name: string;
  unit: string;
  baseline: string;
  target: string;
  direction: string;
  readings: { id: string; measured_on: string; value: string; note: string | null }[];
}

export interface ParticipantRow {
  id: string;
  name: string | null;
  contact: string | null;
  consent_note: string;
  consented_at: Date;
  recorded_by: string;
  recorder_name: string;
  withdrawn_at: Date | null;
}

/** A booked site as the lab shows it: read-only facts of the linked bookings. */
export interface SiteRow {
  experiment_id: string;
  booking_id: string;
  attendees: number;
  decision: string;
  asset_names: { ko: string; en: string }[];
}

const SELECT = `
  SELECT e.id, e.project_id, e.title, e.hypothesis, e.intervention, e.starts_on::text, e.ends_on::text,
         e.participant_count, e.verdict, e.lesson, e.concluded_at, e.concluded_by, u.display_name AS concluder_name,
         e.created_at
    FROM lab_experiments e LEFT JOIN users u ON u.id = e.concluded_by`;

/** Every SQL of experiments, their sites, participants, metrics and readings. */
@Injectable()
export class ExperimentsRepository {
  async find(m: EntityManager, id: string): Promise<ExperimentRow | null> {
    const rows = (await m.query(`${SELECT} WHERE e.id = $1`, [id])) as ExperimentRow[];
    return rows[0] ?? null;
  }

  async ofProjects(m: EntityManager, projectIds: string[]): Promise<ExperimentRow[]> {
    return (await m.query(`${SELECT} WHERE e.project_id = ANY($1::uuid[]) ORDER BY e.starts_on, e.id`, [
      projectIds,
    ])) as ExperimentRow[];
  }

  async insert(
    m: EntityManager,
    e: {
      projectId: string;
      title: string;
      hypothesis: string;
      intervention: string;
      startsOn: string;
      endsOn: string;
      participantCount: number | null;
      createdBy: string;
    },
  ): Promise<string> {
    const [row] = (await m.query(
      `INSERT INTO lab_experiments (project_id, title, hypothesis, intervention, starts_on, ends_on, participant_count, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        e.projectId,
        e.title,
        e.hypothesis,
        e.intervention,
        e.startsOn,
        e.endsOn,
        e.participantCount,
        e.createdBy,
      ],
    )) as { id: string }[];
    return row.id;
  }

  async lock(m: EntityManager, id: string): Promise<ExperimentRow | null> {
    await m.query(`SELECT id FROM lab_experiments WHERE id = $1 FOR UPDATE`, [id]);
    return this.find(m, id);
  }

  async update(
    m: EntityManager,
    id: string,
    set: Partial<
      Record<
        'title' | 'hypothesis' | 'intervention' | 'starts_on' | 'ends_on' | 'participant_count',
        string | number | null
      >
    >,
  ): Promise<void> {
    const keys = Object.keys(set) as (keyof typeof set)[];
    if (keys.length === 0) return;
    await m.query(
      `UPDATE lab_experiments SET ${keys.map((k, i) => `${k} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
      [id, ...keys.map((k) => set[k] ?? null)],
    );
  }

  async conclude(m: EntityManager, id: string, verdict: string, lesson: string, by: string): Promise<void> {
    await m.query(
      `UPDATE lab_experiments SET verdict = $2, lesson = $3, concluded_by = $4, concluded_at = now(), updated_at = now() WHERE id = $1`,
      [id, verdict, lesson, by],
    );
  }

  async linkBooking(m: EntityManager, experimentId: string, bookingId: string, by: string): Promise<void> {
    await m.query(
      `INSERT INTO lab_experiment_bookings (experiment_id, booking_id, linked_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [experimentId, bookingId, by],
    );
  }

  async unlinkBooking(m: EntityManager, experimentId: string, bookingId: string): Promise<boolean> {
    // DELETE … RETURNING answers [rows, count] through TypeORM.
    const [, count] = (await m.query(
      `DELETE FROM lab_experiment_bookings WHERE experiment_id = $1 AND booking_id = $2`,
      [experimentId, bookingId],
    )) as [unknown[], number];
    return count > 0;
  }

  async bookingIds(m: EntityManager, experimentId: string): Promise<string[]> {
    const rows = (await m.query(
      `SELECT booking_id FROM lab_experiment_bookings WHERE experiment_id = $1 ORDER BY linked_at, booking_id`,
      [experimentId],
    )) as { booking_id: string }[];
    return rows.map((r) => r.booking_id);
  }

  /**
   * Read-only facts of the linked bookings (asset names, attendees, decision) for counts and the
   * public page, where no signed-in actor could read the bookings through the booking service.
   */
  async sites(m: EntityManager, experimentIds: string[]): Promise<SiteRow[]> {
    return (await m.query(
      `SELECT lb.experiment_id, b.id AS booking_id, b.attendees, b.decision,
              coalesce((SELECT json_agg(json_build_object('ko', a.name_ko, 'en', a.name_en) ORDER BY a.name_ko)
                          FROM booking_items bi JOIN assets a ON a.id = bi.asset_id WHERE bi.booking_id = b.id), '[]'::json) AS asset_names
         FROM lab_experiment_bookings lb JOIN bookings b ON b.id = lb.booking_id
        WHERE lb.experiment_id = ANY($1::uuid[]) ORDER BY b.start_at, b.id`,
      [experimentIds],
    )) as SiteRow[];
  }

  async participantCounts(
    m: EntityManager,
    experimentIds: string[],
  ): Promise<{ experiment_id: string; consented: number; withdrawn: number }[]> {
    return (await m.query(
      `SELECT experiment_id, count(*) FILTER (WHERE withdrawn_at IS NULL)::int AS consented,
              count(*) FILTER (WHERE withdrawn_at IS NOT NULL)::int AS withdrawn
         FROM lab_participants WHERE experiment_id = ANY($1::uuid[]) GROUP BY experiment_id`,
      [experimentIds],
    )) as { experiment_id: string; consented: number; withdrawn: number }[];
  }

  async participants(m: EntityManager, experimentId: string): Promise<ParticipantRow[]> {
    return (await m.query(
      `SELECT p.id, p.name, p.contact, p.consent_note, p.consented_at, p.recorded_by, u.display_name AS recorder_name, p.withdrawn_at
         FROM lab_participants p JOIN users u ON u.id = p.recorded_by
        WHERE p.experiment_id = $1 ORDER BY p.consented_at, p.id`,
      [experimentId],
    )) as ParticipantRow[];
  }

  async insertParticipant(
    m: EntityManager,
    p: {
      experimentId: string;
      name: string;
      contact: string | null;
      consentNote: string;
      recordedBy: string;
    },
  ): Promise<string> {
    const [row] = (await m.query(
      `INSERT INTO lab_participants (experiment_id, name, contact, consent_note, recorded_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [p.experimentId, p.name, p.contact, p.consentNote, p.recordedBy],
    )) as { id: string }[];
    return row.id;
  }

  async participant(
    m: EntityManager,
    id: string,
  ): Promise<(ParticipantRow & { experiment_id: string }) | null> {
    const rows = (await m.query(
      `SELECT p.id, p.experiment_id, p.name, p.contact, p.consent_note, p.consented_at, p.recorded_by,
              u.display_name AS recorder_name, p.withdrawn_at
         FROM lab_participants p JOIN users u ON u.id = p.recorded_by WHERE p.id = $1 FOR UPDATE OF p`,
      [id],
    )) as (ParticipantRow & { experiment_id: string })[];
    return rows[0] ?? null;
  }

  /** Withdrawal erases the person's data; the row stays as a count. */
  async withdraw(m: EntityManager, id: string): Promise<void> {
    await m.query(
      `UPDATE lab_participants SET withdrawn_at = now(), name = NULL, contact = NULL WHERE id = $1`,
      [id],
    );
  }

  async metrics(m: EntityManager, experimentIds: string[]): Promise<MetricRow[]> {
    return (await m.query(
      `SELECT x.id, x.experiment_id, x.name, x.unit, x.baseline::text, x.target::text, x.direction,
              coalesce((SELECT json_agg(json_build_object('id', r.id, 'measured_on', r.measured_on::text,
                                                          'value', r.value::text, 'note', r.note) ORDER BY r.measured_on, r.created_at)
                          FROM lab_metric_readings r WHERE r.metric_id = x.id), '[]'::json) AS readings
         FROM lab_metrics x WHERE x.experiment_id = ANY($1::uuid[]) ORDER BY x.created_at, x.id`,
      [experimentIds],
    )) as MetricRow[];
  }

  async insertMetric(
    m: EntityManager,
    x: {
      experimentId: string;
      name: string;
      unit: string;
      baseline: number;
      target: number;
      direction: string;
    },
  ): Promise<string> {
    const [row] = (await m.query(
      `INSERT INTO lab_metrics (experiment_id, name, unit, baseline, target, direction) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [x.experimentId, x.name, x.unit, x.baseline, x.target, x.direction],
    )) as { id: string }[];
    return row.id;
  }

  async metricExperiment(m: EntityManager, metricId: string): Promise<string | null> {
    const rows = (await m.query(`SELECT experiment_id FROM lab_metrics WHERE id = $1`, [metricId])) as {
      experiment_id: string;
    }[];
    return rows[0]?.experiment_id ?? null;
  }

  async insertReading(
    m: EntityManager,
    r: { metricId: string; measuredOn: string; value: number; note: string | null; recordedBy: string },
  ): Promise<void> {
    await m.query(
      `INSERT INTO lab_metric_readings (metric_id, measured_on, value, note, recorded_by) VALUES ($1, $2, $3, $4, $5)`,
      [r.metricId, r.measuredOn, r.value, r.note, r.recordedBy],
    );
  }
}
