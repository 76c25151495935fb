import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface ProjectRow {
  id: string;
  title: string;
  summary: string;
  category: string;
  stage: string;
  held_from: string | null;
  problem_statement: string | null;
  results_note: string | null;
  lead_group_id: string | null;
  lead_group_name: string | null;
  lead_group_kind: string | null;
  lead_user_id: string | null;
  lead_user_name: string | null;
  created_by: string;
  programme_id: string | null;
  programme_code: string | null;
  programme_name: string | null;
  programme_year: number | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
  experiment_count: number;
  outcome_count: number;
  is_member: boolean;
}

/** Who the viewer is, for the scope: staff see all; others what they lead, belong to, or their group leads. */
export interface Viewer {
  userId: string;
  staff: boolean;
  groupIds: string[];
}

export interface ProjectFilter {
  stage: string | null;
  category: string | null;
  q: string | null;
  onlyScoped: boolean;
}

const SELECT = `
  SELECT p.id, p.title, p.summary, p.category, p.stage, p.held_from, p.problem_statement, p.results_note,
         p.lead_group_id, g.name AS lead_group_name, g.kind AS lead_group_kind,
         p.lead_user_id, lu.display_name AS lead_user_name, p.created_by,
         p.programme_id, pr.code AS programme_code, pr.name AS programme_name, fy.year AS programme_year,
         p.published_at, p.created_at, p.updated_at,
         (SELECT count(*)::int FROM lab_experiments e WHERE e.project_id = p.id) AS experiment_count,
         (SELECT count(*)::int FROM lab_outcomes o WHERE o.project_id = p.id) AS outcome_count,
         EXISTS (SELECT 1 FROM lab_project_members pm WHERE pm.project_id = p.id AND pm.user_id = $1) AS is_member
    FROM lab_projects p
    LEFT JOIN groups g ON g.id = p.lead_group_id
    LEFT JOIN users lu ON lu.id = p.lead_user_id
    LEFT JOIN programmes pr ON pr.id = p.programme_id
    LEFT JOIN fiscal_years fy ON fy.id = pr.fiscal_year_id`;

/** The scope condition over `p`, with $1 = user, $2 = staff, $3 = group ids. */
const SCOPE = `($2::boolean OR p.lead_user_id = $1 OR p.lead_group_id = ANY($3::uuid[])
   OR EXISTS (SELECT 1 FROM lab_project_members pm WHERE pm.project_id = p.id AND pm.user_id = $1))`;

const viewerParams = (v: Viewer) => [v.userId, v.staff, v.groupIds];

/** Every SQL of projects, their team, links, partners, milestones, outcomes and stage history. */
@Injectable()
export class ProjectsRepository {
  /** One project inside the viewer's scope (null when outside it or unknown). */
  async findScoped(m: EntityManager, v: Viewer, id: string, lock = false): Promise<ProjectRow | null> {
    if (lock) {
      const locked = (await m.query(`SELECT id FROM lab_projects WHERE id = $1 FOR UPDATE`, [
        id,
      ])) as unknown[];
      if (locked.length === 0) return null;
    }
    const rows = (await m.query(`${SELECT} WHERE p.id = $4 AND ${SCOPE}`, [
      ...viewerParams(v),
      id,
    ])) as ProjectRow[];
    return rows[0] ?? null;
  }

  async list(
    m: EntityManager,
    v: Viewer,
    f: ProjectFilter,
    limit: number,
    offset: number,
  ): Promise<{ rows: ProjectRow[]; total: number }> {
    const params: unknown[] = viewerParams(v);
    const where: string[] = [f.onlyScoped ? SCOPE.replace('$2::boolean OR ', '') : 'true'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.stage) add('p.stage = ?', f.stage);
    if (f.category) add('p.category = ?', f.category);
    if (f.q) add(`(p.title || ' ' || p.summary) ILIKE ?`, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    // Every viewer parameter is named in both statements, so PostgreSQL knows each one's type.
    const clause = `WHERE ${where.join(' AND ')} AND ($2::boolean OR true) AND cardinality($3::uuid[]) >= 0`;
    const [rows, [{ total }]] = await Promise.all([
      m.query(
        `${SELECT} ${clause} ORDER BY p.updated_at DESC, p.id LIMIT ${limit} OFFSET ${offset}`,
        params,
      ) as Promise<ProjectRow[]>,
      m.query(
        `SELECT count(*)::int AS total FROM lab_projects p ${clause} AND $1::uuid IS NOT NULL`,
        params,
      ) as Promise<{ total: number }[]>,
    ]);
    return { rows, total };
  }

  async insert(
    m: EntityManager,
    p: {
      title: string;
      summary: string;
      category: string;
      problemStatement: string | null;
      leadGroupId: string | null;
      leadUserId: string | null;
      createdBy: string;
      programmeId: string | null;
    },
  ): Promise<string> {
    const [row] = (await m.query(
      `INSERT INTO lab_projects (title, summary, category, problem_statement, lead_group_id, lead_user_id, created_by, programme_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        p.title,
        p.summary,
        p.category,
        p.problemStatement,
        p.leadGroupId,
        p.leadUserId,
        p.createdBy,
        p.programmeId,
      ],
    )) as { id: string }[];
    return row.id;
  }

  async update(
    m: EntityManager,
    id: string,
    set: Partial<
      Record<
        'title' | 'summary' | 'category' | 'problem_statement' | 'results_note' | 'programme_id',
        string | null
      >
    >,
  ): Promise<void> {
    const keys = Object.keys(set) as (keyof typeof set)[];
    if (keys.length === 0) return;
    const assignments = keys.map((k, i) => `${k} = $${i + 2}`).join(', ');
    await m.query(`UPDATE lab_projects SET ${assignments}, updated_at = now() WHERE id = $1`, [
      id,
      ...keys.map((k) => set[k] ?? null),
    ]);
  }

  async moveStage(m: EntityManager, id: string, to: string, heldFrom: string | null): Promise<void> {
    await m.query(
      `UPDATE lab_projects
          SET stage = $2, held_from = $3,
              published_at = CASE WHEN $2 = 'sharing' THEN coalesce(published_at, now()) ELSE published_at END,
              updated_at = now()
        WHERE id = $1`,
      [id, to, heldFrom],
    );
  }

  async setPublished(m: EntityManager, id: string, published: boolean): Promise<void> {
    await m.query(
      `UPDATE lab_projects SET published_at = CASE WHEN $2 THEN coalesce(published_at, now()) ELSE NULL END, updated_at = now() WHERE id = $1`,
      [id, published],
    );
  }

  async insertStageChange(
    m: EntityManager,
    c: { projectId: string; from: string | null; to: string; reason: string; by: string },
  ): Promise<void> {
    await m.query(
      `INSERT INTO lab_stage_changes (project_id, from_stage, to_stage, reason, changed_by) VALUES ($1, $2, $3, $4, $5)`,
      [c.projectId, c.from, c.to, c.reason, c.by],
    );
  }

  async gateFacts(
    m: EntityManager,
    id: string,
  ): Promise<{ linked_observations: number; concluded_experiments: number }> {
    const [row] = (await m.query(
      `SELECT (SELECT count(*)::int FROM lab_project_observations WHERE project_id = $1) AS linked_observations,
              (SELECT count(*)::int FROM lab_experiments WHERE project_id = $1 AND verdict IS NOT NULL) AS concluded_experiments`,
      [id],
    )) as { linked_observations: number; concluded_experiments: number }[];
    return row;
  }

  async members(m: EntityManager, id: string): Promise<{ id: string; display_name: string }[]> {
    return (await m.query(
      `SELECT u.id, u.display_name FROM lab_project_members pm JOIN users u ON u.id = pm.user_id
        WHERE pm.project_id = $1 ORDER BY pm.added_at, u.id`,
      [id],
    )) as { id: string; display_name: string }[];
  }

  async addMember(m: EntityManager, id: string, userId: string): Promise<void> {
    await m.query(
      `INSERT INTO lab_project_members (project_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [id, userId],
    );
  }

  async removeMember(m: EntityManager, id: string, userId: string): Promise<void> {
    await m.query(`DELETE FROM lab_project_members WHERE project_id = $1 AND user_id = $2`, [id, userId]);
  }

  async userExists(m: EntityManager, userId: string): Promise<boolean> {
    return ((await m.query(`SELECT 1 FROM users WHERE id = $1`, [userId])) as unknown[]).length > 0;
  }

  async groupExists(m: EntityManager, groupId: string): Promise<boolean> {
    return ((await m.query(`SELECT 1 FROM groups WHERE id = $1`, [groupId])) as unknown[]).length > 0;
  }

  async programmeExists(m: EntityManager, programmeId: string): Promise<boolean> {
    return ((await m.query(`SELECT 1 FROM programmes WHERE id = $1`, [programmeId])) as unknown[]).length > 0;
  }

  async linkedObservations(
    m: EntityManager,
    id: string,
  ): Promise<{ id: string; title: string; kind: string; support_count: number }[]> {
    return (await m.query(
      `SELECT o.id, o.title, o.kind,
              (SELECT count(*)::int FROM lab_observation_supports s WHERE s.observation_id = o.id) AS support_count
         FROM lab_project_observations po JOIN lab_observations o ON o.id = po.observation_id
        WHERE po.project_id = $1 ORDER BY po.linked_at, o.id`,
      [id],
    )) as { id: string; title: string; kind: string; support_count: number }[];
  }

  /** Links an observation; false when it was already linked. */
  async linkObservation(m: EntityManager, id: string, observationId: string, by: string): Promise<boolean> {
    const rows = (await m.query(
      `INSERT INTO lab_project_observations (project_id, observation_id, linked_by) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING project_id`,
      [id, observationId, by],
    )) as unknown[];
    return rows.length > 0;
  }

  async unlinkObservation(m: EntityManager, id: string, observationId: string): Promise<void> {
    await m.query(`DELETE FROM lab_project_observations WHERE project_id = $1 AND observation_id = $2`, [
      id,
      observationId,
    ]);
  }

  async partners(
    m: EntityManager,
    projectIds: string[],
  ): Promise<
    {
      id: string;
      project_id: string;
      name: string;
      sector: string;
      status: string;
      group_id: string | null;
      contact: string | null;
      created_at: Date;
      commitments: { id: string; kind: string; description: string; amount: string | null; status: string }[];
    }[]
  > {
    return (await m.query(
      `SELECT pa.id, pa.project_id, pa.name, pa.sector, pa.status, pa.group_id, pa.contact, pa.created_at,
              coalesce((SELECT json_agg(json_build_object('id', c.id, 'kind', c.kind, 'description', c.description,
                                                          'amount', c.amount::text, 'status', c.status) ORDER BY c.created_at, c.id)
                          FROM lab_commitments c WHERE c.partner_id = pa.id), '[]'::json) AS commitments
         FROM lab_partners pa WHERE pa.project_id = ANY($1::uuid[]) ORDER BY pa.created_at, pa.id`,
      [projectIds],
    )) as Awaited<ReturnType<ProjectsRepository['partners']>>;
  }

  async milestones(
    m: EntityManager,
    id: string,
  ): Promise<
    { id: string; title: string; due_on: string; status: string; done_on: string | null; created_at: Date }[]
  > {
    return (await m.query(
      `SELECT id, title, due_on::text, status, done_on::text, created_at FROM lab_milestones
        WHERE project_id = $1 ORDER BY due_on, id`,
      [id],
    )) as {
      id: string;
      title: string;
      due_on: string;
      status: string;
      done_on: string | null;
      created_at: Date;
    }[];
  }

  async outcomes(
    m: EntityManager,
    id: string,
  ): Promise<
    {
      id: string;
      type: string;
      title: string;
      description: string;
      occurred_on: string;
      responsible_body: string;
      recorded_by: string;
      recorder_name: string;
      verified_by: string | null;
      verifier_name: string | null;
      verified_at: Date | null;
      created_at: Date;
    }[]
  > {
    return (await m.query(
      `SELECT o.id, o.type, o.title, o.description, o.occurred_on::text, o.responsible_body, o.recorded_by,
              r.display_name AS recorder_name, o.verified_by, v.display_name AS verifier_name, o.verified_at, o.created_at
         FROM lab_outcomes o JOIN users r ON r.id = o.recorded_by LEFT JOIN users v ON v.id = o.verified_by
        WHERE o.project_id = $1 ORDER BY o.occurred_on, o.id`,
      [id],
    )) as Awaited<ReturnType<ProjectsRepository['outcomes']>>;
  }

  async stageChanges(
    m: EntityManager,
    id: string,
  ): Promise<
    {
      from_stage: string | null;
      to_stage: string;
      reason: string;
      changed_by: string;
      changer_name: string;
      changed_at: Date;
    }[]
  > {
    return (await m.query(
      `SELECT c.from_stage, c.to_stage, c.reason, c.changed_by, u.display_name AS changer_name, c.changed_at
         FROM lab_stage_changes c JOIN users u ON u.id = c.changed_by
        WHERE c.project_id = $1 ORDER BY c.changed_at, c.id`,
      [id],
    )) as Awaited<ReturnType<ProjectsRepository['stageChanges']>>;
  }

  /** The project an object belongs to (experiment, partner, commitment, milestone, outcome, metric, participant). */
  async projectOf(m: EntityManager, kind: OwnedKind, id: string): Promise<string | null> {
    const rows = (await m.query(OWNED_SQL[kind], [id])) as { project_id: string }[];
    return rows[0]?.project_id ?? null;
  }
}

export type OwnedKind =
  | 'experiment'
  | 'partner'
  | 'commitment'
  | 'milestone'
  | 'outcome'
  | 'metric'
  | 'participant';

const OWNED_SQL: Readonly<Record<OwnedKind, string>> = {
  experiment: `SELECT project_id FROM lab_experiments WHERE id = $1`,
  partner: `SELECT project_id FROM lab_partners WHERE id = $1`,
  commitment: `SELECT pa.project_id FROM lab_commitments c JOIN lab_partners pa ON pa.id = c.partner_id WHERE c.id = $1`,
  milestone: `SELECT project_id FROM lab_milestones WHERE id = $1`,
  outcome: `SELECT project_id FROM lab_outcomes WHERE id = $1`,
  metric: `SELECT e.project_id FROM lab_metrics x JOIN lab_experiments e ON e.id = x.experiment_id WHERE x.id = $1`,
  participant: `SELECT e.project_id FROM lab_participants x JOIN lab_experiments e ON e.id = x.experiment_id WHERE x.id = $1`,
};
