import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  SELECTION_DECISIONS,
  SELECTION_DECISION_LABELS,
  type CallDetail,
  type RankingRow,
  type SelectionDecision,
} from '@madang/contracts';
import { I18nService, LocalizedPipe, type MessageKey, TranslatePipe } from '@madang/web/i18n';
import { RecruitmentAdminService } from '@madang/web/recruitment/data-access';
import { applyRecruitmentProblem, ScorePipe } from '@madang/web/recruitment/util';
import { FieldErrorPipe } from '@madang/web/ui';
import { failureText, injectFormSubmitter } from '@madang/web/util';
import type { ChartConfiguration } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';
import { catchError, firstValueFrom, of } from 'rxjs';

/** The app's chart palette (as in settlement): the spread quiet, the centre in the primary colour. */
const SPREAD_COLOUR = 'rgba(0, 105, 120, 0.25)';
const CENTRE_COLOUR = '#006978';

/**
 * The ranking: aggregate score with its spread, per-criterion figures, what decided each place
 * (score or the declared tie-break), the committee's decision with its rationale, and a chart of
 * how the applications' scores spread on each criterion.
 */
@Component({
  selector: 'app-recruitment-ranking-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    BaseChartDirective,
    FieldErrorPipe,
    TranslatePipe,
    ScorePipe,
    LocalizedPipe,
  ],
  templateUrl: './ranking-tab.component.html',
  styleUrl: './applications-tab.component.scss',
})
export class RankingTabComponent {
  private readonly admin = inject(RecruitmentAdminService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly decisions = SELECTION_DECISIONS;
  protected readonly decisionLabels = SELECTION_DECISION_LABELS;

  readonly call = input.required<CallDetail>();

  protected readonly ranking = rxResource({
    params: () => ({ id: this.call().id }),
    stream: ({ params }) => this.admin.ranking(params.id),
  });
  protected readonly rubric = rxResource({
    params: () => ({ id: this.call().id }),
    stream: ({ params }) => this.admin.rubric(params.id).pipe(catchError(() => of(null))),
  });
  protected readonly criteria = computed(() => this.rubric.value()?.criteria ?? []);
  protected readonly loadError = computed(() =>
    this.ranking.error() ? failureText(this.ranking.error(), this.lang()) : null,
  );

  /** Per criterion: the lowest and highest application aggregate as a floating bar, the mean as a point. */
  protected readonly chart = computed<ChartConfiguration<'bar'>['data'] | null>(() => {
    const rows = this.ranking.value()?.rows ?? [];
    const criteria = this.criteria();
    if (rows.length === 0 || criteria.length === 0) return null;
    const lang = this.lang();
    const spreads: [number, number][] = [];
    const means: number[] = [];
    for (const c of criteria) {
      const values = rows
        .map((r) => r.criteria[c.id]?.value)
        .filter((v): v is number => typeof v === 'number');
      spreads.push(values.length ? [Math.min(...values), Math.max(...values)] : [0, 0]);
      means.push(values.length ? values.reduce((s, v) => s + v, 0) / values.length : 0);
    }
    return {
      labels: criteria.map((c) => c.label[lang]),
      datasets: [
        {
          type: 'bar',
          label: this.i18n.t('recruitment.ranking.chartSpread'),
          data: spreads as unknown as number[],
          backgroundColor: SPREAD_COLOUR,
          borderColor: CENTRE_COLOUR,
          borderWidth: 1,
        },
        {
          type: 'line' as 'bar',
          label: this.i18n.t('recruitment.ranking.chartMean'),
          data: means,
          borderColor: CENTRE_COLOUR,
          backgroundColor: CENTRE_COLOUR,
          showLine: false,
          pointRadius: 6,
        } as ChartConfiguration<'bar'>['data']['datasets'][number],
      ],
    };
  });
  protected readonly chartOptions = computed<ChartConfiguration<'bar'>['options']>(() => ({
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { legend: { position: 'bottom' } },
    scales: { y: { beginAtZero: true } },
  }));

  protected readonly deciding = signal<RankingRow | null>(null);
  protected readonly decideForm = this.fb.group({
    decision: this.fb.control<SelectionDecision | null>(null, [Validators.required]),
    rationale: this.fb.control('', [Validators.required, Validators.maxLength(2000)]),
  });
  protected readonly decideSubmitter = injectFormSubmitter(this.decideForm, {
    mapProblem: applyRecruitmentProblem,
  });

  protected decidedByKey(row: RankingRow): MessageKey {
    return `recruitment.ranking.decidedBy.${row.decidedBy}`;
  }

  protected open(row: RankingRow): void {
    this.deciding.set(row);
    this.decideSubmitter.clear();
    this.decideForm.reset({ decision: row.decision, rationale: row.rationale ?? '' });
  }

  protected async decide(row: RankingRow): Promise<void> {
    const { decision, rationale } = this.decideForm.getRawValue();
    if (!decision) return;
    const ok = await this.decideSubmitter.submit(() =>
      firstValueFrom(this.admin.decide(row.applicationId, { decision, rationale: rationale.trim() })),
    );
    if (ok) {
      this.deciding.set(null);
      this.snackBar.open(this.i18n.t('recruitment.ranking.decided'), undefined, { duration: 4000 });
      this.ranking.reload();
    }
  }
}
