import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { formatWonLenient } from '@madang/money';
import type { AutoMatchResult, BankImportResult, BankLineView, BankMatchTarget } from '@madang/contracts';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { SettlementService } from '@madang/web/settlement/data-access';
import { matchTargetKey } from '@madang/web/settlement/util';
import { FieldErrorPipe } from '@madang/web/ui';
import { failureText, injectFormSubmitter } from '@madang/web/util';
import { firstValueFrom } from 'rxjs';

/** The bank whose column mapping applies when none was saved yet (the demo statement's bank). */
const DEFAULT_BANK = 'nonghyup';
const MANUAL_TARGETS: readonly BankMatchTarget[] = ['expense', 'interest', 'other'];

@Component({
  selector: 'app-settlement-bank',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatProgressBarModule,
    FieldErrorPipe,
    TranslatePipe,
  ],
  templateUrl: './bank.component.html',
  styleUrl: './bank.component.scss',
})
export class BankComponent {
  private readonly settlement = inject(SettlementService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly targets = MANUAL_TARGETS;
  protected readonly targetKey = matchTargetKey;

  protected readonly mappings = rxResource({ stream: () => this.settlement.bankMappings() });
  protected readonly banks = computed(() => {
    const saved = this.mappings.hasValue() ? this.mappings.value().map((m) => m.bank) : [];
    return saved.includes(DEFAULT_BANK) ? saved : [DEFAULT_BANK, ...saved];
  });
  protected readonly lines = rxResource({ stream: () => this.settlement.bankLines({ unreconciled: true }) });
  protected readonly expenses = rxResource({ stream: () => this.settlement.expenses({ limit: 1000 }) });
  protected readonly programmes = rxResource({ stream: () => this.settlement.programmes() });
  protected readonly loadError = computed(() => {
    const error = this.lines.error();
    return error ? failureText(error, this.lang()) : null;
  });

  protected readonly importForm = this.fb.group({ bank: this.fb.control(DEFAULT_BANK, Validators.required) });
  protected readonly importSubmitter = injectFormSubmitter(this.importForm);
  protected readonly file = signal<File | null>(null);
  protected readonly imported = signal<BankImportResult | null>(null);
  protected readonly autoMatched = signal<AutoMatchResult | null>(null);
  protected readonly busy = signal(false);
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');

  /** The unreconciled line being matched by hand. */
  protected readonly matching = signal<BankLineView | null>(null);
  protected readonly matchForm = this.fb.group({
    target: this.fb.control<BankMatchTarget>('other', Validators.required),
    expenseId: this.fb.control(''),
    programmeId: this.fb.control(''),
    note: this.fb.control('', Validators.maxLength(500)),
  });
  protected readonly matchSubmitter = injectFormSubmitter(this.matchForm);
  /** Paid expenses whose amount equals the line's: the only ones the API accepts. */
  protected readonly candidates = computed(() => {
    const line = this.matching();
    if (!line || !this.expenses.hasValue()) return [];
    const amount = Math.abs(line.amount);
    return this.expenses.value().filter((e) => e.amount === amount && e.paidAt !== null);
  });

  protected money(amount: number): string {
    return formatWonLenient(amount, this.lang());
  }

  protected chooseFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.file.set(input.files?.item(0) ?? null);
    this.importSubmitter.clear();
  }

  protected async upload(): Promise<void> {
    const file = this.file();
    if (!file) {
      this.importSubmitter.fail(this.i18n.t('settlement.bank.chooseFile'));
      return;
    }
    await this.importSubmitter.submit(async () => {
      const result = await firstValueFrom(
        this.settlement.importStatement(this.importForm.getRawValue().bank, file),
      );
      this.imported.set(result);
      this.file.set(null);
      const input = this.fileInput()?.nativeElement;
      if (input) input.value = '';
      this.lines.reload();
    });
  }

  protected async autoMatch(): Promise<void> {
    this.busy.set(true);
    try {
      this.autoMatched.set(await firstValueFrom(this.settlement.autoMatch()));
      this.lines.reload();
    } catch (error: unknown) {
      this.snackBar.open(failureText(error, this.lang()), this.i18n.t('error.dismiss'), { duration: 8000 });
    } finally {
      this.busy.set(false);
    }
  }

  protected startMatch(line: BankLineView): void {
    this.matching.set(line);
    this.matchForm.reset({
      target: line.amount > 0 && /이자|interest/i.test(line.memo) ? 'interest' : 'other',
    });
    this.matchSubmitter.clear();
    // Move focus to the panel's heading so keyboard and screen-reader users land on the form.
    this.focusAfterRender('#match-heading');
  }

  protected cancelMatch(): void {
    const line = this.matching();
    this.matching.set(null);
    if (line) this.focusAfterRender(`#match-${CSS.escape(line.id)}`);
  }

  protected async match(): Promise<void> {
    const line = this.matching();
    if (!line) return;
    const { target, expenseId, programmeId, note } = this.matchForm.getRawValue();
    if (target === 'expense' && !expenseId) {
      this.matchForm.controls.expenseId.setErrors({ required: true });
    }
    if (target === 'other' && !note.trim()) {
      this.matchForm.controls.note.setErrors({ required: true });
    }
    const ok = await this.matchSubmitter.submit(() =>
      firstValueFrom(
        this.settlement.match(line.id, {
          target,
          ...(target === 'expense' ? { expenseId } : {}),
          ...(target === 'interest' && programmeId ? { programmeId } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        }),
      ),
    );
    if (ok) {
      this.matching.set(null);
      this.snackBar.open(this.i18n.t('settlement.bank.matched'), undefined, { duration: 4000 });
      this.lines.reload();
    }
  }

  private focusAfterRender(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}
