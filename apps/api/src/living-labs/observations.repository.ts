import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** One observation as read for any view; the view decides what to show. */
export interface ObservationRow {
  id: string;
  kind: string;
  category: string;
  title: string;
  body: string;
  place_name: string | null;
  point_lat: number | null;
  point_lng: number | null;
  is_public: boolean;
  anonymous: boolean;
  posted_by: string;
  poster_name: string;
  state: string;
  response_kind: string;
  team: string;
  ack_due_at: Date;
  answer_due_at: Date;
  acknowledged_at: Date | null;
  answered_at: Date | null;
  merged_into_id: string | null;
  merged_into_title: string | null;
  created_at: Date;
  support_count: number;
  comment_count: number;
  supported_by_me: boolean;
  projects: { id: string; title: string; published: boolean }[];
}

export interface ReplyRow {
  id: string;
  kind: string;
  body: string;
  team: string;
  author_id: string;
  author_name: string;
  created_at: Date;
}

export interface CommentRow {
  id: string;
  body: string;
  by_staff: boolean;
  author_id: string;
  author_name: string;
  created_at: Date;
}

export interface ObservationFilter {
  /** Only public, unmerged observations (the public list). */
  publicOnly: boolean;
  postedBy: string | null;
  kind: string | null;
  category: string | null;
  state: string | null;
  team: string | null;
  q: string | null;
  /** Only open ones past a deadline at `now`. */
  lateAt: Date | null;
  sort: 'recent' | 'supported';
}

export interface NewObservation {
  kind: string;
  category: string;
  title: string;
  body: string;
  placeName: string | null;
  pointLat: number | null;
  pointLng: number | null;
  isPublic: boolean;
  anonymous: boolean;
  postedBy: string;
  responseKind: string;
  ackDueAt: Date;
  answerDueAt: Date;
  createdAt: Date;
}

export interface DashboardRecordRow {
  team: string;
  created_at: Date;
  ack_due_at: Date;
  answer_due_at: Date;
  acknowledged_at: Date | null;
  answered_at: Date | null;
  id: string;
  title: string;
}

const SELECT = `
  SELECT o.id, o.kind, o.category, o.title, o.body, o.place_name, o.point_lat, o.point_lng, o.is_public,
         o.anonymous, o.posted_by, u.display_name AS poster_name, o.state, o.response_kind, o.team,
         o.ack_due_at, o.answer_due_at, o.acknowledged_at, o.answered_at, o.merged_into_id,
         m.title AS merged_into_title, o.created_at,
         (SELECT count(*)::int FROM lab_observation_supports s WHERE s.observation_id = o.id) AS support_count,
         (SELECT count(*)::int FROM lab_observation_comments c WHERE c.observation_id = o.id) AS comment_count,
         EXISTS (SELECT 1 FROM lab_observation_supports s WHERE s.observation_id = o.id AND s.user_id = $1) AS supported_by_me,
         coalesce((SELECT json_agg(json_build_object('id', p.id, 'title', p.title, 'published', p.published_at IS NOT NULL)
                                   ORDER BY p.created_at)
                     FROM lab_project_observations po JOIN lab_projects p ON p.id = po.project_id
                    WHERE po.observation_id = o.id), '[]'::json) AS projects
    FROM lab_observations o
    JOIN users u ON u.id = o.posted_by
    LEFT JOIN lab_observations m ON m.id = o.merged_into_id`;

/** Every SQL of observations, supports, comments and replies. */
@Injectable()
export class ObservationsRepository {
  async insert(m: EntityManager, o: NewObservation): Promise<string> {
    const [row] = (await m.query(
      `INSERT INTO lab_observations (kind, category, title, body, place_name, point_lat, point_lng, is_public,
                                     anonymous, posted_by, response_kind, ack_due_at, answer_due_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        o.kind,
        o.category,
        o.title,
        o.body,
        o.placeName,
        o.pointLat,
        o.pointLng,
        o.isPublic,
        o.anonymous,
        o.postedBy,
        o.responseKind,
        o.ackDueAt,
        o.answerDueAt,
        o.createdAt,
      ],
    )) as { id: string }[];
    return row.id;
  }

  async find(m: EntityManager, id: string, viewerId: string | null): Promise<ObservationRow | null> {
    const rows = (await m.query(`${SELECT} WHERE o.id = $2`, [viewerId, id])) as ObservationRow[];
    return rows[0] ?? null;
  }

  async lock(
    m: EntityManager,
    id: string,
  ): Promise<{
    id: string;
    state: string;
    posted_by: string;
    title: string;
    team: string;
    created_at: Date;
    answered_at: Date | null;
    is_public: boolean;
  } | null> {
    const rows = (await m.query(
      `SELECT id, state, posted_by, title, team, created_at, answered_at, is_public FROM lab_observations WHERE id = $1 FOR UPDATE`,
      [id],
    )) as {
      id: string;
      state: string;
      posted_by: string;
      title: string;
      team: string;
      created_at: Date;
      answered_at: Date | null;
      is_public: boolean;
    }[];
    return rows[0] ?? null;
  }

  async list(
    m: EntityManager,
    viewerId: string | null,
    f: ObservationFilter,
    limit: number,
    offset: number,
  ): Promise<{ rows: ObservationRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [viewerId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.publicOnly) where.push(`o.is_public AND o.state <> 'merged'`);
    if (f.postedBy) add('o.posted_by = ?', f.postedBy);
    if (f.kind) add('o.kind = ?', f.kind);
    if (f.category) add('o.category = ?', f.category);
    if (f.state) add('o.state = ?', f.state);
    if (f.team) add('o.team = ?', f.team);
    if (f.q) add(`(o.title || ' ' || o.body) ILIKE ?`, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    if (f.lateAt) {
      params.push(f.lateAt);
      const at = `$${params.length}`;
      where.push(
        `o.state <> 'merged' AND ((o.acknowledged_at IS NULL AND o.ack_due_at < ${at}) OR (o.answered_at IS NULL AND o.answer_due_at < ${at}))`,
      );
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order =
      f.sort === 'supported' ? 'support_count DESC, o.created_at DESC, o.id' : 'o.created_at DESC, o.id';
    const countParams = params.slice(1);
    const countClause = clause.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) - 1}`);
    const [rows, [{ total }]] = await Promise.all([
      m.query(`${SELECT} ${clause} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`, params) as Promise<
        ObservationRow[]
      >,
      m.query(`SELECT count(*)::int AS total FROM lab_observations o ${countClause}`, countParams) as Promise<
        { total: number }[]
      >,
    ]);
    return { rows, total };
  }

  async replies(m: EntityManager, observationId: string): Promise<ReplyRow[]> {
    return (await m.query(
      `SELECT r.id, r.kind, r.body, r.team, r.author_id, u.display_name AS author_name, r.created_at
         FROM lab_observation_replies r JOIN users u ON u.id = r.author_id
        WHERE r.observation_id = $1 ORDER BY r.created_at, r.id`,
      [observationId],
    )) as ReplyRow[];
  }

  async comments(m: EntityManager, observationId: string): Promise<CommentRow[]> {
    return (await m.query(
      `SELECT c.id, c.body, c.by_staff, c.author_id, u.display_name AS author_name, c.created_at
         FROM lab_observation_comments c JOIN users u ON u.id = c.author_id
        WHERE c.observation_id = $1 ORDER BY c.created_at, c.id LIMIT 500`,
      [observationId],
    )) as CommentRow[];
  }

  async duplicates(m: EntityManager, observationId: string): Promise<{ id: string; title: string }[]> {
    return (await m.query(
      `SELECT id, title FROM lab_observations WHERE merged_into_id = $1 ORDER BY created_at, id`,
      [observationId],
    )) as { id: string; title: string }[];
  }

  async support(m: EntityManager, observationId: string, userId: string): Promise<void> {
    await m.query(
      `INSERT INTO lab_observation_supports (observation_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [observationId, userId],
    );
  }

  async unsupport(m: EntityManager, observationId: string, userId: string): Promise<void> {
    await m.query(`DELETE FROM lab_observation_supports WHERE observation_id = $1 AND user_id = $2`, [
      observationId,
      userId,
    ]);
  }

  async supportCount(m: EntityManager, observationId: string): Promise<number> {
    const [row] = (await m.query(
      `SELECT count(*)::int AS n FROM lab_observation_supports WHERE observation_id = $1`,
      [observationId],
    )) as { n: number }[];
    return row.n;
  }

  async insertComment(
    m: EntityManager,
    observationId: string,
    authorId: string,
    body: string,
    byStaff: boolean,
  ): Promise<{ id: string; created_at: Date }> {
    const [row] = (await m.query(
      `INSERT INTO lab_observation_comments (observation_id, author_id, body, by_staff) VALUES ($1, $2, $3, $4)
       RETURNING id, created_at`,
      [observationId, authorId, body, byStaff],
    )) as { id: string; created_at: Date }[];
    return row;
  }

  async triage(
    m: EntityManager,
    id: string,
    change: {
      responseKind: string | null;
      answerDueAt: Date | null;
      team: string | null;
      category: string | null;
    },
  ): Promise<void> {
    await m.query(
      `UPDATE lab_observations
          SET response_kind = coalesce($2, response_kind), answer_due_at = coalesce($3, answer_due_at),
              team = coalesce($4, team), category = coalesce($5, category), updated_at = now()
        WHERE id = $1`,
      [id, change.responseKind, change.answerDueAt, change.team, change.category],
    );
  }

  /** Stores a reply; an answer also acknowledges. The first of each sets the time the promise is judged by. */
  async reply(
    m: EntityManager,
    id: string,
    reply: { kind: string; body: string; team: string; authorId: string; at: Date },
  ): Promise<void> {
    await m.query(
      `INSERT INTO lab_observation_replies (observation_id, kind, body, team, author_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, reply.kind, reply.body, reply.team, reply.authorId, reply.at],
    );
    await m.query(
      `UPDATE lab_observations
          SET acknowledged_at = coalesce(acknowledged_at, $2),
              answered_at = CASE WHEN $3 THEN coalesce(answered_at, $2) ELSE answered_at END,
              state = CASE WHEN state = 'merged' THEN state WHEN $3 OR answered_at IS NOT NULL THEN 'answered' ELSE 'acknowledged' END,
              updated_at = now()
        WHERE id = $1`,
      [id, reply.at, reply.kind === 'answer'],
    );
  }

  async merge(m: EntityManager, id: string, intoId: string, reason: string): Promise<void> {
    await m.query(
      `INSERT INTO lab_observation_supports (observation_id, user_id, created_at)
       SELECT $2, user_id, created_at FROM lab_observation_supports WHERE observation_id = $1
       ON CONFLICT DO NOTHING`,
      [id, intoId],
    );
    await m.query(`DELETE FROM lab_observation_supports WHERE observation_id = $1`, [id]);
    await m.query(
      `UPDATE lab_observations SET state = 'merged', merged_into_id = $2, merge_reason = $3, updated_at = now() WHERE id = $1`,
      [id, intoId, reason],
    );
  }

  /** Observations received in [from, to) for the response dashboard. */
  async dashboardRecords(
    m: EntityManager,
    from: Date,
    to: Date,
    team: string | null,
  ): Promise<DashboardRecordRow[]> {
    return (await m.query(
      `SELECT id, title, team, created_at, ack_due_at, answer_due_at, acknowledged_at, answered_at
         FROM lab_observations
        WHERE created_at >= $1 AND created_at < $2 AND ($3::text IS NULL OR team = $3)
        ORDER BY created_at`,
      [from, to, team],
    )) as DashboardRecordRow[];
  }
}
