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
import { HttpEventType } from '@angular/common/http';
import {
  type EvidenceItemView,
  type ExpenseView,
  FILE_EXTENSIONS,
  FILE_PURPOSE_MEDIA_TYPES,
  type FileInfo,
  type FileUploadResult,
} from '@madang/contracts';
import { I18nService, type MessageKey, TranslatePipe } from '@madang/web/i18n';
import { AuthService } from '@madang/web/session';
import { SettlementScopeService, SettlementService } from '@madang/web/settlement/data-access';
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
import { type Observable, firstValueFrom, last, tap } from 'rxjs';

type Verification = 'substantive' | 'financial';

/** The evidence types the file service accepts, by extension (it checks the bytes again). */
const EVIDENCE_EXTENSIONS = FILE_PURPOSE_MEDIA_TYPES.expense_evidence.flatMap(
  (type) => FILE_EXTENSIONS[type],
);
/** The file service's default cap for evidence (`FILE_MAX_BYTES_EXPENSE_EVIDENCE`); it enforces its own. */
const EVIDENCE_MAX_MB = 20;

interface Upload {
  item: string;
  name: string;
  /** 0–100, or null while the size is not known. */
  percent: number | null;
}

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
  private readonly scope = inject(SettlementScopeService);
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
  protected readonly files = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.settlement.evidenceFiles(params),
  });
  protected readonly accept = EVIDENCE_EXTENSIONS.join(',');
  protected readonly upload = signal<Upload | null>(null);
  protected readonly uploadError = signal<{ item: string; text: string } | null>(null);
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
  protected who(e: ExpenseView, userId: string | null): string {
    if (!userId) return this.i18n.t('settlement.verify.pending');
    if (userId === this.me()) return this.i18n.t('settlement.verify.byYou');
    const name = e.people[userId];
    return name ?? this.i18n.t('settlement.verify.byOther', { id: userId.slice(0, 8) });
  }

  /** Every step of the state machine is operations' (`settlement:manage`); others only attach evidence. */
  protected has(action: ExpenseAction): boolean {
    return this.scope.all() && this.actions().includes(action);
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

  /** Marks an item provided without a file (e.g. the paper original is kept), with a note. */
  protected async provide(e: ExpenseView, item: EvidenceItemView): Promise<void> {
    const note = await this.askReason(
      'settlement.evidence.markProvided',
      item.label[this.lang()],
      'settlement.evidence.markProvided',
    );
    if (note !== null)
      await this.run(this.settlement.provideEvidence(e.id, item.item, note), 'settlement.saved');
  }

  protected fileSize(bytes: number): string {
    if (bytes < 1024) return `${bytes} B`;
    if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
    return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  }

  /** The attached file a checklist item points at, if any. */
  protected fileOf(item: EvidenceItemView): FileInfo | null {
    if (!item.fileId || !this.files.hasValue()) return null;
    return this.files.value().find((f) => f.id === item.fileId) ?? null;
  }

  /** Uploads the chosen file to the expense, then marks the checklist item with it. */
  protected async attach(e: ExpenseView, item: EvidenceItemView, input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.uploadError.set(null);
    const name = file.name;
    const lower = name.toLowerCase();
    if (!EVIDENCE_EXTENSIONS.some((ext) => lower.endsWith(ext))) {
      this.uploadError.set({ item: item.item, text: this.i18n.t('settlement.files.badType', { name }) });
      return;
    }
    if (file.size > EVIDENCE_MAX_MB * 1024 * 1024) {
      this.uploadError.set({
        item: item.item,
        text: this.i18n.t('settlement.files.tooLarge', { name, max: EVIDENCE_MAX_MB }),
      });
      return;
    }
    this.upload.set({ item: item.item, name, percent: 0 });
    try {
      const done = await firstValueFrom(
        this.settlement.uploadEvidenceFile(e.id, file).pipe(
          tap((event) => {
            if (event.type === HttpEventType.UploadProgress)
              this.upload.set({
                item: item.item,
                name,
                percent: event.total ? Math.round((100 * event.loaded) / event.total) : null,
              });
          }),
          last(),
        ),
      );
      if (done.type !== HttpEventType.Response || !done.body) throw new Error('upload without a response');
      const uploaded: FileUploadResult = done.body;
      const updated = await firstValueFrom(this.settlement.attachEvidence(e.id, item.item, uploaded.id));
      this.expense.set(updated);
      this.files.reload();
      this.snackBar.open(this.i18n.t('settlement.files.done', { name }), undefined, { duration: 4000 });
    } catch (error: unknown) {
      this.uploadError.set({ item: item.item, text: failureText(error, this.lang()) });
      this.files.reload();
    } finally {
      this.upload.set(null);
    }
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
