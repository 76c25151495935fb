import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { formatWonLenient } from '@madang/money';
import type { ExecutionFigures, FiscalPeriodView, FiscalYearView } from '@madang/contracts';
import { I18nService, type MessageKey, TranslatePipe } from '@madang/web/i18n';
import {
  type ReportFormat,
  SettlementScopeService,
  SettlementService,
} from '@madang/web/settlement/data-access';
import { expenseStateKey, formatRate, monthKey, sourceLabel } from '@madang/web/settlement/util';
import { PaginatorComponent } from '@madang/web/ui';
import { PageState, failureText } from '@madang/web/util';
import { firstValueFrom, of } from 'rxjs';

const DOWNLOADS = [
  { format: 'xlsx', label: 'settlement.report.downloadXlsx' },
  { format: 'csv', label: 'settlement.report.downloadCsv' },
  { format: 'pdf', label: 'settlement.report.downloadPdf' },
] as const satisfies readonly { format: ReportFormat; label: MessageKey }[];

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

@Component({
  selector: 'app-settlement-report',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatProgressBarModule,
    PaginatorComponent,
    TranslatePipe,
  ],
  templateUrl: './report.component.html',
  styleUrl: './report.component.scss',
})
export class ReportComponent {
  /** Query parameter: the programme to open with. */
  readonly programmeId = input<string>();
  private readonly settlement = inject(SettlementService);
  /** Closing a month is operations' (`settlement:manage`); others only read. */
  protected readonly manage = inject(SettlementScopeService).all;
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly stateKey = expenseStateKey;
  protected readonly expensePage = new PageState([25, 50, 100]);

  protected readonly programmes = rxResource({ stream: () => this.settlement.programmes() });
  protected readonly selected = signal('');
  protected readonly from = signal('');
  protected readonly to = signal('');
  protected readonly programme = computed(() =>
    this.programmes.hasValue()
      ? (this.programmes.value().find((p) => p.id === this.selected()) ?? null)
      : null,
  );
  protected readonly periodError = computed(() => {
    const from = this.from();
    const to = this.to();
    if ((from && !MONTH.test(from)) || (to && !MONTH.test(to)))
      return 'settlement.report.monthFormat' as const;
    if (from && to && from > to) return 'settlement.report.fromAfterTo' as const;
    return null;
  });
  protected readonly period = computed(() => ({
    from: this.from() || undefined,
    to: this.to() || undefined,
  }));
  protected readonly report = rxResource({
    params: () =>
      this.selected() && !this.periodError() ? { id: this.selected(), period: this.period() } : null,
    stream: ({ params }) => (params ? this.settlement.report(params.id, params.period) : of(null)),
  });
  protected readonly loadError = computed(() =>
    this.report.error() ? failureText(this.report.error(), this.lang()) : null,
  );
  protected readonly downloads = computed(() => {
    const programmeId = this.selected();
    if (!programmeId) return [];
    const period = this.period();
    return DOWNLOADS.map((d) => ({
      ...d,
      url: this.settlement.reportFileUrl(programmeId, period, d.format),
    }));
  });
  protected readonly expenseRows = computed(() => {
    const report = this.report.hasValue() ? this.report.value() : null;
    const { limit, offset } = this.expensePage.query();
    return report ? report.expenses.slice(offset, offset + limit) : [];
  });

  protected readonly years = rxResource({ stream: () => this.settlement.fiscalYears() });
  protected readonly year = computed<FiscalYearView | null>(() => {
    const p = this.programme();
    if (!p || !this.years.hasValue()) return null;
    return this.years.value().find((y) => y.year === p.year) ?? null;
  });
  protected readonly busy = signal(false);

  constructor() {
    effect(() => {
      const wanted = this.programmeId();
      const list = this.programmes.hasValue() ? this.programmes.value() : [];
      if (this.selected() || list.length === 0) return;
      this.selected.set(list.find((p) => p.id === wanted)?.id ?? list[0].id);
    });
    effect(() => {
      this.selected();
      this.period();
      this.expensePage.first();
    });
  }

  protected money(amount: number): string {
    return formatWonLenient(amount, this.lang());
  }

  protected rate(figures: ExecutionFigures): string {
    return formatRate(figures.rateBp);
  }

  protected source(kind: Parameters<typeof sourceLabel>[0]): string {
    return sourceLabel(kind, this.lang());
  }

  protected month(year: number, period: FiscalPeriodView): string {
    return monthKey(year, period.month);
  }

  protected async close(year: FiscalYearView, period: FiscalPeriodView): Promise<void> {
    this.busy.set(true);
    try {
      await firstValueFrom(this.settlement.closePeriod(year.year, period.month));
      this.snackBar.open(
        this.i18n.t('settlement.periods.closed', { month: monthKey(year.year, period.month) }),
        undefined,
        { duration: 4000 },
      );
    } catch (error: unknown) {
      this.snackBar.open(failureText(error, this.lang()), this.i18n.t('error.dismiss'), { duration: 8000 });
    } finally {
      this.busy.set(false);
      this.years.reload();
    }
  }
}
