import { ChangeDetectionStrategy, Component, computed, effect, inject } from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { formatKrw } from '@madang/booking-rules';
import { type CreateExpenseRequest, type ExpenseCreated, SETTLEMENT_EVIDENCE_TYPES } from '@madang/contracts';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { SettlementService } from '@madang/web/settlement/data-access';
import { evidenceTypeKey, guardrail, parseWon, sourceName, splitByShares } from '@madang/web/settlement/util';
import { FieldErrorPipe } from '@madang/web/ui';
import { injectFormSubmitter } from '@madang/web/util';
import { firstValueFrom, of } from 'rxjs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * 품의: request an expense on a budget line of a programme the user may see (operations, an
 * approver of the programme, a manager of its lead group). Shows the line's remaining amended
 * budget, the split by funding source and the guardrail before sending; then opens the expense,
 * where the evidence is attached.
 */
@Component({
  selector: 'app-settlement-expense-request',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FieldErrorPipe,
    TranslatePipe,
  ],
  templateUrl: './expense-request.component.html',
  styleUrl: './expense-request.component.scss',
})
export class ExpenseRequestComponent {
  private readonly settlement = inject(SettlementService);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly evidenceTypes = SETTLEMENT_EVIDENCE_TYPES;
  protected readonly typeKey = evidenceTypeKey;

  protected readonly form = this.fb.group({
    programmeId: this.fb.control('', [Validators.required]),
    budgetLineId: this.fb.control('', [Validators.required]),
    title: this.fb.control('', [Validators.required, Validators.maxLength(200)]),
    amount: this.fb.control('', [Validators.required, Validators.pattern(/^[\d,\s]*[1-9][\d,\s]*$/)]),
    expenseDate: this.fb.control(today(), [Validators.required]),
    payeeName: this.fb.control('', [Validators.required, Validators.maxLength(200)]),
    payeeAccount: this.fb.control('', [Validators.maxLength(100)]),
    evidenceType: this.fb.control<(typeof SETTLEMENT_EVIDENCE_TYPES)[number]>('e_tax_invoice', [
      Validators.required,
    ]),
    bookingId: this.fb.control('', [Validators.pattern(UUID)]),
    projectId: this.fb.control('', [Validators.pattern(UUID)]),
  });
  protected readonly submitter = injectFormSubmitter(this.form);
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });

  protected readonly programmes = rxResource({ stream: () => this.settlement.programmes() });
  private readonly programmeId = computed(() => this.value().programmeId ?? '');
  protected readonly programme = computed(() =>
    this.programmes.hasValue()
      ? (this.programmes.value().find((p) => p.id === this.programmeId()) ?? null)
      : null,
  );
  protected readonly lines = rxResource({
    params: () => this.programmeId() || null,
    stream: ({ params }) => (params ? this.settlement.lines(params) : of([])),
  });
  protected readonly line = computed(() => {
    const wanted = this.value().budgetLineId;
    return this.lines.hasValue() ? (this.lines.value().find((l) => l.id === wanted) ?? null) : null;
  });
  protected readonly amount = computed(() => parseWon(this.value().amount ?? '') ?? 0);
  protected readonly remaining = computed(() => {
    const line = this.line();
    return line ? line.amended - line.committed : null;
  });
  protected readonly split = computed(() => {
    const line = this.line();
    const programme = this.programme();
    if (!line || !programme) return [];
    return splitByShares(this.amount(), line.bySource).map((part) => {
      const source = programme.sources.find((s) => s.id === part.fundingSourceId);
      return {
        ...part,
        label: source ? sourceName(source, this.lang()) : part.fundingSourceId,
      };
    });
  });
  protected readonly guard = computed(() => {
    const line = this.line();
    const programme = this.programme();
    return line && programme ? guardrail(this.amount(), line, programme) : 'ok';
  });
  protected readonly transfer = computed(() => this.value().evidenceType !== 'card_slip');

  constructor() {
    // The first programme the user may see, once the list is in.
    effect(() => {
      const list = this.programmes.hasValue() ? this.programmes.value() : [];
      if (list.length > 0 && !this.form.controls.programmeId.value)
        this.form.controls.programmeId.setValue(list[0].id);
    });
    // A new programme: its lines are other lines.
    this.form.controls.programmeId.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.budgetLineId.setValue(''));
  }

  protected money(amount: number): string {
    return formatKrw(amount, this.lang());
  }

  /** Groups the digits as they are typed, keeping the caret at the end. */
  protected formatAmount(): void {
    const control = this.form.controls.amount;
    const parsed = parseWon(control.value);
    if (parsed !== null) {
      const grouped = parsed.toLocaleString('en-US');
      if (grouped !== control.value) control.setValue(grouped);
    }
  }

  protected async submit(): Promise<void> {
    const v = this.form.getRawValue();
    const request: CreateExpenseRequest = {
      budgetLineId: v.budgetLineId,
      title: v.title.trim(),
      amount: parseWon(v.amount) ?? 0,
      expenseDate: v.expenseDate,
      payeeName: v.payeeName.trim(),
      evidenceType: v.evidenceType,
      ...(v.payeeAccount.trim() ? { payeeAccount: v.payeeAccount.trim() } : {}),
      ...(v.bookingId.trim() ? { bookingId: v.bookingId.trim() } : {}),
      ...(v.projectId.trim() ? { projectId: v.projectId.trim() } : {}),
    };
    let created: ExpenseCreated | null = null;
    const ok = await this.submitter.submit(async () => {
      created = await firstValueFrom(this.settlement.requestExpense(request));
    });
    const done = created as ExpenseCreated | null;
    if (!ok || !done) return;
    this.snackBar.open(
      done.warning ? done.warning.message : this.i18n.t('settlement.request.done'),
      this.i18n.t('error.dismiss'),
      { duration: done.warning ? 10_000 : 4000 },
    );
    await this.router.navigate(['/settlement/expenses', done.expense.id]);
  }
}
