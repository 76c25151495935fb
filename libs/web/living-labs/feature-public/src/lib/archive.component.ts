import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  EXPERIMENT_VERDICT_LABELS,
  EXPERIMENT_VERDICTS,
  OBSERVATION_CATEGORIES,
  OBSERVATION_CATEGORY_LABELS,
  OUTCOME_TYPE_LABELS,
  OUTCOME_TYPES,
  PROJECT_STAGE_LABELS,
  PROJECT_STAGES,
  type ArchiveQuery,
} from '@madang/contracts';
import { I18nService, LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { PublicLabsService } from '@madang/web/living-labs/data-access';
import { LAB_PALETTE } from '@madang/web/living-labs/util';
import { PaginatorComponent } from '@madang/web/ui';
import { PageMetaService, PageState, chartLabelLines, failureText } from '@madang/web/util';
import type { ChartConfiguration } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';

const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | undefined =>
  (list as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

/**
 * The public archive of shared living-lab projects, filtered by stage, category, year and outcome
 * type (query parameters, so a filtered archive is a link), with a summary in three charts and
 * their tables. No sign-in; no browser-only API at construction.
 */
@Component({
  selector: 'app-labs-archive',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    MatProgressBarModule,
    BaseChartDirective,
    PaginatorComponent,
    LocalizedPipe,
    TranslatePipe,
  ],
  templateUrl: './archive.component.html',
  styleUrl: './archive.component.scss',
})
export class ArchiveComponent {
  readonly stage = input<string>();
  readonly category = input<string>();
  readonly year = input<string>();
  readonly outcomeType = input<string>();

  private readonly labs = inject(PublicLabsService);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly page = new PageState([10, 25, 50]);
  protected readonly stages = PROJECT_STAGES;
  protected readonly categories = OBSERVATION_CATEGORIES;
  protected readonly outcomeTypes = OUTCOME_TYPES;
  protected readonly stageLabels = PROJECT_STAGE_LABELS;
  protected readonly categoryLabels = OBSERVATION_CATEGORY_LABELS;
  protected readonly outcomeLabels = OUTCOME_TYPE_LABELS;
  protected readonly verdictLabels = EXPERIMENT_VERDICT_LABELS;

  protected readonly filters = computed<Omit<ArchiveQuery, 'limit' | 'offset'>>(() => {
    const year = Number(this.year());
    return {
      stage: oneOf(PROJECT_STAGES, this.stage()),
      category: oneOf(OBSERVATION_CATEGORIES, this.category()),
      outcomeType: oneOf(OUTCOME_TYPES, this.outcomeType()),
      year: Number.isInteger(year) && year > 2000 ? year : undefined,
    };
  });
  protected readonly filtered = computed(() => Object.values(this.filters()).some((v) => v !== undefined));
  protected readonly summary = rxResource({
    params: () => this.filters(),
    stream: ({ params }) => this.labs.summary(params),
  });
  protected readonly projects = rxResource({
    params: () => ({ ...this.filters(), ...this.page.query() }),
    stream: ({ params }) => this.labs.projects(params),
  });
  protected readonly loadError = computed(() => {
    const error = this.projects.error() ?? this.summary.error();
    return error ? failureText(error, this.lang()) : null;
  });

  protected readonly stageRows = computed(() => {
    const s = this.summary.hasValue() ? this.summary.value() : null;
    return PROJECT_STAGES.map((stage) => ({ stage, count: s?.byStage[stage] ?? 0 }));
  });
  protected readonly verdictRows = computed(() => {
    const s = this.summary.hasValue() ? this.summary.value() : null;
    return [
      ...EXPERIMENT_VERDICTS.map((v) => ({
        key: v as string,
        label: EXPERIMENT_VERDICT_LABELS[v][this.lang()],
        count: s?.experimentsByVerdict[v] ?? 0,
      })),
      { key: 'open', label: this.i18n.t('labs.archive.open'), count: s?.experimentsByVerdict.open ?? 0 },
    ];
  });
  protected readonly outcomeRows = computed(() => {
    const s = this.summary.hasValue() ? this.summary.value() : null;
    return OUTCOME_TYPES.map((type) => ({ type, count: s?.outcomesByType[type] ?? 0 }));
  });

  protected readonly stageChart = computed<ChartConfiguration<'bar'>['data']>(() => ({
    labels: this.stageRows().map((r) => PROJECT_STAGE_LABELS[r.stage][this.lang()]),
    datasets: [
      {
        label: this.i18n.t('labs.archive.projects'),
        data: this.stageRows().map((r) => r.count),
        backgroundColor: LAB_PALETTE[0],
      },
    ],
  }));
  protected readonly verdictChart = computed<ChartConfiguration<'doughnut'>['data']>(() => ({
    labels: this.verdictRows().map((r) => r.label),
    datasets: [{ data: this.verdictRows().map((r) => r.count), backgroundColor: [...LAB_PALETTE] }],
  }));
  protected readonly outcomeChart = computed<ChartConfiguration<'bar'>['data']>(() => ({
    // Beside the bars, so a long name takes two lines rather than being cut off on a phone.
    labels: this.outcomeRows().map((r) => chartLabelLines(OUTCOME_TYPE_LABELS[r.type][this.lang()])),
    datasets: [
      {
        label: this.i18n.t('labs.page.outcomes'),
        data: this.outcomeRows().map((r) => r.count),
        backgroundColor: LAB_PALETTE[1],
      },
    ],
  }));
  protected readonly barOptions: ChartConfiguration<'bar'>['options'] = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
    plugins: { legend: { display: false } },
  };
  protected readonly horizontalOptions: ChartConfiguration<'bar'>['options'] = {
    ...this.barOptions,
    indexAxis: 'y',
    scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
  };
  protected readonly doughnutOptions: ChartConfiguration<'doughnut'>['options'] = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { legend: { position: 'bottom' } },
  };

  private readonly pageMeta = inject(PageMetaService);

  constructor() {
    effect(() => {
      this.filters();
      this.page.first();
    });
    this.pageMeta.follow(() =>
      this.projects.hasValue()
        ? this.pageMeta.listPage(
            this.i18n.t('labs.archive.title'),
            this.i18n.t('labs.archive.lead'),
            this.projects.value().items.map((p) => ({ name: p.title, path: `/labs/shared/${p.id}` })),
          )
        : null,
    );
  }

  protected filter(change: Partial<Record<'stage' | 'category' | 'year' | 'outcomeType', string>>): void {
    const f = this.filters();
    const next: Record<string, string | null> = {
      stage: f.stage ?? null,
      category: f.category ?? null,
      year: f.year ? String(f.year) : null,
      outcomeType: f.outcomeType ?? null,
    };
    for (const [key, value] of Object.entries(change)) next[key] = value ? value : null;
    void this.router.navigate([], { queryParams: next });
  }

  protected clear(): void {
    void this.router.navigate([], { queryParams: {} });
  }
}
