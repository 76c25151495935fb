import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PERMISSIONS,
  PROJECT_STAGES,
  type ExecutionFigures,
  type ExperimentStatus,
  type ExperimentSummary,
  type ExperimentVerdict,
  type GroupKind,
  type ObservationCategory,
  type ObservationKind,
  type Page,
  type ProjectBudgetView,
  type ProjectDetail,
  type ProjectStage,
  type ProjectSummary,
  type TimelineEvent,
} from '@madang/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { can, type Actor } from '../core/actor';
import { DomainError, forbidden, invalidField, notFound } from '../core/domain-error';
import { pageOf } from '../core/pagination';
import { AuditService } from '../platform/audit/audit.service';
import { FilesService } from '../platform/files/files.service';
import { NotificationsService } from '../platform/notifications/notifications.service';
import { ReportService } from '../settlement/report.service';
import { ChangeStageDto, CreateProjectDto, ProjectListQueryDto, UpdateProjectDto } from './dto/projects.dto';
import { ExperimentsRepository, ExperimentRow } from './experiments.repository';
import { LabAccess, viewerOf } from './lab-access';
import { labRule, labViolation, withLabRules } from './lab-errors';
import { gateViolations, reachableStages, stageChangeViolations } from './lab-rules';
import { ProjectPartsService } from './project-parts.service';
import { ProjectRow, ProjectsRepository } from './projects.repository';

export const PROJECT_OWNER = 'lab_project';

export function experimentStatus(
  e: Pick<ExperimentRow, 'verdict' | 'starts_on'>,
  today: string,
): ExperimentStatus {
  if (e.verdict) return 'concluded';
  return e.starts_on <= today ? 'running' : 'planned';
}

export function experimentSummary(e: ExperimentRow, today: string): ExperimentSummary {
  return {
    id: e.id,
    title: e.title,
    hypothesis: e.hypothesis,
    status: experimentStatus(e, today),
    startsOn: e.starts_on,
    endsOn: e.ends_on,
    verdict: e.verdict as ExperimentVerdict | null,
  };
}

/** Projects: creation, the team, linked observations, stages with their gates, publication, timeline, budget. */
@Injectable()
export class ProjectsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly projects: ProjectsRepository,
    private readonly experiments: ExperimentsRepository,
    private readonly access: LabAccess,
    private readonly parts: ProjectPartsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly files: FilesService,
    private readonly reports: ReportService,
    private readonly config: AppConfig,
  ) {}

  async create(actor: Actor, dto: CreateProjectDto): Promise<ProjectDetail> {
    if ((dto.leadGroupId ? 1 : 0) + (dto.leadUserId ? 1 : 0) !== 1)
      throw labRule('lead_required', actor.locale);
    const id = await this.db.transaction(async (m) => {
      if (dto.leadGroupId && !(await this.projects.groupExists(m, dto.leadGroupId)))
        throw invalidField('leadGroupId', 'invalid');
      if (dto.leadUserId && !(await this.projects.userExists(m, dto.leadUserId)))
        throw invalidField('leadUserId', 'invalid');
      if (dto.programmeId && !(await this.projects.programmeExists(m, dto.programmeId)))
        throw invalidField('programmeId', 'invalid');
      const id = await this.projects.insert(m, {
        title: dto.title.trim(),
        summary: dto.summary.trim(),
        category: dto.category,
        problemStatement: dto.problemStatement?.trim() || null,
        leadGroupId: dto.leadGroupId ?? null,
        leadUserId: dto.leadUserId ?? null,
        createdBy: actor.userId,
        programmeId: dto.programmeId ?? null,
      });
      await this.projects.insertStageChange(m, {
        projectId: id,
        from: null,
        to: 'observation',
        reason: dto.summary.trim().slice(0, 1000),
        by: actor.userId,
      });
      for (const [i, userId] of (dto.memberIds ?? []).entries()) {
        if (!(await this.projects.userExists(m, userId))) throw invalidField(`memberIds.${i}`, 'invalid');
        await this.projects.addMember(m, id, userId);
      }
      for (const [i, observationId] of (dto.observationIds ?? []).entries())
        await this.parts.link(m, actor, id, dto.title.trim(), observationId, `observationIds.${i}`);
      await this.audit.record(m, actor, {
        action: 'lab_project.created',
        entityType: PROJECT_OWNER,
        entityId: id,
        after: { ...dto },
      });
      return id;
    });
    return this.get(actor, id);
  }

  async list(actor: Actor, query: ProjectListQueryDto): Promise<Page<ProjectSummary>> {
    const all = query.scope === 'all';
    if (all && !can(actor, PERMISSIONS.LABS_MANAGE)) throw forbidden();
    const { limit, offset } = pageOf(query);
    const { rows, total } = await this.projects.list(
      this.db.manager,
      viewerOf(actor),
      {
        stage: query.stage ?? null,
        category: query.category ?? null,
        q: query.q?.trim() || null,
        onlyScoped: !all,
      },
      limit,
      offset,
    );
    return { items: rows.map((r) => this.summary(actor, r)), total, limit, offset };
  }

  async get(actor: Actor, id: string): Promise<ProjectDetail> {
    const m = this.db.manager;
    const p = await this.access.project(m, actor, id);
    return this.detail(m, actor, p);
  }

  async update(actor: Actor, id: string, dto: UpdateProjectDto): Promise<ProjectDetail> {
    await withLabRules(actor.locale, () =>
      this.db.transaction(async (m) => {
        const before = await this.access.editable(m, actor, id);
        if (dto.programmeId && !(await this.projects.programmeExists(m, dto.programmeId)))
          throw invalidField('programmeId', 'invalid');
        const set: Parameters<ProjectsRepository['update']>[2] = {};
        if (dto.title !== undefined) set.title = dto.title.trim();
        if (dto.summary !== undefined) set.summary = dto.summary.trim();
        if (dto.category !== undefined) set.category = dto.category;
        if (dto.problemStatement !== undefined) set.problem_statement = dto.problemStatement?.trim() || null;
        if (dto.resultsNote !== undefined) set.results_note = dto.resultsNote?.trim() || null;
        if (dto.programmeId !== undefined) set.programme_id = dto.programmeId;
        // A project past a gate keeps what the gate asked for (the database says so too).
        const facts = await this.projects.gateFacts(m, id);
        const violations = gateViolations(
          before.stage === 'on_hold' ? 'observation' : (before.stage as ProjectStage),
          {
            problemStatement:
              set.problem_statement !== undefined ? set.problem_statement : before.problem_statement,
            resultsNote: set.results_note !== undefined ? set.results_note : before.results_note,
            linkedObservations: facts.linked_observations,
            concludedExperiments: facts.concluded_experiments,
          },
        );
        if (violations.length) throw labRule(violations, actor.locale);
        await this.projects.update(m, id, set);
        await this.audit.record(m, actor, {
          action: 'lab_project.updated',
          entityType: PROJECT_OWNER,
          entityId: id,
          before: {
            title: before.title,
            problemStatement: before.problem_statement,
            resultsNote: before.results_note,
          },
          after: { ...dto },
        });
      }),
    );
    return this.get(actor, id);
  }

  /** Moves the stage: the gates are checked here, and again by the database's trigger. */
  async changeStage(actor: Actor, id: string, dto: ChangeStageDto): Promise<ProjectDetail> {
    await withLabRules(actor.locale, () =>
      this.db.transaction(async (m) => {
        const p = await this.access.project(m, actor, id, { lock: true });
        const from = p.stage as ProjectStage;
        const facts = await this.projects.gateFacts(m, id);
        const violations = stageChangeViolations(from, p.held_from as ProjectStage | null, dto.to, {
          problemStatement: p.problem_statement,
          resultsNote: p.results_note,
          linkedObservations: facts.linked_observations,
          concludedExperiments: facts.concluded_experiments,
        });
        if (violations.length) throw labRule(violations, actor.locale);
        const reason = dto.reason.trim();
        if (!reason) throw labRule('reason_required', actor.locale);
        await this.projects.moveStage(m, id, dto.to, dto.to === 'on_hold' ? from : null);
        await this.projects.insertStageChange(m, {
          projectId: id,
          from,
          to: dto.to,
          reason,
          by: actor.userId,
        });
        await this.audit.record(m, actor, {
          action: 'lab_project.stage_changed',
          entityType: PROJECT_OWNER,
          entityId: id,
          before: { stage: from },
          after: { stage: dto.to, reason },
        });
      }),
    );
    return this.get(actor, id);
  }

  async setPublished(actor: Actor, id: string, published: boolean): Promise<ProjectDetail> {
    await this.db.transaction(async (m) => {
      const p = await this.access.editable(m, actor, id);
      if (!published && p.stage === 'sharing') throw new DomainError('state_conflict');
      await this.projects.setPublished(m, id, published);
      await this.audit.record(m, actor, {
        action: published ? 'lab_project.published' : 'lab_project.unpublished',
        entityType: PROJECT_OWNER,
        entityId: id,
      });
    });
    return this.get(actor, id);
  }

  async setMember(actor: Actor, id: string, userId: string, member: boolean): Promise<ProjectDetail> {
    await this.db.transaction(async (m) => {
      const p = await this.access.editable(m, actor, id);
      if (!this.access.canManageTeam(actor, p)) throw forbidden();
      if (member) {
        if (!(await this.projects.userExists(m, userId))) throw notFound();
        await this.projects.addMember(m, id, userId);
      } else await this.projects.removeMember(m, id, userId);
      await this.audit.record(m, actor, {
        action: member ? 'lab_project.member_added' : 'lab_project.member_removed',
        entityType: PROJECT_OWNER,
        entityId: id,
        after: { userId },
      });
    });
    return this.get(actor, id);
  }

  async linkObservation(actor: Actor, id: string, observationId: string): Promise<ProjectDetail> {
    await this.db.transaction(async (m) => {
      const p = await this.access.editable(m, actor, id);
      await this.parts.link(m, actor, id, p.title, observationId, 'observationId');
    });
    return this.get(actor, id);
  }

  async unlinkObservation(actor: Actor, id: string, observationId: string): Promise<ProjectDetail> {
    await withLabRules(actor.locale, () =>
      this.db.transaction(async (m) => {
        const p = await this.access.editable(m, actor, id);
        const facts = await this.projects.gateFacts(m, id);
        if (facts.linked_observations <= 1 && ['experiment', 'cooperation', 'sharing'].includes(p.stage))
          throw labRule('no_linked_observation', actor.locale);
        await this.projects.unlinkObservation(m, id, observationId);
        await this.audit.record(m, actor, {
          action: 'lab_project.observation_unlinked',
          entityType: PROJECT_OWNER,
          entityId: id,
          after: { observationId },
        });
      }),
    );
    return this.get(actor, id);
  }

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

  // ─── views ──────────────────────────────────────────────────────────────────

  /** A project's summary for someone inside its scope (everyone inside edits, until it is discontinued). */
  summary(actor: Actor, p: ProjectRow): ProjectSummary {
    return {
      id: p.id,
      title: p.title,
      summary: p.summary,
      category: p.category as ObservationCategory,
      stage: p.stage as ProjectStage,
      published: p.published_at !== null,
      lead: {
        group: p.lead_group_id
          ? { id: p.lead_group_id, name: p.lead_group_name ?? '', kind: p.lead_group_kind as GroupKind }
          : null,
        user: p.lead_user_id ? { id: p.lead_user_id, displayName: p.lead_user_name ?? '' } : null,
      },
      canEdit: p.stage !== 'discontinued',
      canManageTeam: p.stage !== 'discontinued' && this.access.canManageTeam(actor, p),
      experimentCount: p.experiment_count,
      outcomeCount: p.outcome_count,
      createdAt: p.created_at.toISOString(),
      updatedAt: p.updated_at.toISOString(),
    };
  }

  private async detail(m: EntityManager, actor: Actor, p: ProjectRow): Promise<ProjectDetail> {
    const today = new Date().toISOString().slice(0, 10);
    const [members, observations, partners, milestones, experiments, outcomes, files, facts] =
      await Promise.all([
        this.projects.members(m, p.id),
        this.projects.linkedObservations(m, p.id),
        this.projects.partners(m, [p.id]),
        this.projects.milestones(m, p.id),
        this.experiments.ofProjects(m, [p.id]),
        this.parts.outcomeViews(actor, p.id),
        this.files.list(actor, PROJECT_OWNER, p.id),
        this.projects.gateFacts(m, p.id),
      ]);
    const gateFacts = {
      problemStatement: p.problem_statement,
      resultsNote: p.results_note,
      linkedObservations: facts.linked_observations,
      concludedExperiments: facts.concluded_experiments,
    };
    return {
      ...this.summary(actor, p),
      problemStatement: p.problem_statement,
      resultsNote: p.results_note,
      heldFrom: p.held_from as ProjectStage | null,
      members: members.map((u) => ({ id: u.id, displayName: u.display_name })),
      observations: observations.map((o) => ({
        id: o.id,
        title: o.title,
        kind: o.kind as ObservationKind,
        supportCount: o.support_count,
      })),
      partners: partners.map((pa) => this.parts.partnerView(pa)),
      milestones: milestones.map((ms) => this.parts.milestoneView(ms)),
      experiments: experiments.map((e) => experimentSummary(e, today)),
      outcomes,
      files,
      programme: p.programme_id
        ? {
            id: p.programme_id,
            code: p.programme_code ?? '',
            name: p.programme_name ?? '',
            year: p.programme_year ?? 0,
          }
        : null,
      nextStages: reachableStages(p.stage as ProjectStage, p.held_from as ProjectStage | null)
        .filter((s) => PROJECT_STAGES.includes(s))
        .map((stage) => ({
          stage,
          violations: gateViolations(stage, gateFacts).map((c) => labViolation(c, actor.locale)),
        })),
    };
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
