import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  LAB_TEAMS,
  type LabTeam,
  type ObservationReplyKind,
  type ResponseDashboard,
  type ResponseDashboardRow,
  type ResponseStatisticsView,
} from '@madang/contracts';
import { responseStatistics, type ServiceRecord } from '@madang/service-targets';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import type { Actor } from '../core/actor';
import { invalidField } from '../core/domain-error';
import { ResponseDashboardQueryDto } from './dto/observations.dto';
import { deadlineState } from './lab-rules';
import { ObservationsRepository } from './observations.repository';
import { LabResponsePromise } from './response-promise';

/** The response dashboard: how the promise to observers is kept, per team and per month. */
@Injectable()
export class ResponseDashboardService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly observations: ObservationsRepository,
    private readonly promise: LabResponsePromise,
    private readonly config: AppConfig,
  ) {}

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
