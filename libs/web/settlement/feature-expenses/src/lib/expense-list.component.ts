import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { formatKrw } from '@madang/booking-rules';
import { SETTLEMENT_EXPENSE_STATES, type SettlementExpenseState } from '@madang/contracts';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { SettlementService } from '@madang/web/settlement/data-access';
import { expenseStateKey } from '@madang/web/settlement/util';
import { PaginatorComponent } from '@madang/web/ui';
import { PageState, failureText } from '@madang/web/util';
import { of } from 'rxjs';

/** How many expenses one list call brings; the line and evidence filters work within them. */
const FETCH_LIMIT = 1000;

type EvidenceFilter = '' | 'complete' | 'incomplete';

const isState = (value: string | undefined): value is SettlementExpenseState =>
  (SETTLEMENT_EXPENSE_STATES as readonly string[]).includes(value ?? '');

@Component({
  selector: 'app-settlement-expense-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    MatProgressBarModule,
    PaginatorComponent,
    TranslatePipe,
  ],
  templateUrl: './expense-list.component.html',
  styleUrl: './expense-list.component.scss',
})
export class ExpenseListComponent {
  /** Query parameters (bound by the router), so a filtered list is a link. */
  readonly state = input<string>();
  readonly programmeId = input<string>();
  readonly lineId = input<string>();
  readonly evidence = input<string>();

  private readonly settlement = inject(SettlementService);
  private readonly router = inject(Router);
  protected readonly stateKey = expenseStateKey;
  protected readonly lang = inject(I18nService).locale;
  protected readonly states = SETTLEMENT_EXPENSE_STATES;
  protected readonly page = new PageState([25, 50, 100]);

  protected readonly stateFilter = computed(() => {
    const value = this.state();
    return isState(value) ? value : '';
  });
  protected readonly evidenceFilter = computed<EvidenceFilter>(() => {
    const value = this.evidence();
    return value === 'complete' || value === 'incomplete' ? value : '';
  });

  protected readonly programmes = rxResource({ stream: () => this.settlement.programmes() });
  protected readonly lines = rxResource({
    params: () => this.programmeId(),
    stream: ({ params }) => (params ? this.settlement.lines(params) : of([])),
  });
  protected readonly expenses = rxResource({
    params: () => ({ programmeId: this.programmeId() || undefined, state: this.stateFilter() || undefined }),
    stream: ({ params }) => this.settlement.expenses({ ...params, limit: FETCH_LIMIT }),
  });
  protected readonly filtered = computed(() => {
    const all = this.expenses.hasValue() ? this.expenses.value() : [];
    const line = this.lineId();
    const evidence = this.evidenceFilter();
    return all.filter(
      (e) =>
        (!line || e.budgetLineId === line) &&
        (evidence === '' || (evidence === 'complete') === e.evidenceComplete),
    );
  });
  protected readonly rows = computed(() => {
    const { limit, offset } = this.page.query();
    return this.filtered().slice(offset, offset + limit);
  });
  protected readonly truncated = computed(
    () => this.expenses.hasValue() && this.expenses.value().length >= FETCH_LIMIT,
  );
  protected readonly loadError = computed(() =>
    this.expenses.error() ? failureText(this.expenses.error(), this.lang()) : null,
  );
  protected readonly busy = signal(false);

  constructor() {
    // Back to the first page whenever a filter changes.
    effect(() => {
      this.state();
      this.programmeId();
      this.lineId();
      this.evidence();
      this.page.first();
    });
  }

  protected money(amount: number): string {
    return formatKrw(amount, this.lang());
  }

  protected filter(change: Partial<Record<'state' | 'programmeId' | 'lineId' | 'evidence', string>>): void {
    const next = {
      state: this.stateFilter(),
      programmeId: this.programmeId() ?? '',
      lineId: this.lineId() ?? '',
      evidence: this.evidenceFilter(),
      ...change,
    };
    if ('programmeId' in change) next.lineId = '';
    const queryParams: Record<string, string | null> = {};
    for (const [key, value] of Object.entries(next)) queryParams[key] = value ? value : null;
    void this.router.navigate([], { queryParams });
  }
}
