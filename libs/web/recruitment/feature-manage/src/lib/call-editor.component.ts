import { ChangeDetectionStrategy, Component, effect, inject, input, output } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import {
  AGGREGATION_METHODS,
  CALL_KINDS,
  CALL_KIND_LABELS,
  type CallDetail,
  type CallKind,
  type CreateCallRequest,
  type RecruitmentAggregation,
} from '@madang/contracts';
import { I18nService, LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { RecruitmentAdminService } from '@madang/web/recruitment/data-access';
import { applyRecruitmentProblem, fromCentreInput, toCentreInput } from '@madang/web/recruitment/util';
import { FieldErrorPipe } from '@madang/web/ui';
import { injectFormSubmitter } from '@madang/web/util';
import { firstValueFrom } from 'rxjs';

/**
 * A call's details: kind, texts in Korean and English, eligibility, the offer (rooms or seats, term,
 * fee, deposit) and the deadline on the centre's clock. Alone at `calls/new` it creates a call; in
 * the workbench (`[call]` given) it edits that call.
 */
@Component({
  selector: 'app-recruitment-call-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FieldErrorPipe,
    TranslatePipe,
    LocalizedPipe,
  ],
  templateUrl: './call-editor.component.html',
  styleUrl: './call-editor.component.scss',
})
export class CallEditorComponent {
  private readonly admin = inject(RecruitmentAdminService);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly kinds = CALL_KINDS;
  protected readonly kindLabels = CALL_KIND_LABELS;
  protected readonly aggregations = AGGREGATION_METHODS;

  /** The call to edit; none on the new-call page. */
  readonly call = input<CallDetail | null>(null);
  readonly saved = output<CallDetail>();

  protected readonly assets = rxResource({ stream: () => this.admin.assets() });

  private readonly text = (max: number, required = true) =>
    this.fb.control(
      '',
      required ? [Validators.required, Validators.maxLength(max)] : [Validators.maxLength(max)],
    );

  protected readonly form = this.fb.group({
    kind: this.fb.control<CallKind>('residency', [Validators.required]),
    titleKo: this.text(200),
    titleEn: this.text(200),
    summaryKo: this.text(500),
    summaryEn: this.text(500),
    bodyKo: this.text(10000),
    bodyEn: this.text(10000),
    eligibilityKo: this.text(4000),
    eligibilityEn: this.text(4000),
    assetIds: this.fb.control<string[]>([]),
    seatCount: this.fb.control<number | null>(null, [Validators.min(1)]),
    places: this.fb.control<number | null>(1, [Validators.required, Validators.min(1)]),
    termStart: this.fb.control('', [Validators.required]),
    termEnd: this.fb.control('', [Validators.required]),
    monthlyFee: this.fb.control<number | null>(0, [Validators.required, Validators.min(0)]),
    deposit: this.fb.control<number | null>(0, [Validators.required, Validators.min(0)]),
    deadline: this.fb.control('', [Validators.required]),
    blind: this.fb.control(false),
    hasInterview: this.fb.control(false),
    aggregation: this.fb.control<RecruitmentAggregation>('mean'),
    reviewersPerApplication: this.fb.control<number | null>(2, [
      Validators.required,
      Validators.min(1),
      Validators.max(10),
    ]),
  });
  protected readonly submitter = injectFormSubmitter(this.form, { mapProblem: applyRecruitmentProblem });

  constructor() {
    effect(() => {
      const c = this.call();
      if (!c) return;
      this.form.reset({
        kind: c.kind,
        titleKo: c.title.ko,
        titleEn: c.title.en,
        summaryKo: c.summary.ko,
        summaryEn: c.summary.en,
        bodyKo: c.body.ko,
        bodyEn: c.body.en,
        eligibilityKo: c.eligibility.ko,
        eligibilityEn: c.eligibility.en,
        assetIds: c.offer.assetIds,
        seatCount: c.offer.seatCount,
        places: c.offer.places,
        termStart: c.offer.termStart,
        termEnd: c.offer.termEnd,
        monthlyFee: c.offer.monthlyFee,
        deposit: c.offer.deposit,
        deadline: toCentreInput(c.deadline),
        blind: c.blind,
        hasInterview: c.hasInterview,
        aggregation: c.aggregation,
        reviewersPerApplication: c.reviewersPerApplication,
      });
    });
  }

  protected async save(): Promise<void> {
    const v = this.form.getRawValue();
    const deadline = fromCentreInput(v.deadline);
    if (!deadline) {
      this.form.controls.deadline.setErrors({ required: true });
    }
    const request: CreateCallRequest = {
      kind: v.kind,
      title: { ko: v.titleKo.trim(), en: v.titleEn.trim() },
      summary: { ko: v.summaryKo.trim(), en: v.summaryEn.trim() },
      body: { ko: v.bodyKo.trim(), en: v.bodyEn.trim() },
      eligibility: { ko: v.eligibilityKo.trim(), en: v.eligibilityEn.trim() },
      offer: {
        assetIds: v.assetIds,
        seatCount: v.seatCount,
        places: v.places ?? 1,
        termStart: v.termStart,
        termEnd: v.termEnd,
        monthlyFee: v.monthlyFee ?? 0,
        deposit: v.deposit ?? 0,
      },
      deadline: deadline ?? '',
      blind: v.blind,
      hasInterview: v.hasInterview,
      aggregation: v.aggregation,
      reviewersPerApplication: v.reviewersPerApplication ?? 1,
    };
    const existing = this.call();
    let result: CallDetail | null = null;
    const ok = await this.submitter.submit(async () => {
      result = await firstValueFrom(
        existing ? this.admin.update(existing.id, request) : this.admin.create(request),
      );
    });
    if (!ok || !result) return;
    const saved: CallDetail = result;
    this.snackBar.open(this.i18n.t('recruitment.editor.saved'), undefined, { duration: 4000 });
    if (existing) this.saved.emit(saved);
    else await this.router.navigate(['/recruitment/manage/calls', saved.id]);
  }
}
