import { Injectable } from '@nestjs/common';
import type {
  ApplicationState,
  CallPhase,
  EligibilityState,
  FormAnswers,
  LocalizedText,
  ObjectionState,
  SelectionDecision,
  SupplementState,
} from '@madang/contracts';
import type { EntityManager } from 'typeorm';

export interface ApplicationRow {
  id: string;
  call_id: string;
  call_title: LocalizedText;
  call_phase: CallPhase;
  call_deadline: Date;
  form_id: string;
  form_version: number;
  group_id: string;
  group_name: string;
  applicant_id: string;
  applicant_name: string;
  state: ApplicationState;
  answers: FormAnswers;
  eligibility: EligibilityState;
  eligibility_reasons: string[];
  decision: SelectionDecision | null;
  decision_rationale: string | null;
  submitted_at: Date | null;
  updated_at: Date;
}

export interface SupplementRow {
  id: string;
  application_id: string;
  field_ids: string[];
  message: string;
  due_at: Date;
  state: SupplementState;
  requested_by: string;
  answered_at: Date | null;
  created_at: Date;
}

export interface ObjectionRow {
  id: string;
  application_id: string;
  call_id: string;
  group_name: string;
  reasons: string;
  state: ObjectionState;
  answer: string | null;
  answered_by: string | null;
  answered_at: Date | null;
  created_at: Date;
}

const SELECT_APPLICATION = `SELECT a.id, a.call_id, c.title AS call_title, c.phase AS call_phase, c.deadline AS call_deadline,
    a.form_id, f.version AS form_version, a.group_id, g.name AS group_name, a.applicant_id,
    u.display_name AS applicant_name, a.state, a.answers, a.eligibility, a.eligibility_reasons, a.decision,
    a.decision_rationale, a.submitted_at, a.updated_at
  FROM recruitment_applications a
  JOIN recruitment_calls c ON c.id = a.call_id
  JOIN recruitment_forms f ON f.id = a.form_id
  JOIN groups g ON g.id = a.group_id
  JOIN users u ON u.id = a.applicant_id`;

const SELECT_OBJECTION = `SELECT o.id, o.application_id, a.call_id, g.name AS group_name, o.reasons, o.state, o.answer,
    o.answered_by, o.answered_at, o.created_at
  FROM recruitment_objections o
  JOIN recruitment_applications a ON a.id = o.application_id
  JOIN groups g ON g.id = a.group_id`;

/** Applications with their supplements and objections. */
@Injectable()
export class ApplicationsRepository {
  async insert(
    m: EntityManager,
    a: { callId: string; formId: string; groupId: string; applicantId: string; answers: FormAnswers },
  ): Promise<string> {
    const [row] = (await m.query(
      `INSERT INTO recruitment_applications (call_id, form_id, group_id, applicant_id, answers)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [a.callId, a.formId, a.groupId, a.applicantId, JSON.stringify(a.answers)],
    )) as { id: string }[];
    return row.id;
  }

  async find(m: EntityManager, id: string, lock = false): Promise<ApplicationRow | null> {
    if (lock) await m.query(`SELECT id FROM recruitment_applications WHERE id = $1 FOR UPDATE`, [id]);
    const [row] = (await m.query(`${SELECT_APPLICATION} WHERE a.id = $1`, [id])) as ApplicationRow[];
    return row ?? null;
  }

  async ofApplicant(
    m: EntityManager,
    userId: string,
    groupIds: readonly string[],
  ): Promise<ApplicationRow[]> {
    return (await m.query(
      `${SELECT_APPLICATION} WHERE a.applicant_id = $1 OR a.group_id = ANY($2::uuid[]) ORDER BY a.updated_at DESC, a.id`,
      [userId, groupIds],
    )) as ApplicationRow[];
  }

  async ofCall(
    m: EntityManager,
    callId: string,
    filter: { state?: ApplicationState; eligibility?: EligibilityState; submittedOnly?: boolean },
    page?: { limit: number; offset: number },
  ): Promise<{ rows: ApplicationRow[]; total: number }> {
    const where = ['a.call_id = $1'];
    const params: unknown[] = [callId];
    if (filter.state) {
      params.push(filter.state);
      where.push(`a.state = $${params.length}`);
    }
    if (filter.submittedOnly) where.push(`a.state = 'submitted'`);
    if (filter.eligibility) {
      params.push(filter.eligibility);
      where.push(`a.eligibility = $${params.length}`);
    }
    const clause = `WHERE ${where.join(' AND ')}`;
    const [{ total }] = (await m.query(
      `SELECT count(*)::int AS total FROM recruitment_applications a ${clause}`,
      params,
    )) as { total: number }[];
    const paging = page ? ` LIMIT $${params.length + 1} OFFSET $${params.length + 2}` : '';
    const rows = (await m.query(
      `${SELECT_APPLICATION} ${clause} ORDER BY a.submitted_at NULLS LAST, a.id${paging}`,
      page ? [...params, page.limit, page.offset] : params,
    )) as ApplicationRow[];
    return { rows, total };
  }

  async saveAnswers(m: EntityManager, id: string, answers: FormAnswers): Promise<void> {
    await m.query(`UPDATE recruitment_applications SET answers = $2, updated_at = now() WHERE id = $1`, [
      id,
      JSON.stringify(answers),
    ]);
  }

  async submit(m: EntityManager, id: string, at: Date): Promise<void> {
    await m.query(
      `UPDATE recruitment_applications SET state = 'submitted', submitted_at = $2, updated_at = now() WHERE id = $1`,
      [id, at],
    );
  }

  async withdraw(m: EntityManager, id: string): Promise<void> {
    await m.query(
      `UPDATE recruitment_applications SET state = 'withdrawn', updated_at = now() WHERE id = $1`,
      [id],
    );
  }

  async screen(
    m: EntityManager,
    id: string,
    eligibility: EligibilityState,
    reasons: string[],
    by: string,
  ): Promise<void> {
    await m.query(
      `UPDATE recruitment_applications SET eligibility = $2, eligibility_reasons = $3, screened_by = $4, updated_at = now()
       WHERE id = $1`,
      [id, eligibility, JSON.stringify(reasons), by],
    );
  }

  async decide(
    m: EntityManager,
    id: string,
    decision: SelectionDecision,
    rationale: string,
    by: string,
  ): Promise<void> {
    await m.query(
      `UPDATE recruitment_applications SET decision = $2, decision_rationale = $3, decided_by = $4, updated_at = now()
       WHERE id = $1`,
      [id, decision, rationale, by],
    );
  }

  /** Group members (with whether they manage) — for access and conflict checks. */
  async groupMembers(
    m: EntityManager,
    groupId: string,
  ): Promise<{ user_id: string; is_manager: boolean; group_ids: string[] }[]> {
    return (await m.query(
      `SELECT gm.user_id, gm.is_manager,
         ARRAY(SELECT o.group_id FROM group_members o WHERE o.user_id = gm.user_id ORDER BY o.group_id)::text[] AS group_ids
       FROM group_members gm WHERE gm.group_id = $1 ORDER BY gm.user_id`,
      [groupId],
    )) as { user_id: string; is_manager: boolean; group_ids: string[] }[];
  }

  async groupsOf(m: EntityManager, userIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = (await m.query(
      `SELECT user_id, array_agg(group_id ORDER BY group_id)::text[] AS group_ids FROM group_members
       WHERE user_id = ANY($1::uuid[]) GROUP BY user_id`,
      [userIds],
    )) as { user_id: string; group_ids: string[] }[];
    return new Map(rows.map((r) => [r.user_id, r.group_ids]));
  }

  async groupNames(m: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    const rows = (await m.query(`SELECT id, name FROM groups WHERE id = ANY($1::uuid[])`, [ids])) as {
      id: string;
      name: string;
    }[];
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async userNames(m: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    const rows = (await m.query(`SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`, [ids])) as {
      id: string;
      display_name: string;
    }[];
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  async insertSupplement(
    m: EntityManager,
    s: { applicationId: string; fieldIds: string[]; message: string; dueAt: string; requestedBy: string },
  ): Promise<SupplementRow> {
    const [row] = (await m.query(
      `INSERT INTO recruitment_supplements (application_id, field_ids, message, due_at, requested_by)
       VALUES ($1, $2, $3, $4, $5)
       RETURNING id, application_id, field_ids, message, due_at, state, requested_by, answered_at, created_at`,
      [s.applicationId, JSON.stringify(s.fieldIds), s.message, s.dueAt, s.requestedBy],
    )) as SupplementRow[];
    return row;
  }

  async supplements(m: EntityManager, applicationId: string): Promise<SupplementRow[]> {
    return (await m.query(
      `SELECT id, application_id, field_ids, message, due_at, state, requested_by, answered_at, created_at
       FROM recruitment_supplements WHERE application_id = $1 ORDER BY created_at, id`,
      [applicationId],
    )) as SupplementRow[];
  }

  async supplement(m: EntityManager, id: string, lock = false): Promise<SupplementRow | null> {
    const [row] = (await m.query(
      `SELECT id, application_id, field_ids, message, due_at, state, requested_by, answered_at, created_at
       FROM recruitment_supplements WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    )) as SupplementRow[];
    return row ?? null;
  }

  async answerSupplement(m: EntityManager, id: string): Promise<void> {
    await m.query(
      `UPDATE recruitment_supplements SET state = 'answered', answered_at = now() WHERE id = $1`,
      [id],
    );
  }

  async insertObjection(m: EntityManager, applicationId: string, reasons: string): Promise<string> {
    const [row] = (await m.query(
      `INSERT INTO recruitment_objections (application_id, reasons) VALUES ($1, $2) RETURNING id`,
      [applicationId, reasons],
    )) as { id: string }[];
    return row.id;
  }

  async objection(m: EntityManager, id: string, lock = false): Promise<ObjectionRow | null> {
    if (lock) await m.query(`SELECT id FROM recruitment_objections WHERE id = $1 FOR UPDATE`, [id]);
    const [row] = (await m.query(`${SELECT_OBJECTION} WHERE o.id = $1`, [id])) as ObjectionRow[];
    return row ?? null;
  }

  async objections(
    m: EntityManager,
    filter: { callId?: string; applicationId?: string },
  ): Promise<ObjectionRow[]> {
    if (filter.applicationId)
      return (await m.query(`${SELECT_OBJECTION} WHERE o.application_id = $1 ORDER BY o.created_at, o.id`, [
        filter.applicationId,
      ])) as ObjectionRow[];
    return (await m.query(`${SELECT_OBJECTION} WHERE a.call_id = $1 ORDER BY o.created_at, o.id`, [
      filter.callId,
    ])) as ObjectionRow[];
  }

  async answerObjection(
    m: EntityManager,
    id: string,
    outcome: 'upheld' | 'dismissed',
    answer: string,
    by: string,
  ): Promise<void> {
    await m.query(
      `UPDATE recruitment_objections SET state = $2, answer = $3, answered_by = $4, answered_at = now() WHERE id = $1`,
      [id, outcome, answer, by],
    );
  }
}
