import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  LAB_TEAM_LABELS,
  LAB_TEAMS,
  PERMISSIONS,
  type LabTeam,
  type ObservationCategory,
  type ObservationComment,
  type ObservationDeadline,
  type ObservationDetail,
  type ObservationKind,
  type ObservationReply,
  type ObservationReplyKind,
  type ObservationResponseKind,
  type ObservationState,
  type ObservationSummary,
  type Page,
  type PublicObservationDetail,
  type PublicObservationSummary,
  type ResponseDashboard,
  type ResponseDashboardRow,
  type ResponseStatisticsView,
  type SupportState,
} from '@madang/contracts';
import { responseStatistics, type ServiceRecord } from '@madang/service-targets';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { can, type Actor } from '../core/actor';
import { forbidden, invalidField, notFound } from '../core/domain-error';
import { pageOf } from '../core/pagination';
import { AuditService } from '../platform/audit/audit.service';
import { FilesService } from '../platform/files/files.service';
import { NotificationsService } from '../platform/notifications/notifications.service';
import {
  CreateCommentDto,
  CreateObservationDto,
  MergeObservationDto,
  ObservationListQueryDto,
  PublicObservationListQueryDto,
  RespondToObservationDto,
  ResponseDashboardQueryDto,
  TriageObservationDto,
} from './dto/observations.dto';
import { labRule } from './lab-errors';
import { deadlineState } from './lab-rules';
import { ObservationRow, ObservationsRepository } from './observations.repository';
import { LabResponsePromise } from './response-promise';

export const OBSERVATION_OWNER = 'lab_observation';

const isStaff = (actor: Actor | undefined) => !!actor && can(actor, PERMISSIONS.LABS_MANAGE);

/** Observations: posting, the public list, supports, comments, staff replies against the promise, merges. */
@Injectable()
export class ObservationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly observations: ObservationsRepository,
    private readonly promise: LabResponsePromise,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly files: FilesService,
    private readonly config: AppConfig,
  ) {}

  /** Who may read an observation: the public when it is public, its poster, staff. */
  mayRead(actor: Actor | undefined, row: { is_public: boolean; posted_by: string }): boolean {
    return row.is_public || isStaff(actor) || actor?.userId === row.posted_by;
  }

  async create(actor: Actor, dto: CreateObservationDto): Promise<ObservationDetail> {
    const now = new Date();
    const kind = this.promise.defaultKind;
    const id = await this.db.transaction(async (m) => {
      const id = await this.observations.insert(m, {
        kind: dto.kind,
        category: dto.category,
        title: dto.title.trim(),
        body: dto.body.trim(),
        placeName: dto.placeName?.trim() || null,
        pointLat: dto.point?.lat ?? null,
        pointLng: dto.point?.lng ?? null,
        isPublic: dto.isPublic ?? true,
        anonymous: dto.anonymous ?? false,
        postedBy: actor.userId,
        responseKind: kind,
        ackDueAt: this.promise.ackDue(now),
        answerDueAt: this.promise.answerDue(now, kind),
        createdAt: now,
      });
      await this.audit.record(m, actor, {
        action: 'lab_observation.posted',
        entityType: OBSERVATION_OWNER,
        entityId: id,
        after: { kind: dto.kind, category: dto.category, title: dto.title, isPublic: dto.isPublic ?? true },
      });
      return id;
    });
    return this.get(actor, id);
  }

  async listPublic(query: PublicObservationListQueryDto): Promise<Page<PublicObservationSummary>> {
    const { limit, offset } = pageOf(query);
    const { rows, total } = await this.observations.list(
      this.db.manager,
      null,
      {
        publicOnly: true,
        postedBy: null,
        kind: query.kind ?? null,
        category: query.category ?? null,
        state: query.state === 'merged' ? '__none__' : (query.state ?? null),
        team: null,
        q: query.q?.trim() || null,
        lateAt: null,
        sort: query.sort ?? 'recent',
      },
      limit,
      offset,
    );
    return { items: rows.map((r) => this.publicSummary(r)), total, limit, offset };
  }

  async getPublic(id: string): Promise<PublicObservationDetail> {
    const m = this.db.manager;
    const row = await this.observations.find(m, id, null);
    if (!row || !row.is_public) throw notFound();
    const [replies, comments, files] = await Promise.all([
      this.observations.replies(m, id),
      this.observations.comments(m, id),
      this.files.list(undefined, OBSERVATION_OWNER, id),
    ]);
    return {
      ...this.publicSummary(row),
      body: row.body,
      replies: replies.map((r) => this.reply(r, false)),
      comments: comments.map((c) => this.commentView(c)),
      files,
      mergedInto: row.merged_into_id ? { id: row.merged_into_id, title: row.merged_into_title ?? '' } : null,
    };
  }

  async list(actor: Actor, query: ObservationListQueryDto): Promise<Page<ObservationSummary>> {
    const all = query.scope === 'all';
    if (all && !isStaff(actor)) throw forbidden();
    const { limit, offset } = pageOf(query);
    const { rows, total } = await this.observations.list(
      this.db.manager,
      actor.userId,
      {
        publicOnly: false,
        postedBy: all ? null : actor.userId,
        kind: query.kind ?? null,
        category: query.category ?? null,
        state: query.state ?? null,
        team: query.team ?? null,
        q: query.q?.trim() || null,
        lateAt: query.late ? new Date() : null,
        sort: query.sort ?? 'recent',
      },
      limit,
      offset,
    );
    const now = new Date();
    return { items: rows.map((r) => this.summary(actor, r, now)), total, limit, offset };
  }

  async get(actor: Actor, id: string): Promise<ObservationDetail> {
    const m = this.db.manager;
    const row = await this.observations.find(m, id, actor.userId);
    if (!row || !this.mayRead(actor, row)) throw notFound();
    const [replies, comments, duplicates, files] = await Promise.all([
      this.observations.replies(m, id),
      this.observations.comments(m, id),
      this.observations.duplicates(m, id),
      this.files.list(actor, OBSERVATION_OWNER, id),
    ]);
    return {
      ...this.summary(actor, row, new Date()),
      body: row.body,
      replies: replies.map((r) => this.reply(r, isStaff(actor))),
      comments: comments.map((c) => this.commentView(c)),
      files,
      mergedInto: row.merged_into_id ? { id: row.merged_into_id, title: row.merged_into_title ?? '' } : null,
      duplicates,
    };
  }

  async setSupport(actor: Actor, id: string, supported: boolean): Promise<SupportState> {
    return this.db.transaction(async (m) => {
      const row = await this.observations.lock(m, id);
      if (!row || !this.mayRead(actor, row)) throw notFound();
      if (supported && row.state === 'merged') throw labRule('observation_merged', actor.locale);
      if (supported) await this.observations.support(m, id, actor.userId);
      else await this.observations.unsupport(m, id, actor.userId);
      return {
        observationId: id,
        supportCount: await this.observations.supportCount(m, id),
        supportedByMe: supported,
      };
    });
  }

  async comment(actor: Actor, id: string, dto: CreateCommentDto): Promise<ObservationComment> {
    return this.db.transaction(async (m) => {
      const row = await this.observations.lock(m, id);
      if (!row || !this.mayRead(actor, row)) throw notFound();
      const staff = isStaff(actor);
      const created = await this.observations.insertComment(m, id, actor.userId, dto.body.trim(), staff);
      await this.audit.record(m, actor, {
        action: 'lab_observation.commented',
        entityType: OBSERVATION_OWNER,
        entityId: id,
        after: { commentId: created.id },
      });
      return {
        id: created.id,
        body: dto.body.trim(),
        author: { id: actor.userId, displayName: actor.displayName },
        byStaff: staff,
        createdAt: created.created_at.toISOString(),
      };
    });
  }

  async triage(actor: Actor, id: string, dto: TriageObservationDto): Promise<ObservationDetail> {
    await this.db.transaction(async (m) => {
      const row = await this.observations.lock(m, id);
      if (!row) throw notFound();
      if (row.state === 'merged') throw labRule('observation_merged', actor.locale);
      const answerDueAt =
        dto.responseKind && !row.answered_at
          ? this.promise.answerDue(row.created_at, dto.responseKind)
          : null;
      await this.observations.triage(m, id, {
        responseKind: dto.responseKind ?? null,
        answerDueAt,
        team: dto.team ?? null,
        category: dto.category ?? null,
      });
      await this.audit.record(m, actor, {
        action: 'lab_observation.triaged',
        entityType: OBSERVATION_OWNER,
        entityId: id,
        after: { ...dto, answerDueAt },
      });
    });
    return this.get(actor, id);
  }

  async respond(
    actor: Actor,
    id: string,
    dto: RespondToObservationDto,
    at = new Date(),
  ): Promise<ObservationDetail> {
    await this.db.transaction(async (m) => {
      const row = await this.observations.lock(m, id);
      if (!row) throw notFound();
      if (row.state === 'merged') throw labRule('observation_merged', actor.locale);
      await this.observations.reply(m, id, {
        kind: dto.kind,
        body: dto.body.trim(),
        team: row.team,
        authorId: actor.userId,
        at,
      });
      await this.audit.record(m, actor, {
        action: `lab_observation.${dto.kind === 'answer' ? 'answered' : 'acknowledged'}`,
        entityType: OBSERVATION_OWNER,
        entityId: id,
        after: { kind: dto.kind, team: row.team },
      });
      if (row.posted_by !== actor.userId)
        await this.notifications.notify(m, [
          {
            recipientId: row.posted_by,
            kind: 'lab.observation_replied',
            subject: { type: OBSERVATION_OWNER, id },
            values: (locale) => ({
              title: row.title,
              team: LAB_TEAM_LABELS[row.team as LabTeam][locale],
              what: replyWord(dto.kind, locale),
            }),
          },
        ]);
    });
    return this.get(actor, id);
  }

  async merge(actor: Actor, id: string, dto: MergeObservationDto): Promise<ObservationDetail> {
    if (id === dto.intoId) throw labRule('merge_into_self', actor.locale);
    await this.db.transaction(async (m) => {
      // Lock both in a stable order so two opposite merges cannot deadlock.
      const [first, second] = [id, dto.intoId].sort();
      const a = await this.observations.lock(m, first);
      const b = await this.observations.lock(m, second);
      const source = a?.id === id ? a : b;
      const target = a?.id === id ? b : a;
      if (!source) throw notFound();
      if (!target) throw invalidField('intoId', 'invalid');
      if (source.state === 'merged' || target.state === 'merged')
        throw labRule('observation_merged', actor.locale);
      const reason = dto.reason.trim();
      await this.observations.reply(m, id, {
        kind: 'answer',
        body: reason,
        team: source.team,
        authorId: actor.userId,
        at: new Date(),
      });
      await this.observations.merge(m, id, dto.intoId, reason);
      await this.audit.record(m, actor, {
        action: 'lab_observation.merged',
        entityType: OBSERVATION_OWNER,
        entityId: id,
        after: { intoId: dto.intoId, reason },
      });
      await this.notifications.notify(m, [
        {
          recipientId: source.posted_by,
          kind: 'lab.observation_merged',
          subject: { type: OBSERVATION_OWNER, id: dto.intoId },
          values: () => ({ title: source.title, into: target.title, reason }),
        },
      ]);
    });
    return this.get(actor, dto.intoId);
  }

  /** Response times per team and per month against the promise stored on each observation. */
  async dashboard(_actor: Actor, query: ResponseDashboardQueryDto): Promise<ResponseDashboard> {
    const zone = this.config.MADANG_TIMEZONE;
    const now = new Date();
    const toMonth = query.to
      ? DateTime.fromFormat(query.to, 'yyyy-MM', { zone })
      : DateTime.now().setZone(zone).startOf('month');
    const fromMonth = query.from
      ? DateTime.fromFormat(query.from, 'yyyy-MM', { zone })
      : toMonth.minus({ months: 11 });
    if (toMonth.year < 2000 || toMonth.year > 2999) throw invalidField('to', 'invalid');
    if (fromMonth.year < 2000 || fromMonth.year > 2999) throw invalidField('from', 'invalid');
    if (toMonth < fromMonth) throw invalidField('to', 'invalid');
    if (toMonth.diff(fromMonth, 'months').months > 36) throw invalidField('from', 'invalid');
    const rows = await this.observations.dashboardRecords(
      this.db.manager,
      fromMonth.toJSDate(),
      toMonth.plus({ months: 1 }).toJSDate(),
      query.team ?? null,
    );
    const calendar = this.promise.calendar;
    const stats = (records: ServiceRecord[]): ResponseStatisticsView =>
      responseStatistics(records, calendar, now);
    const row = (list: typeof rows): ResponseDashboardRow => ({
      acknowledgement: stats(
        list.map((r) => ({
          receivedAt: r.created_at,
          deadline: r.ack_due_at,
          respondedAt: r.acknowledged_at,
        })),
      ),
      answer: stats(
        list.map((r) => ({
          receivedAt: r.created_at,
          deadline: r.answer_due_at,
          respondedAt: r.answered_at,
        })),
      ),
    });
    const monthOf = (d: Date) => DateTime.fromJSDate(d, { zone }).toFormat('yyyy-MM');
    const months = [...new Set(rows.map((r) => monthOf(r.created_at)))].sort();
    const teams = LAB_TEAMS.filter((t) => rows.some((r) => r.team === t));
    const lateNow = rows
      .flatMap((r) => {
        const late: ResponseDashboard['lateNow'] = [];
        if (!r.acknowledged_at && r.ack_due_at < now)
          late.push(lateItem(r, 'acknowledgement', r.ack_due_at, now, this.promise));
        if (!r.answered_at && r.answer_due_at < now)
          late.push(lateItem(r, 'answer', r.answer_due_at, now, this.promise));
        return late;
      })
      .sort((a, b) => b.overdueWorkingMinutes - a.overdueWorkingMinutes)
      .slice(0, 50);
    return {
      from: fromMonth.toFormat('yyyy-MM'),
      to: toMonth.toFormat('yyyy-MM'),
      generatedAt: now.toISOString(),
      promise: this.promise.view(),
      total: row(rows),
      byTeam: teams.map((team) => ({ team, ...row(rows.filter((r) => r.team === team)) })),
      byMonth: months.map((month) => ({
        month,
        ...row(rows.filter((r) => monthOf(r.created_at) === month)),
      })),
      byTeamMonth: teams.flatMap((team) =>
        months
          .map((month) => ({
            team,
            month,
            list: rows.filter((r) => r.team === team && monthOf(r.created_at) === month),
          }))
          .filter((g) => g.list.length > 0)
          .map(({ team: t, month, list }) => ({ team: t, month, ...row(list) })),
      ),
      lateNow,
    };
  }

  // ─── views ──────────────────────────────────────────────────────────────────

  private publicSummary(r: ObservationRow): PublicObservationSummary {
    return {
      id: r.id,
      kind: r.kind as ObservationKind,
      category: r.category as ObservationCategory,
      title: r.title,
      excerpt: r.body.length > 200 ? `${r.body.slice(0, 200)}…` : r.body,
      placeName: r.place_name,
      point: r.point_lat === null || r.point_lng === null ? null : { lat: r.point_lat, lng: r.point_lng },
      state: r.state as ObservationState,
      poster: r.anonymous ? null : { id: r.posted_by, displayName: r.poster_name },
      supportCount: r.support_count,
      commentCount: r.comment_count,
      projects: r.projects.filter((p) => p.published).map((p) => ({ id: p.id, title: p.title })),
      createdAt: r.created_at.toISOString(),
    };
  }

  private summary(actor: Actor, r: ObservationRow, now: Date): ObservationSummary {
    const staff = isStaff(actor);
    const mine = r.posted_by === actor.userId;
    const deadline = (due: Date, responded: Date | null): ObservationDeadline => ({
      dueAt: due.toISOString(),
      respondedAt: responded?.toISOString() ?? null,
      ...deadlineState(r.created_at, due, responded, now, this.promise.calendar),
    });
    return {
      ...this.publicSummary(r),
      poster: staff || mine || !r.anonymous ? { id: r.posted_by, displayName: r.poster_name } : null,
      isPublic: r.is_public,
      anonymous: r.anonymous,
      mine,
      supportedByMe: r.supported_by_me,
      responseKind: r.response_kind as ObservationResponseKind,
      team: r.team as LabTeam,
      acknowledgement: deadline(r.ack_due_at, r.acknowledged_at),
      answer: deadline(r.answer_due_at, r.answered_at),
      projects: r.projects.filter((p) => p.published || staff).map((p) => ({ id: p.id, title: p.title })),
    };
  }

  private reply(
    r: {
      id: string;
      kind: string;
      body: string;
      team: string;
      author_id: string;
      author_name: string;
      created_at: Date;
    },
    showAuthor: boolean,
  ): ObservationReply {
    return {
      id: r.id,
      kind: r.kind as ObservationReplyKind,
      body: r.body,
      author: showAuthor ? { id: r.author_id, displayName: r.author_name } : null,
      team: r.team as LabTeam,
      createdAt: r.created_at.toISOString(),
    };
  }

  private commentView(c: {
    id: string;
    body: string;
    by_staff: boolean;
    author_id: string;
    author_name: string;
    created_at: Date;
  }): ObservationComment {
    return {
      id: c.id,
      body: c.body,
      author: { id: c.author_id, displayName: c.author_name },
      byStaff: c.by_staff,
      createdAt: c.created_at.toISOString(),
    };
  }

  /** For the module's file policy: may this actor see / attach to this observation? */
  async filePolicyFacts(
    m: EntityManager,
    id: string,
  ): Promise<{ is_public: boolean; posted_by: string; state: string } | null> {
    const rows = (await m.query(`SELECT is_public, posted_by, state FROM lab_observations WHERE id = $1`, [
      id,
    ])) as {
      is_public: boolean;
      posted_by: string;
      state: string;
    }[];
    return rows[0] ?? null;
  }
}

function replyWord(kind: ObservationReplyKind, locale: 'ko' | 'en'): string {
  if (kind === 'answer') return locale === 'ko' ? '답변' : 'an answer';
  return locale === 'ko' ? '접수 확인' : 'an acknowledgement';
}

function lateItem(
  r: { id: string; title: string; team: string; created_at: Date },
  which: ObservationReplyKind,
  dueAt: Date,
  now: Date,
  promise: LabResponsePromise,
): ResponseDashboard['lateNow'][number] {
  return {
    id: r.id,
    title: r.title,
    team: r.team as LabTeam,
    which,
    dueAt: dueAt.toISOString(),
    overdueWorkingMinutes: deadlineState(r.created_at, dueAt, null, now, promise.calendar)
      .overdueWorkingMinutes,
  };
}
