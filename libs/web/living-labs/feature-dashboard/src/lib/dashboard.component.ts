import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { LAB_TEAM_LABELS, LAB_TEAMS, type ResponseStatisticsView } from '@madang/contracts';
import { I18nService, LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { LabsService } from '@madang/web/living-labs/data-access';
import { formatDuration } from '@madang/web/living-labs/util';
import { DateTimePipe } from '@madang/web/ui';
import { failureText } from '@madang/web/util';
import type { ChartConfiguration } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const ON_TIME = '#2e7d32';
const LATE = '#c62828';
const OPEN_LATE = '#ef6c00';

/**
 * How fast the centre answers observations against the promise: per team and per month (answers
 * on time, late, still open and late), with a monthly chart and the observations late right now.
 */
@Component({
  selector: 'app-labs-dashboard',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    MatProgressBarModule,
    BaseChartDirective,
    DateTimePipe,
    LocalizedPipe,
    TranslatePipe,
  ],
  templateUrl: './dashboard.component.html',
  styleUrl: './dashboard.component.scss',
})
export class DashboardComponent {
  readonly from = input<string>();
  readonly to = input<string>();
  readonly team = input<string>();

  private readonly labs = inject(LabsService);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly teams = LAB_TEAMS;
  protected readonly teamLabels = LAB_TEAM_LABELS;

  protected readonly query = computed(() => ({
    from: MONTH.test(this.from() ?? '') ? this.from() : undefined,
    to: MONTH.test(this.to() ?? '') ? this.to() : undefined,
    team: LAB_TEAMS.find((t) => t === this.team()),
  }));
  protected readonly dashboard = rxResource({
    params: () => this.query(),
    stream: ({ params }) => this.labs.dashboard(params),
  });
  protected readonly loadError = computed(() =>
    this.dashboard.error() ? failureText(this.dashboard.error(), this.lang()) : null,
  );
  /** Months offered in the pickers: the twelve before this one and this one. */
  protected readonly months = (() => {
    const out: string[] = [];
    const now = new Date();
    for (let back = 23; back >= 0; back--) {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
      out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
    }
    return out;
  })();

  protected readonly monthChart = computed<ChartConfiguration<'bar'>['data']>(() => {
    const rows = this.dashboard.hasValue() ? this.dashboard.value().byMonth : [];
    return {
      labels: rows.map((r) => r.month),
      datasets: [
        {
          label: this.i18n.t('labs.dash.met'),
          data: rows.map((r) => r.answer.met),
          backgroundColor: ON_TIME,
        },
        {
          label: this.i18n.t('labs.dash.missed'),
          data: rows.map((r) => r.answer.missed),
          backgroundColor: LATE,
        },
        {
          label: this.i18n.t('labs.dash.openLate'),
          data: rows.map((r) => r.answer.openLate),
          backgroundColor: OPEN_LATE,
        },
      ],
    };
  });
  protected readonly chartOptions: ChartConfiguration<'bar'>['options'] = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
    plugins: { legend: { position: 'bottom' } },
  };

  protected share(s: ResponseStatisticsView): string {
    return s.onTimeShare === null ? '–' : `${Math.round(s.onTimeShare * 100)}%`;
  }

  protected median(s: ResponseStatisticsView): string {
    return s.medianResponseWorkingMinutes === null
      ? '–'
      : formatDuration(s.medianResponseWorkingMinutes, this.lang());
  }

  protected duration(minutes: number): string {
    return formatDuration(minutes, this.lang());
  }

  protected filter(change: Partial<Record<'from' | 'to' | 'team', string>>): void {
    const q = this.query();
    const next: Record<string, string | null> = {
      from: q.from ?? null,
      to: q.to ?? null,
      team: q.team ?? null,
    };
    for (const [key, value] of Object.entries(change)) next[key] = value ? value : null;
    void this.router.navigate([], { queryParams: next });
  }
}
