import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ArchiveSummary,
  CommitmentKind,
  ExperimentVerdict,
  Locale,
  MilestoneStatus,
  ObservationCategory,
  ObservationKind,
  OutcomeType,
  Page,
  PartnerSector,
  PartnerStatus,
  ProjectStage,
  PublicProjectPage,
  PublicProjectSummary,
} from '@madang/contracts';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { notFound } from '../core/domain-error';
import { pageOf } from '../core/pagination';
import { FilesService } from '../platform/files/files.service';
import { ArchiveQueryDto } from './dto/projects.dto';
import { EXPERIMENT_OWNER, fromBookings, metricView } from './experiments.service';
import { ExperimentsRepository } from './experiments.repository';
import { ProjectPartsService } from './project-parts.service';
import { experimentStatus, PROJECT_OWNER } from './projects.service';
import { ProjectsRepository } from './projects.repository';
import { ArchiveFilter, ArchiveRow, PublicLabsRepository } from './public-labs.repository';

const CENTRE: Readonly<Record<Locale, string>> = { ko: '센터 직영', en: 'Run by the centre' };

/** One CSV cell, quoted when it must be; a leading =, +, - or @ cannot become a spreadsheet formula. */
function cell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The public archive: published projects with their experiments, verdicts, metric series,
 * partners (organisations only) and verified outcomes. No participant, poster or staff name, no
 * contact, ever — only group names and the centre.
 */
@Injectable()
export class PublicLabsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly archive: PublicLabsRepository,
    private readonly projects: ProjectsRepository,
    private readonly experiments: ExperimentsRepository,
    private readonly parts: ProjectPartsService,
    private readonly files: FilesService,
    private readonly config: AppConfig,
  ) {}

  private filter(query: ArchiveQueryDto): ArchiveFilter {
    return {
      stage: query.stage ?? null,
      category: query.category ?? null,
      year: query.year ?? null,
      outcomeType: query.outcomeType ?? null,
      q: query.q?.trim() || null,
    };
  }

  async list(query: ArchiveQueryDto, locale: Locale): Promise<Page<PublicProjectSummary>> {
    const { limit, offset } = pageOf(query);
    const { rows, total } = await this.archive.list(
      this.db.manager,
      this.config.MADANG_TIMEZONE,
      this.filter(query),
      limit,
      offset,
    );
    return { items: rows.map((r) => this.summary(r, locale)), total, limit, offset };
  }

  async archiveSummary(query: ArchiveQueryDto): Promise<ArchiveSummary> {
    const s = await this.archive.summary(this.db.manager, this.config.MADANG_TIMEZONE, this.filter(query));
    const record = <K extends string>(rows: { key: string; n: number }[]) =>
      Object.fromEntries(rows.map((r) => [r.key, r.n])) as Partial<Record<K, number>>;
    return {
      projects: s.stages.reduce((sum, r) => sum + r.n, 0),
      byStage: record<ProjectStage>(s.stages),
      experimentsByVerdict: record<ExperimentVerdict | 'open'>(s.verdicts),
      outcomesByType: record<OutcomeType>(s.outcomes),
      byCategory: record<ObservationCategory>(s.categories),
      years: s.years,
    };
  }

  async page(id: string, locale: Locale): Promise<PublicProjectPage> {
    const m = this.db.manager;
    const p = await this.archive.find(m, this.config.MADANG_TIMEZONE, id);
    if (!p) throw notFound();
    const experiments = await this.experiments.ofProjects(m, [id]);
    const ids = experiments.map((e) => e.id);
    const [observations, sites, metrics, partners, milestones, outcomes, history, files, experimentFiles] =
      await Promise.all([
        this.archive.observations(m, id),
        this.experiments.sites(m, ids),
        this.experiments.metrics(m, ids),
        this.projects.partners(m, [id]),
        this.projects.milestones(m, id),
        this.parts.outcomeViews(undefined, id),
        this.archive.stageHistory(m, id),
        this.files.list(undefined, PROJECT_OWNER, id),
        Promise.all(ids.map((e) => this.files.list(undefined, EXPERIMENT_OWNER, e))),
      ]);
    const today = new Date().toISOString().slice(0, 10);
    return {
      ...this.summary(p, locale),
      problemStatement: p.problem_statement,
      resultsNote: p.results_note,
      observations: observations.map((o) => ({
        id: o.id,
        title: o.title,
        kind: o.kind as ObservationKind,
        supportCount: o.support_count,
      })),
      experiments: experiments.map((e) => {
        const own = sites.filter((s) => s.experiment_id === e.id);
        return {
          id: e.id,
          title: e.title,
          hypothesis: e.hypothesis,
          intervention: e.intervention,
          startsOn: e.starts_on,
          endsOn: e.ends_on,
          status: experimentStatus(e, today),
          verdict: e.verdict as ExperimentVerdict | null,
          lesson: e.lesson,
          sites: own.flatMap((s) => s.asset_names),
          participantCount: e.participant_count ?? fromBookings(own),
          metrics: metrics
            .filter((x) => x.experiment_id === e.id)
            .map(metricView)
            .map((x) => ({
              name: x.name,
              unit: x.unit,
              baseline: x.baseline,
              target: x.target,
              direction: x.direction,
              readings: x.readings.map((r) => ({ measuredOn: r.measuredOn, value: r.value })),
              actual: x.actual,
              targetReached: x.targetReached,
            })),
        };
      }),
      partners: partners.map((pa) => ({
        name: pa.name,
        sector: pa.sector as PartnerSector,
        status: pa.status as PartnerStatus,
        commitments: [
          ...new Set(
            pa.commitments.filter((c) => c.status !== 'withdrawn').map((c) => c.kind as CommitmentKind),
          ),
        ],
      })),
      milestones: milestones.map((ms) => ({
        title: ms.title,
        dueOn: ms.due_on,
        status: ms.status as MilestoneStatus,
      })),
      outcomes: outcomes
        .filter((o) => o.verifiedAt !== null)
        .map((o) => ({
          id: o.id,
          type: o.type,
          title: o.title,
          description: o.description,
          occurredOn: o.occurredOn,
          responsibleBody: o.responsibleBody,
          files: o.files,
        })),
      stageHistory: history.map((h) => ({
        from: h.from_stage as ProjectStage | null,
        to: h.to_stage as ProjectStage,
        at: h.changed_at.toISOString(),
        reason: h.reason,
      })),
      files: [...files, ...experimentFiles.flat()],
      resultsCsvUrl: `/api/public/labs/projects/${id}/results.csv`,
    };
  }

  /** Every metric reading of a published project as CSV (UTF-8 with BOM, for spreadsheet programs). */
  async resultsCsv(id: string): Promise<{ name: string; body: string }> {
    const m = this.db.manager;
    const p = await this.archive.find(m, this.config.MADANG_TIMEZONE, id);
    if (!p) throw notFound();
    const experiments = await this.experiments.ofProjects(m, [id]);
    const metrics = await this.experiments.metrics(
      m,
      experiments.map((e) => e.id),
    );
    const lines = [
      ['experiment', 'verdict', 'metric', 'unit', 'baseline', 'target', 'direction', 'measured_on', 'value'],
    ];
    for (const e of experiments)
      for (const x of metrics.filter((x) => x.experiment_id === e.id))
        for (const r of x.readings)
          lines.push([
            e.title,
            e.verdict ?? '',
            x.name,
            x.unit,
            x.baseline,
            x.target,
            x.direction,
            r.measured_on,
            r.value,
          ]);
    return {
      name: `living-lab-${id.slice(0, 8)}-results.csv`,
      body: `\uFEFF${lines.map((l) => l.map(cell).join(',')).join('\r\n')}\r\n`,
    };
  }

  private summary(r: ArchiveRow, locale: Locale): PublicProjectSummary {
    return {
      id: r.id,
      title: r.title,
      summary: r.summary,
      category: r.category as ObservationCategory,
      stage: r.stage as ProjectStage,
      leadName: r.lead_group_name ?? CENTRE[locale],
      year: r.year,
      publishedAt: r.published_at.toISOString(),
      experimentCount: r.experiment_count,
      verdicts: r.verdicts as ExperimentVerdict[],
      outcomeTypes: r.outcome_types as OutcomeType[],
    };
  }
}
