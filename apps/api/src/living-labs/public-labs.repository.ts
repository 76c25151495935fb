import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface ArchiveRow {
  id: string;
  title: string;
  summary: string;
  category: string;
  stage: string;
  lead_group_name: string | null;
  problem_statement: string | null;
  results_note: string | null;
  year: number;
  published_at: Date;
  experiment_count: number;
  verdicts: string[];
  outcome_types: string[];
}

export interface ArchiveFilter {
  stage: string | null;
  category: string | null;
  year: number | null;
  outcomeType: string | null;
  q: string | null;
}

const SELECT = `
  SELECT p.id, p.title, p.summary, p.category, p.stage, g.name AS lead_group_name, p.problem_statement, p.results_note,
         extract(year FROM p.created_at AT TIME ZONE $1)::int AS year, p.published_at,
         (SELECT count(*)::int FROM lab_experiments e WHERE e.project_id = p.id) AS experiment_count,
         coalesce((SELECT array_agg(e.verdict ORDER BY e.starts_on) FROM lab_experiments e
                    WHERE e.project_id = p.id AND e.verdict IS NOT NULL), '{}') AS verdicts,
         coalesce((SELECT array_agg(DISTINCT o.type) FROM lab_outcomes o
                    WHERE o.project_id = p.id AND o.verified_by IS NOT NULL), '{}') AS outcome_types
    FROM lab_projects p LEFT JOIN groups g ON g.id = p.lead_group_id`;

/** The public archive's SQL: published projects only, never a person's data. */
@Injectable()
export class PublicLabsRepository {
  private where(zone: string, f: ArchiveFilter): { clause: string; params: unknown[] } {
    const params: unknown[] = [zone];
    const where = ['p.published_at IS NOT NULL'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace(/\?/g, `$${params.length}`));
    };
    if (f.stage) add('p.stage = ?', f.stage);
    if (f.category) add('p.category = ?', f.category);
    if (f.year !== null)
      add(
        `(extract(year FROM p.created_at AT TIME ZONE $1) = ? OR EXISTS (SELECT 1 FROM lab_stage_changes c
            WHERE c.project_id = p.id AND extract(year FROM c.changed_at AT TIME ZONE $1) = ?))`,
        f.year,
      );
    if (f.outcomeType)
      add(
        'EXISTS (SELECT 1 FROM lab_outcomes o WHERE o.project_id = p.id AND o.verified_by IS NOT NULL AND o.type = ?)',
        f.outcomeType,
      );
    if (f.q) add(`(p.title || ' ' || p.summary) ILIKE ?`, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    return { clause: `WHERE ${where.join(' AND ')}`, params };
  }

  async list(
    m: EntityManager,
    zone: string,
    f: ArchiveFilter,
    limit: number,
    offset: number,
  ): Promise<{ rows: ArchiveRow[]; total: number }> {
    const { clause, params } = this.where(zone, f);
    const [rows, [{ total }]] = await Promise.all([
      m.query(
        `${SELECT} ${clause} ORDER BY p.published_at DESC, p.id LIMIT ${limit} OFFSET ${offset}`,
        params,
      ) as Promise<ArchiveRow[]>,
      m.query(
        `SELECT count(*)::int AS total FROM lab_projects p ${clause} AND $1::text IS NOT NULL`,
        params,
      ) as Promise<{ total: number }[]>,
    ]);
    return { rows, total };
  }

  async find(m: EntityManager, zone: string, id: string): Promise<ArchiveRow | null> {
    const rows = (await m.query(`${SELECT} WHERE p.id = $2 AND p.published_at IS NOT NULL`, [
      zone,
      id,
    ])) as ArchiveRow[];
    return rows[0] ?? null;
  }

  async summary(
    m: EntityManager,
    zone: string,
    f: ArchiveFilter,
  ): Promise<{
    stages: { key: string; n: number }[];
    verdicts: { key: string; n: number }[];
    outcomes: { key: string; n: number }[];
    categories: { key: string; n: number }[];
    years: number[];
  }> {
    const { clause, params } = this.where(zone, f);
    const scoped = `WITH p AS (SELECT p.* FROM lab_projects p ${clause})`;
    const q = (sql: string) => m.query(`${scoped} ${sql}`, params) as Promise<{ key: string; n: number }[]>;
    const [stages, verdicts, outcomes, categories, years] = await Promise.all([
      q(`SELECT stage AS key, count(*)::int AS n FROM p WHERE $1::text IS NOT NULL GROUP BY stage`),
      q(`SELECT coalesce(e.verdict, 'open') AS key, count(*)::int AS n FROM lab_experiments e JOIN p ON p.id = e.project_id
          WHERE $1::text IS NOT NULL GROUP BY 1`),
      q(`SELECT o.type AS key, count(*)::int AS n FROM lab_outcomes o JOIN p ON p.id = o.project_id
          WHERE o.verified_by IS NOT NULL AND $1::text IS NOT NULL GROUP BY 1`),
      q(`SELECT category AS key, count(*)::int AS n FROM p WHERE $1::text IS NOT NULL GROUP BY category`),
      m.query(
        `${scoped} SELECT DISTINCT extract(year FROM created_at AT TIME ZONE $1)::int AS year FROM p ORDER BY 1`,
        params,
      ) as Promise<{ year: number }[]>,
    ]);
    return { stages, verdicts, outcomes, categories, years: years.map((y) => y.year) };
  }

  async observations(
    m: EntityManager,
    projectId: string,
  ): Promise<{ id: string; title: string; kind: string; support_count: number }[]> {
    return (await m.query(
      `SELECT o.id, o.title, o.kind,
              (SELECT count(*)::int FROM lab_observation_supports s WHERE s.observation_id = o.id) AS support_count
         FROM lab_project_observations po JOIN lab_observations o ON o.id = po.observation_id
        WHERE po.project_id = $1 AND o.is_public ORDER BY po.linked_at, o.id`,
      [projectId],
    )) as { id: string; title: string; kind: string; support_count: number }[];
  }

  async stageHistory(
    m: EntityManager,
    projectId: string,
  ): Promise<{ from_stage: string | null; to_stage: string; changed_at: Date; reason: string }[]> {
    return (await m.query(
      `SELECT from_stage, to_stage, changed_at, reason FROM lab_stage_changes WHERE project_id = $1 ORDER BY changed_at, id`,
      [projectId],
    )) as { from_stage: string | null; to_stage: string; changed_at: Date; reason: string }[];
  }

  /** Whether a project, or the project of an experiment or outcome, is published (for public files). */
  async isPublished(
    m: EntityManager,
    kind: 'project' | 'experiment' | 'outcome',
    id: string,
  ): Promise<boolean> {
    const sql = {
      project: `SELECT 1 FROM lab_projects p WHERE p.id = $1 AND p.published_at IS NOT NULL`,
      experiment: `SELECT 1 FROM lab_experiments e JOIN lab_projects p ON p.id = e.project_id WHERE e.id = $1 AND p.published_at IS NOT NULL`,
      outcome: `SELECT 1 FROM lab_outcomes o JOIN lab_projects p ON p.id = o.project_id WHERE o.id = $1 AND p.published_at IS NOT NULL AND o.verified_by IS NOT NULL`,
    }[kind];
    return ((await m.query(sql, [id])) as unknown[]).length > 0;
  }
}
