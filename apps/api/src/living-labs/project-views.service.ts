import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ExecutionFigures, ProjectBudgetView, ProjectStage, TimelineEvent } from '@madang/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../core/actor';
import { DomainError, notFound } from '../core/domain-error';
import { ReportService } from '../settlement/report.service';
import { ExperimentsRepository } from './experiments.repository';
import { LabAccess } from './lab-access';
import { ProjectsRepository } from './projects.repository';

/** Read-only views of a project for its team: the timeline and the linked programme's figures. */
@Injectable()
export class ProjectViewsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly projects: ProjectsRepository,
    private readonly experiments: ExperimentsRepository,
    private readonly access: LabAccess,
    private readonly reports: ReportService,
  ) {}

  async timeline(actor: Actor, id: string): Promise<TimelineEvent[]> {
    const m = this.db.manager;
    const p = await this.access.project(m, actor, id);
    const [changes, observations, experiments, milestones, outcomes, partners] = await Promise.all([
      this.projects.stageChanges(m, id),
      m.query(
        `SELECT po.observation_id, o.title, po.linked_at, po.linked_by, u.display_name
           FROM lab_project_observations po JOIN lab_observations o ON o.id = po.observation_id JOIN users u ON u.id = po.linked_by
          WHERE po.project_id = $1`,
        [id],
      ) as Promise<
        { observation_id: string; title: string; linked_at: Date; linked_by: string; display_name: string }[]
      >,
      this.experiments.ofProjects(m, [id]),
      this.projects.milestones(m, id),
      this.projects.outcomes(m, id),
      this.projects.partners(m, [id]),
    ]);
    const events: TimelineEvent[] = [
      ...changes.map(
        (c): TimelineEvent => ({
          kind: c.from_stage === null ? 'created' : 'stage_changed',
          at: c.changed_at.toISOString(),
          actor: { id: c.changed_by, displayName: c.changer_name },
          text: c.reason,
          ...(c.from_stage ? { fromStage: c.from_stage as ProjectStage } : {}),
          toStage: c.to_stage as ProjectStage,
        }),
      ),
      ...observations.map(
        (o): TimelineEvent => ({
          kind: 'observation_linked',
          at: o.linked_at.toISOString(),
          actor: { id: o.linked_by, displayName: o.display_name },
          text: o.title,
          subjectId: o.observation_id,
        }),
      ),
      ...experiments.flatMap((e): TimelineEvent[] => [
        {
          kind: 'experiment_added',
          at: e.created_at.toISOString(),
          actor: null,
          text: e.title,
          subjectId: e.id,
        },
        ...(e.concluded_at
          ? [
              {
                kind: 'experiment_concluded' as const,
                at: e.concluded_at.toISOString(),
                actor: e.concluded_by ? { id: e.concluded_by, displayName: e.concluder_name ?? '' } : null,
                text: `${e.title}: ${e.verdict}`,
                subjectId: e.id,
              },
            ]
          : []),
      ]),
      ...milestones.map(
        (ms): TimelineEvent => ({
          kind: ms.status === 'done' ? 'milestone_done' : 'milestone_due',
          at: new Date(`${ms.done_on ?? ms.due_on}T00:00:00+09:00`).toISOString(),
          actor: null,
          text: ms.title,
          subjectId: ms.id,
        }),
      ),
      ...partners.map(
        (pa): TimelineEvent => ({
          kind: 'partner_joined',
          at: pa.created_at.toISOString(),
          actor: null,
          text: pa.name,
          subjectId: pa.id,
        }),
      ),
      ...outcomes.flatMap((o): TimelineEvent[] => [
        {
          kind: 'outcome_recorded',
          at: o.created_at.toISOString(),
          actor: { id: o.recorded_by, displayName: o.recorder_name },
          text: o.title,
          subjectId: o.id,
        },
        ...(o.verified_at && o.verified_by
          ? [
              {
                kind: 'outcome_verified' as const,
                at: o.verified_at.toISOString(),
                actor: { id: o.verified_by, displayName: o.verifier_name ?? '' },
                text: o.title,
                subjectId: o.id,
              },
            ]
          : []),
      ]),
      ...(p.published_at
        ? [{ kind: 'published' as const, at: p.published_at.toISOString(), actor: null, text: p.title }]
        : []),
    ];
    return events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }

  /** The linked programme's execution, through settlement's own report (its access rules apply). */
  async budget(actor: Actor, id: string): Promise<ProjectBudgetView> {
    const m = this.db.manager;
    const p = await this.access.project(m, actor, id);
    if (!p.programme_id) throw notFound();
    try {
      const report = await this.reports.report(actor, p.programme_id);
      return {
        programme: report.programme,
        available: true,
        total: pick(report.total),
        lines: report.byLine.map((l) => ({
          ...pick(l),
          budgetLineId: l.budgetLineId,
          name: l.name,
          categoryName: l.categoryName,
        })),
        expenses: report.expenses.map((x) => ({
          id: x.id,
          date: x.expenseDate,
          title: x.title,
          amount: x.amount,
          state: x.state,
        })),
      };
    } catch (error) {
      if (!(error instanceof DomainError) || (error.code !== 'forbidden' && error.code !== 'not_found'))
        throw error;
      return {
        programme: {
          id: p.programme_id,
          code: p.programme_code ?? '',
          name: p.programme_name ?? '',
          year: p.programme_year ?? 0,
          kind: 'living_lab',
        },
        available: false,
        total: null,
        lines: [],
        expenses: [],
      };
    }
  }
}

function pick(f: ExecutionFigures): ExecutionFigures {
  return {
    initial: f.initial,
    amended: f.amended,
    executed: f.executed,
    disallowed: f.disallowed,
    recognised: f.recognised,
    balance: f.balance,
    rateBp: f.rateBp,
  };
}
