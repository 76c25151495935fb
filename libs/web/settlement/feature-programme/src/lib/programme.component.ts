import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { formatWonLenient } from '@madang/money';
import type { AmendmentView, ExecutionFigures } from '@madang/contracts';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { SettlementScopeService, SettlementService } from '@madang/web/settlement/data-access';
import {
  formatRate,
  formatWonCompact,
  rateLevel,
  sourceLabel,
  sourceName,
  amendmentStateKey,
} from '@madang/web/settlement/util';
import { type ReasonDialogData, ReasonDialogComponent, type ReasonDialogResult } from '@madang/web/ui';
import { failureText } from '@madang/web/util';
import type { ChartConfiguration } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';
import { firstValueFrom, forkJoin } from 'rxjs';

/** The app's one chart palette: amended budget in a quiet tone, execution in the primary colour. */
const AMENDED_COLOUR = '#b0bec5';
const EXECUTED_COLOUR = '#1565c0';
const SHARE_COLOURS = ['#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a'];

@Component({
  selector: 'app-settlement-programme',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, BaseChartDirective, TranslatePipe],
  templateUrl: './programme.component.html',
  styleUrl: './programme.component.scss',
})
export class ProgrammeComponent {
  /** The route's `:id`. */
  readonly id = input.required<string>();
  private readonly settlement = inject(SettlementService);
  /** Deciding amendments is operations' (`settlement:manage`); others only read. */
  protected readonly manage = inject(SettlementScopeService).all;
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18nService);
  protected readonly amendmentKey = amendmentStateKey;
  protected readonly lang = this.i18n.locale;
  protected readonly busy = signal(false);

  protected readonly data = rxResource({
    params: () => this.id(),
    stream: ({ params }) =>
      forkJoin({
        programme: this.settlement.programme(params),
        execution: this.settlement.execution(params),
        amendments: this.settlement.amendments(params),
      }),
  });
  protected readonly loadError = computed(() =>
    this.data.error() ? failureText(this.data.error(), this.lang()) : null,
  );

  protected readonly sources = computed(() =>
    this.data.hasValue() ? this.data.value().execution.bySource : [],
  );
  protected readonly categories = computed(() =>
    this.data.hasValue() ? this.data.value().execution.byCategory.filter((c) => c.level === 1) : [],
  );
  protected readonly subcategories = computed(() =>
    this.data.hasValue() ? this.data.value().execution.byCategory.filter((c) => c.level === 2) : [],
  );
  protected readonly sourceNames = computed(() => {
    const names = new Map<string, string>();
    for (const s of this.sources()) names.set(s.fundingSourceId, sourceName(s, this.lang()));
    return names;
  });
  protected readonly lineNames = computed(() => {
    const names = new Map<string, string>();
    if (this.data.hasValue())
      for (const l of this.data.value().execution.byLine) names.set(l.budgetLineId, l.name);
    return names;
  });

  protected readonly categoryChart = computed<ChartConfiguration<'bar'>['data']>(() => ({
    labels: this.categories().map((c) => c.name),
    datasets: [
      {
        label: this.i18n.t('settlement.amended'),
        data: this.categories().map((c) => c.amended),
        backgroundColor: AMENDED_COLOUR,
      },
      {
        label: this.i18n.t('settlement.executed'),
        data: this.categories().map((c) => c.executed),
        backgroundColor: EXECUTED_COLOUR,
      },
    ],
  }));
  protected readonly sourceChart = computed<ChartConfiguration<'bar'>['data']>(() => ({
    labels: this.sources().map((s) => sourceLabel(s.kind, this.lang())),
    datasets: [
      {
        label: this.i18n.t('settlement.amended'),
        data: this.sources().map((s) => s.amended),
        backgroundColor: AMENDED_COLOUR,
      },
      {
        label: this.i18n.t('settlement.executed'),
        data: this.sources().map((s) => s.executed),
        backgroundColor: EXECUTED_COLOUR,
      },
    ],
  }));
  protected readonly shareChart = computed<ChartConfiguration<'doughnut'>['data']>(() => ({
    labels: this.sources().map((s) => sourceLabel(s.kind, this.lang())),
    datasets: [{ data: this.sources().map((s) => s.amended), backgroundColor: SHARE_COLOURS }],
  }));
  protected readonly barOptions = computed<ChartConfiguration<'bar'>['options']>(() => {
    const lang = this.lang();
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { y: { beginAtZero: true, ticks: { callback: (v) => formatWonCompact(Number(v), lang) } } },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: { label: (c) => `${c.dataset.label ?? ''}: ${formatWonLenient(Number(c.raw), lang)}` },
        },
      },
    };
  });
  protected readonly doughnutOptions = computed<ChartConfiguration<'doughnut'>['options']>(() => {
    const lang = this.lang();
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { position: 'bottom' },
        tooltip: { callbacks: { label: (c) => `${c.label}: ${formatWonLenient(Number(c.raw), lang)}` } },
      },
    };
  });

  protected money(amount: number): string {
    return formatWonLenient(amount, this.lang());
  }

  protected rate(figures: ExecutionFigures): string {
    return formatRate(figures.rateBp);
  }

  protected level(figures: ExecutionFigures): string {
    return rateLevel(
      figures.rateBp,
      this.data.hasValue() ? this.data.value().programme.warnThresholdBp : 9000,
    );
  }

  protected source(kind: Parameters<typeof sourceLabel>[0]): string {
    return sourceLabel(kind, this.lang());
  }

  protected async decide(amendment: AmendmentView, decision: 'approve' | 'reject'): Promise<void> {
    let note = '';
    if (decision === 'reject') {
      const ref = this.dialog.open<ReasonDialogComponent, ReasonDialogData, ReasonDialogResult>(
        ReasonDialogComponent,
        {
          data: {
            title: this.i18n.t('settlement.amendments.rejectTitle'),
            message: amendment.reason,
            reasonLabel: this.i18n.t('settlement.reason'),
            reasonRequired: true,
            confirmLabel: this.i18n.t('settlement.amendments.reject'),
            cancelLabel: this.i18n.t('settlement.cancel'),
          },
        },
      );
      const result = await firstValueFrom(ref.afterClosed());
      if (!result) return;
      note = result.reason;
    }
    this.busy.set(true);
    try {
      await firstValueFrom(
        decision === 'approve'
          ? this.settlement.approveAmendment(amendment.id)
          : this.settlement.rejectAmendment(amendment.id, note),
      );
      this.snackBar.open(this.i18n.t('settlement.saved'), undefined, { duration: 4000 });
    } catch (error: unknown) {
      this.snackBar.open(failureText(error, this.lang()), this.i18n.t('error.dismiss'), { duration: 8000 });
    } finally {
      this.busy.set(false);
      this.data.reload();
    }
  }
}
