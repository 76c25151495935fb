import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { AgreementConflictView, AgreementView, CallDetail, RankingRow } from '@madang/contracts';
import { I18nService, LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { RecruitmentAdminService } from '@madang/web/recruitment/data-access';
import {
  agreementStateKey,
  applyRecruitmentProblem,
  formatInCentre,
  recruitmentFailure,
} from '@madang/web/recruitment/util';
import { DateTimePipe, FieldErrorPipe, KrwPipe } from '@madang/web/ui';
import { failureText, injectFormSubmitter, toProblem } from '@madang/web/util';
import { firstValueFrom, of } from 'rxjs';

/**
 * Agreements of the call: prepare one for a selected application, adjust its term, rooms, fee,
 * deposit, renewal and obligations, see the bookings it would collide with, and sign it (which
 * blocks the rooms, grants the privileges and schedules the rent on the server).
 */
@Component({
  selector: 'app-recruitment-agreements-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FieldErrorPipe,
    DateTimePipe,
    KrwPipe,
    TranslatePipe,
    LocalizedPipe,
  ],
  templateUrl: './agreements-tab.component.html',
  styleUrl: './applications-tab.component.scss',
})
export class AgreementsTabComponent {
  private readonly admin = inject(RecruitmentAdminService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly stateKey = agreementStateKey;

  readonly call = input.required<CallDetail>();

  protected readonly agreements = rxResource({
    params: () => ({ id: this.call().id }),
    stream: () => this.admin.agreements({ limit: 100 }),
  });
  protected readonly ranking = rxResource({
    params: () => ({ id: this.call().id }),
    stream: ({ params }) => this.admin.ranking(params.id),
  });
  protected readonly assets = rxResource({ stream: () => this.admin.assets() });
  protected readonly mine = computed(() =>
    (this.agreements.value()?.items ?? []).filter(
      (a) => a.callId === this.call().id && a.state !== 'cancelled',
    ),
  );
  /** Selected applications that have no agreement yet. */
  protected readonly waiting = computed<RankingRow[]>(() => {
    const done = new Set(this.mine().map((a) => a.applicationId));
    return (this.ranking.value()?.rows ?? []).filter(
      (r) => r.decision === 'selected' && !done.has(r.applicationId),
    );
  });
  protected readonly loadError = computed(() => {
    const error = this.agreements.error() ?? this.ranking.error();
    return error ? failureText(error, this.lang()) : null;
  });
  protected readonly assetName = computed(() => {
    const lang = this.lang();
    return new Map((this.assets.value() ?? []).map((a) => [a.id, a.name[lang]]));
  });

  protected readonly openId = signal<string | null>(null);
  protected readonly open = computed(() => this.mine().find((a) => a.id === this.openId()) ?? null);
  protected readonly conflicts = rxResource<
    AgreementConflictView[],
    { id: string | null; state: string | null }
  >({
    params: () => ({ id: this.open()?.id ?? null, state: this.open()?.state ?? null }),
    stream: ({ params }) =>
      params.id && params.state === 'draft' ? this.admin.agreementConflicts(params.id) : of([]),
  });
  protected readonly actionError = signal<string | null>(null);
  protected readonly busy = signal(false);

  protected readonly form = this.fb.group({
    termStart: this.fb.control('', [Validators.required]),
    termEnd: this.fb.control('', [Validators.required]),
    assetIds: this.fb.control<string[]>([]),
    seatCount: this.fb.control<number | null>(null, [Validators.min(1)]),
    monthlyFee: this.fb.control<number | null>(0, [Validators.required, Validators.min(0)]),
    deposit: this.fb.control<number | null>(0, [Validators.required, Validators.min(0)]),
    renewalOn: this.fb.control(''),
  });
  protected readonly submitter = injectFormSubmitter(this.form, { mapProblem: applyRecruitmentProblem });
  protected readonly obligationForm = this.fb.group({
    title: this.fb.control('', [Validators.required, Validators.maxLength(200)]),
    dueOn: this.fb.control('', [Validators.required]),
    remindDaysBefore: this.fb.control<number | null>(7, [Validators.min(0), Validators.max(90)]),
  });
  protected readonly obligationSubmitter = injectFormSubmitter(this.obligationForm, {
    mapProblem: applyRecruitmentProblem,
  });

  constructor() {
    effect(() => {
      const a = this.open();
      if (!a) return;
      this.form.reset({
        termStart: a.termStart,
        termEnd: a.termEnd,
        assetIds: a.assetIds,
        seatCount: a.seatCount,
        monthlyFee: a.monthlyFee,
        deposit: a.deposit,
        renewalOn: a.renewalOn ?? '',
      });
    });
  }

  protected when(value: string): string {
    return formatInCentre(value, this.lang());
  }

  protected rooms(a: AgreementView): string {
    return a.assetIds.map((id) => this.assetName().get(id) ?? id).join(', ');
  }

  protected async prepare(row: RankingRow): Promise<void> {
    await this.act(async () => {
      const created = await firstValueFrom(this.admin.createAgreement(row.applicationId, {}));
      this.agreements.reload();
      this.openId.set(created.id);
    });
  }

  protected async save(a: AgreementView): Promise<void> {
    const v = this.form.getRawValue();
    const ok = await this.submitter.submit(() =>
      firstValueFrom(
        this.admin.updateAgreement(a.id, {
          termStart: v.termStart,
          termEnd: v.termEnd,
          assetIds: v.assetIds,
          seatCount: v.seatCount,
          monthlyFee: v.monthlyFee ?? 0,
          deposit: v.deposit ?? 0,
          renewalOn: v.renewalOn || null,
        }),
      ),
    );
    if (ok) {
      this.snackBar.open(this.i18n.t('recruitment.agreements.saved'), undefined, { duration: 4000 });
      this.agreements.reload();
      this.conflicts.reload();
    }
  }

  protected async addObligation(a: AgreementView, directive: FormGroupDirective): Promise<void> {
    const v = this.obligationForm.getRawValue();
    const ok = await this.obligationSubmitter.submit(() =>
      firstValueFrom(
        this.admin.addObligation(a.id, {
          title: v.title.trim(),
          dueOn: v.dueOn,
          ...(v.remindDaysBefore !== null ? { remindDaysBefore: v.remindDaysBefore } : {}),
        }),
      ),
    );
    if (ok) {
      // Through the directive, so the form is no longer "submitted" and shows no errors when empty.
      directive.resetForm({ title: '', dueOn: '', remindDaysBefore: 7 });
      this.agreements.reload();
    }
  }

  protected async sign(a: AgreementView): Promise<void> {
    await this.act(async () => {
      await firstValueFrom(this.admin.sign(a.id));
      this.snackBar.open(this.i18n.t('recruitment.agreements.signed'), undefined, { duration: 5000 });
      this.agreements.reload();
    });
    this.conflicts.reload();
  }

  private async act(run: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.actionError.set(null);
    try {
      await run();
    } catch (error: unknown) {
      this.actionError.set(recruitmentFailure(toProblem(error), this.lang()));
    } finally {
      this.busy.set(false);
    }
  }
}
