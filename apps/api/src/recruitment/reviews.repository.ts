import { Injectable } from '@nestjs/common';
import type { ConflictReasonView, LocalizedText } from '@madang/contracts';
import type { EntityManager } from 'typeorm';

export interface AssignmentRow {
  id: string;
  call_id: string;
  call_title: LocalizedText;
  blind: boolean;
  application_id: string;
  application_no: number;
  group_name: string;
  reviewer_id: string;
  reviewer_name: string;
  declared_conflict: boolean | null;
  declaration_note: string | null;
  detected_conflicts: ConflictReasonView[];
  scores: Record<string, number | null>;
  comments: Record<string, string>;
  overall_comment: string | null;
  total: string | null;
  submitted_at: Date | null;
  created_at: Date;
}

/**
 * `application_no` numbers a call's applications by submission (1, 2, …), a neutral label for
 * blind calls that says nothing about who applied.
 */
const SELECT_ASSIGNMENT = `SELECT s.id, s.call_id, c.title AS call_title, c.blind, s.application_id,
    (SELECT count(*)::int FROM recruitment_applications x WHERE x.call_id = a.call_id AND x.submitted_at IS NOT NULL
       AND (x.submitted_at, x.id) <= (a.submitted_at, a.id)) AS application_no,
    g.name AS group_name, s.reviewer_id, u.display_name AS reviewer_name, s.declared_conflict, s.declaration_note,
    s.detected_conflicts, s.scores, s.comments, s.overall_comment, s.total::text AS total, s.submitted_at, s.created_at
  FROM recruitment_assignments s
  JOIN recruitment_calls c ON c.id = s.call_id
  JOIN recruitment_applications a ON a.id = s.application_id
  JOIN groups g ON g.id = a.group_id
  JOIN users u ON u.id = s.reviewer_id`;

/** Reviewer assignments with declarations and score sheets. */
@Injectable()
export class ReviewsRepository {
  async insert(
    m: EntityManager,
    a: { callId: string; applicationId: string; reviewerId: string; detected: ConflictReasonView[] },
  ): Promise<string | null> {
    const [row] = (await m.query(
      `INSERT INTO recruitment_assignments (call_id, application_id, reviewer_id, detected_conflicts)
       VALUES ($1, $2, $3, $4) ON CONFLICT (application_id, reviewer_id) DO NOTHING RETURNING id`,
      [a.callId, a.applicationId, a.reviewerId, JSON.stringify(a.detected)],
    )) as { id: string }[];
    return row?.id ?? null;
  }

  async find(m: EntityManager, id: string, lock = false): Promise<AssignmentRow | null> {
    if (lock) await m.query(`SELECT id FROM recruitment_assignments WHERE id = $1 FOR UPDATE`, [id]);
    const [row] = (await m.query(`${SELECT_ASSIGNMENT} WHERE s.id = $1`, [id])) as AssignmentRow[];
    return row ?? null;
  }

  async ofCall(m: EntityManager, callId: string): Promise<AssignmentRow[]> {
    return (await m.query(
      `${SELECT_ASSIGNMENT} WHERE s.call_id = $1 ORDER BY s.application_id, s.created_at, s.id`,
      [callId],
    )) as AssignmentRow[];
  }

  async ofReviewer(m: EntityManager, reviewerId: string): Promise<AssignmentRow[]> {
    return (await m.query(
      `${SELECT_ASSIGNMENT} WHERE s.reviewer_id = $1 AND a.state = 'submitted' ORDER BY c.deadline DESC, s.created_at, s.id`,
      [reviewerId],
    )) as AssignmentRow[];
  }

  async ofApplication(m: EntityManager, applicationId: string): Promise<AssignmentRow[]> {
    return (await m.query(`${SELECT_ASSIGNMENT} WHERE s.application_id = $1 ORDER BY s.created_at, s.id`, [
      applicationId,
    ])) as AssignmentRow[];
  }

  async delete(m: EntityManager, id: string): Promise<void> {
    await m.query(`DELETE FROM recruitment_assignments WHERE id = $1`, [id]);
  }

  async declare(m: EntityManager, id: string, hasConflict: boolean, note: string | null): Promise<void> {
    await m.query(
      `UPDATE recruitment_assignments SET declared_conflict = $2, declaration_note = $3, declared_at = now() WHERE id = $1`,
      [id, hasConflict, note],
    );
  }

  async setDetected(m: EntityManager, id: string, detected: ConflictReasonView[]): Promise<void> {
    await m.query(`UPDATE recruitment_assignments SET detected_conflicts = $2 WHERE id = $1`, [
      id,
      JSON.stringify(detected),
    ]);
  }

  async saveSheet(
    m: EntityManager,
    id: string,
    sheet: {
      scores: Record<string, number | null>;
      comments: Record<string, string>;
      overallComment: string | null;
      total: number | null;
    },
  ): Promise<void> {
    await m.query(
      `UPDATE recruitment_assignments SET scores = $2, comments = $3, overall_comment = $4, total = $5 WHERE id = $1`,
      [id, JSON.stringify(sheet.scores), JSON.stringify(sheet.comments), sheet.overallComment, sheet.total],
    );
  }

  async submit(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE recruitment_assignments SET submitted_at = now() WHERE id = $1`, [id]);
  }

  /** Signed, current agreements' rooms of the groups a person belongs to (for "current resident" conflicts). */
  async residentSpaces(m: EntityManager, userId: string): Promise<string[]> {
    const rows = (await m.query(
      `SELECT DISTINCT unnest(ag.asset_ids)::text AS asset_id FROM recruitment_agreements ag
       JOIN group_members gm ON gm.group_id = ag.group_id AND gm.user_id = $1
       WHERE ag.state = 'signed' AND current_date BETWEEN ag.term_start AND ag.term_end`,
      [userId],
    )) as { asset_id: string }[];
    return rows.map((r) => r.asset_id);
  }

  /** Rooms the group currently holds under a signed agreement. */
  async groupSpaces(m: EntityManager, groupId: string): Promise<string[]> {
    const rows = (await m.query(
      `SELECT DISTINCT unnest(asset_ids)::text AS asset_id FROM recruitment_agreements
       WHERE group_id = $1 AND state = 'signed' AND current_date BETWEEN term_start AND term_end`,
      [groupId],
    )) as { asset_id: string }[];
    return rows.map((r) => r.asset_id);
  }
}
