import { Injectable } from '@nestjs/common';
import type {
  CallKind,
  CallOffer,
  CallPhase,
  FormSection,
  LocalizedText,
  PhaseSchedule,
  RecruitmentAggregation,
  RecruitmentTieBreak,
  RubricCriterion,
} from '@madang/contracts';
import type { EntityManager } from 'typeorm';

export interface StoredRubric {
  criteria: RubricCriterion[];
  overallCommentRequired: boolean;
}

export interface CallRow {
  id: string;
  kind: CallKind;
  title: LocalizedText;
  summary: LocalizedText;
  body: LocalizedText;
  eligibility: LocalizedText;
  offer: CallOffer;
  schedule: PhaseSchedule;
  deadline: Date;
  phase: CallPhase;
  blind: boolean;
  has_interview: boolean;
  aggregation: RecruitmentAggregation;
  reviewers_per_application: number;
  budget_line_id: string | null;
  rubric: StoredRubric | null;
  tie_breaks: RecruitmentTieBreak[];
  results_published_at: Date | null;
  created_by: string;
  created_at: Date;
  application_count: number;
  form_version: number | null;
}

export interface CallInsert {
  kind: CallKind;
  title: LocalizedText;
  summary: LocalizedText;
  body: LocalizedText;
  eligibility: LocalizedText;
  offer: CallOffer;
  schedule: PhaseSchedule;
  deadline: string;
  blind: boolean;
  hasInterview: boolean;
  aggregation: RecruitmentAggregation;
  reviewersPerApplication: number;
  budgetLineId: string | null;
  createdBy: string;
}

export interface PhaseMoveRow {
  from_phase: CallPhase;
  to_phase: CallPhase;
  at: Date;
  moved_by: string | null;
  reason: string | null;
}

export interface FormRow {
  id: string;
  call_id: string;
  version: number;
  sections: FormSection[];
  created_at: Date;
}

export interface ReviewerRow {
  user_id: string;
  display_name: string;
  email: string;
  load: number;
}

const SELECT_CALL = `SELECT c.id, c.kind, c.title, c.summary, c.body, c.eligibility, c.offer, c.schedule, c.deadline,
    c.phase, c.blind, c.has_interview, c.aggregation, c.reviewers_per_application, c.budget_line_id, c.rubric,
    c.tie_breaks, c.results_published_at, c.created_by, c.created_at,
    (SELECT count(*)::int FROM recruitment_applications a WHERE a.call_id = c.id AND a.state = 'submitted') AS application_count,
    (SELECT max(f.version) FROM recruitment_forms f WHERE f.call_id = c.id) AS form_version
  FROM recruitment_calls c`;

/** Calls, their phase moves, form versions and reviewer panels. */
@Injectable()
export class CallsRepository {
  async insert(m: EntityManager, c: CallInsert): Promise<string> {
    const [row] = (await m.query(
      `INSERT INTO recruitment_calls (kind, title, summary, body, eligibility, offer, schedule, deadline, blind,
         has_interview, aggregation, reviewers_per_application, budget_line_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        c.kind,
        JSON.stringify(c.title),
        JSON.stringify(c.summary),
        JSON.stringify(c.body),
        JSON.stringify(c.eligibility),
        JSON.stringify(c.offer),
        JSON.stringify(c.schedule),
        c.deadline,
        c.blind,
        c.hasInterview,
        c.aggregation,
        c.reviewersPerApplication,
        c.budgetLineId,
        c.createdBy,
      ],
    )) as { id: string }[];
    return row.id;
  }

  async update(m: EntityManager, id: string, c: Omit<CallInsert, 'createdBy' | 'kind'>): Promise<void> {
    await m.query(
      `UPDATE recruitment_calls SET title = $2, summary = $3, body = $4, eligibility = $5, offer = $6, schedule = $7,
         deadline = $8, blind = $9, has_interview = $10, aggregation = $11, reviewers_per_application = $12,
         budget_line_id = $13, updated_at = now() WHERE id = $1`,
      [
        id,
        JSON.stringify(c.title),
        JSON.stringify(c.summary),
        JSON.stringify(c.body),
        JSON.stringify(c.eligibility),
        JSON.stringify(c.offer),
        JSON.stringify(c.schedule),
        c.deadline,
        c.blind,
        c.hasInterview,
        c.aggregation,
        c.reviewersPerApplication,
        c.budgetLineId,
      ],
    );
  }

  async find(m: EntityManager, id: string, lock = false): Promise<CallRow | null> {
    if (lock) await m.query(`SELECT id FROM recruitment_calls WHERE id = $1 FOR UPDATE`, [id]);
    const [row] = (await m.query(`${SELECT_CALL} WHERE c.id = $1`, [id])) as CallRow[];
    return row ?? null;
  }

  async list(
    m: EntityManager,
    filter: { phases?: readonly CallPhase[]; kind?: CallKind; notDraft?: boolean },
    page: { limit: number; offset: number },
  ): Promise<{ rows: CallRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.phases) {
      params.push(filter.phases);
      where.push(`c.phase = ANY($${params.length})`);
    }
    if (filter.kind) {
      params.push(filter.kind);
      where.push(`c.kind = $${params.length}`);
    }
    if (filter.notDraft) where.push(`c.phase <> 'draft'`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = (await m.query(
      `SELECT count(*)::int AS total FROM recruitment_calls c ${clause}`,
      params,
    )) as {
      total: number;
    }[];
    const rows = (await m.query(
      `${SELECT_CALL} ${clause} ORDER BY c.deadline DESC, c.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.limit, page.offset],
    )) as CallRow[];
    return { rows, total };
  }

  /** Calls whose schedule may move them (not in the last phase, not draft-without-dates). */
  async movable(m: EntityManager): Promise<{ id: string }[]> {
    return (await m.query(
      `SELECT id FROM recruitment_calls WHERE phase <> 'agreements' AND schedule <> '{}'::jsonb ORDER BY id`,
    )) as { id: string }[];
  }

  async setPhase(m: EntityManager, id: string, phase: CallPhase, publishResults: boolean): Promise<void> {
    await m.query(
      `UPDATE recruitment_calls SET phase = $2, updated_at = now(),
         results_published_at = CASE WHEN $3 AND results_published_at IS NULL THEN now() ELSE results_published_at END
       WHERE id = $1`,
      [id, phase, publishResults],
    );
  }

  async setSchedule(m: EntityManager, id: string, schedule: PhaseSchedule, deadline: string): Promise<void> {
    await m.query(
      `UPDATE recruitment_calls SET schedule = $2, deadline = $3, updated_at = now() WHERE id = $1`,
      [id, JSON.stringify(schedule), deadline],
    );
  }

  async setRubric(
    m: EntityManager,
    id: string,
    rubric: StoredRubric,
    tieBreaks: RecruitmentTieBreak[],
  ): Promise<void> {
    await m.query(
      `UPDATE recruitment_calls SET rubric = $2, tie_breaks = $3, updated_at = now() WHERE id = $1`,
      [id, JSON.stringify(rubric), JSON.stringify(tieBreaks)],
    );
  }

  async insertMove(
    m: EntityManager,
    move: { callId: string; from: CallPhase; to: CallPhase; by: string | null; reason: string | null },
  ): Promise<void> {
    await m.query(
      `INSERT INTO recruitment_phase_moves (call_id, from_phase, to_phase, moved_by, reason) VALUES ($1, $2, $3, $4, $5)`,
      [move.callId, move.from, move.to, move.by, move.reason],
    );
  }

  async moves(m: EntityManager, callId: string): Promise<PhaseMoveRow[]> {
    return (await m.query(
      `SELECT from_phase, to_phase, at, moved_by, reason FROM recruitment_phase_moves WHERE call_id = $1 ORDER BY at, id`,
      [callId],
    )) as PhaseMoveRow[];
  }

  async insertForm(m: EntityManager, callId: string, sections: FormSection[]): Promise<FormRow> {
    const [row] = (await m.query(
      `INSERT INTO recruitment_forms (call_id, version, sections)
       VALUES ($1, COALESCE((SELECT max(version) FROM recruitment_forms WHERE call_id = $1), 0) + 1, $2)
       RETURNING id, call_id, version, sections, created_at`,
      [callId, JSON.stringify(sections)],
    )) as FormRow[];
    return row;
  }

  async latestForm(m: EntityManager, callId: string): Promise<FormRow | null> {
    const [row] = (await m.query(
      `SELECT id, call_id, version, sections, created_at FROM recruitment_forms WHERE call_id = $1
       ORDER BY version DESC LIMIT 1`,
      [callId],
    )) as FormRow[];
    return row ?? null;
  }

  async form(m: EntityManager, formId: string): Promise<FormRow> {
    const [row] = (await m.query(
      `SELECT id, call_id, version, sections, created_at FROM recruitment_forms WHERE id = $1`,
      [formId],
    )) as FormRow[];
    return row;
  }

  async setReviewers(m: EntityManager, callId: string, userIds: readonly string[]): Promise<void> {
    await m.query(
      `DELETE FROM recruitment_reviewers r WHERE r.call_id = $1 AND NOT (r.user_id = ANY($2::uuid[]))
         AND NOT EXISTS (SELECT 1 FROM recruitment_assignments a WHERE a.call_id = r.call_id AND a.reviewer_id = r.user_id)`,
      [callId, userIds],
    );
    await m.query(
      `INSERT INTO recruitment_reviewers (call_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [callId, userIds],
    );
  }

  async reviewers(m: EntityManager, callId: string): Promise<ReviewerRow[]> {
    return (await m.query(
      `SELECT r.user_id, u.display_name, u.email,
         (SELECT count(*)::int FROM recruitment_assignments a WHERE a.call_id = r.call_id AND a.reviewer_id = r.user_id) AS load
       FROM recruitment_reviewers r JOIN users u ON u.id = r.user_id WHERE r.call_id = $1 ORDER BY u.display_name, r.user_id`,
      [callId],
    )) as ReviewerRow[];
  }

  /** Users with the reviewer role among `userIds` (a panel holds reviewers only). */
  async usersWithRole(m: EntityManager, userIds: readonly string[], role: string): Promise<string[]> {
    const rows = (await m.query(
      `SELECT DISTINCT user_id FROM user_roles WHERE user_id = ANY($1::uuid[]) AND role = $2`,
      [userIds, role],
    )) as { user_id: string }[];
    return rows.map((r) => r.user_id);
  }
}
