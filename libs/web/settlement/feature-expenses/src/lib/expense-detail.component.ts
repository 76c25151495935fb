import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { formatKrw } from '@madang/booking-rules';
import type { EvidenceItemView, ExpenseView } from '@madang/contracts';
import { I18nService, type MessageKey, TranslatePipe } from '@madang/web/i18n';
import { AuthService } from '@madang/web/session';
import { SettlementService } from '@madang/web/settlement/data-access';
import {
  type ExpenseAction,
  expenseActions,
  expenseStateKey,
  evidenceTypeKey,
} from '@madang/web/settlement/util';
import {
  FieldErrorPipe,
  type ReasonDialogData,
  ReasonDialogComponent,
  type ReasonDialogResult,
} from '@madang/web/ui';
import { failureText, injectFormSubmitter } from '@madang/web/util';
import { type Observable, firstValueFrom } from 'rxjs';

type Verification = 'substantive' | 'financial';

/** One expense: its facts, the state machine's next steps, two-person verification and the evidence checklist. */
@Component({
  selector: 'app-settlement-expense-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    FieldErrorPipe,
    TranslatePipe,
  ],
  templateUrl: './expense-detail.component.html',
  styleUrl: './expense-detail.component.scss',
})
export class ExpenseDetailComponent {
  /** The route's `:id`. */
  readonly id = input.required<string>();
  private readonly settlement = inject(SettlementService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);
  protected readonly stateKey = expenseStateKey;
  protected readonly typeKey = evidenceTypeKey;
  protected readonly lang = this.i18n.locale;
  protected readonly busy = signal(false);
  protected readonly actionError = signal<string | null>(null);

  protected readonly expense = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.settlement.expense(params),
  });
  protected readonly loadError = computed(() =>
    this.expense.error() ? failureText(this.expense.error(), this.lang()) : null,
  );
  protected readonly me = computed(() => this.auth.me()?.id ?? null);
  protected readonly actions = computed<ExpenseAction[]>(() =>
    this.expense.hasValue() ? expenseActions(this.expense.value()) : [],
  );
  /** Whether the signed-in person may give a verification (the API enforces the same rule). */
  protected readonly canVerify = computed(() => {
    if (!this.expense.hasValue()) return { substantive: false, financial: false };
    const e = this.expense.value();
    const me = this.me();
    const mine = e.substantiveVerifiedBy === me || e.financialVerifiedBy === me;
    const open = e.state === 'evidence_complete' && e.requestedBy !== me && !mine;
    return { substantive: open && !e.substantiveVerifiedBy, financial: open && !e.financialVerifiedBy };
  });

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly disallowForm = this.fb.group({
    amount: this.fb.control<number | null>(null, [Validators.required, Validators.min(1)]),
    reason: this.fb.control('', [Validators.required, Validators.minLength(2), Validators.maxLength(2000)]),
  });
  protected readonly disallowSubmitter = injectFormSubmitter(this.disallowForm);

  protected money(amount: number): string {
    return formatKrw(amount, this.lang());
  }

  /** Who gave a verification, as the signed-in person reads it. */
  protected who(userId: string | null): string {
    if (!userId) return this.i18n.t('settlement.verify.pending');
    if (userId === this.me()) return this.i18n.t('settlement.verify.byYou');
    return this.i18n.t('settlement.verify.byOther', { id: userId.slice(0, 8) });
  }

  protected has(action: ExpenseAction): boolean {
    return this.actions().includes(action);
  }

  protected approve(e: ExpenseView): Promise<void> {
    return this.run(this.settlement.approve(e.id), 'settlement.done.approved');
  }

  protected pay(e: ExpenseView): Promise<void> {
    return this.run(this.settlement.pay(e.id), 'settlement.done.paid');
  }

  protected verify(e: ExpenseView, kind: Verification): Promise<void> {
    return this.run(this.settlement.verify(e.id, kind), 'settlement.done.verified');
  }

  protected async reject(e: ExpenseView): Promise<void> {
    const reason = await this.askReason(
      'settlement.expense.rejectTitle',
      e.title,
      'settlement.expense.reject',
    );
    if (reason !== null) await this.run(this.settlement.reject(e.id, reason), 'settlement.done.rejected');
  }

  protected async evidenceMissing(e: ExpenseView): Promise<void> {
    const reason = await this.askReason(
      'settlement.expense.missingTitle',
      e.title,
      'settlement.expense.evidenceMissing',
    );
    if (reason !== null) await this.run(this.settlement.evidenceMissing(e.id, reason), 'settlement.saved');
  }

  protected provide(e: ExpenseView, item: EvidenceItemView): Promise<void> {
    return this.run(this.settlement.provideEvidence(e.id, item.item), 'settlement.saved');
  }

  protected async disallow(e: ExpenseView): Promise<void> {
    const { amount, reason } = this.disallowForm.getRawValue();
    const ok = await this.disallowSubmitter.submit(() =>
      firstValueFrom(this.settlement.disallow(e.id, amount ?? 0, reason.trim())),
    );
    if (ok) {
      this.disallowForm.reset();
      this.snackBar.open(this.i18n.t('settlement.done.disallowed'), undefined, { duration: 4000 });
      this.expense.reload();
    }
  }

  private async run(call: Observable<ExpenseView>, done: MessageKey): Promise<void> {
    this.busy.set(true);
    this.actionError.set(null);
    try {
      const updated = await firstValueFrom(call);
      this.expense.set(updated);
      this.snackBar.open(this.i18n.t(done), undefined, { duration: 4000 });
    } catch (error: unknown) {
      this.actionError.set(failureText(error, this.lang()));
    } finally {
      this.busy.set(false);
    }
  }

  private async askReason(title: MessageKey, message: string, confirm: MessageKey): Promise<string | null> {
    const ref = this.dialog.open<ReasonDialogComponent, ReasonDialogData, ReasonDialogResult>(
      ReasonDialogComponent,
      {
        data: {
          title: this.i18n.t(title),
          message,
          reasonLabel: this.i18n.t('settlement.reason'),
          reasonRequired: true,
          confirmLabel: this.i18n.t(confirm),
          cancelLabel: this.i18n.t('settlement.cancel'),
        },
      },
    );
    const result = await firstValueFrom(ref.afterClosed());
    return result ? result.reason : null;
  }
}
