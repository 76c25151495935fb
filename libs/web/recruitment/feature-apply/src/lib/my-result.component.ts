import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { SELECTION_DECISION_LABELS, type ApplicantResultView } from '@madang/contracts';
import { I18nService, LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { ApplicationsService } from '@madang/web/recruitment/data-access';
import { applyRecruitmentProblem, objectionStateKey, ScorePipe } from '@madang/web/recruitment/util';
import { FieldErrorPipe } from '@madang/web/ui';
import { injectFormSubmitter } from '@madang/web/util';
import { firstValueFrom } from 'rxjs';

/**
 * My result in a call, once published (on my application's page): the decision, rank and score, the
 * score per criterion with its spread, the reviewers' comments, my objections with their answers, and
 * the form to object while the objection window is open (one open objection at a time).
 */
@Component({
  selector: 'app-recruitment-my-result',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    FieldErrorPipe,
    TranslatePipe,
    LocalizedPipe,
    ScorePipe,
  ],
  templateUrl: './my-result.component.html',
  styleUrl: './my-result.component.scss',
})
export class MyResultComponent {
  private readonly service = inject(ApplicationsService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly decisions = SELECTION_DECISION_LABELS;
  protected readonly objectionKey = objectionStateKey;

  readonly result = input.required<ApplicantResultView>();
  readonly applicationId = input.required<string>();
  /** An objection was filed: the result (with it) should be read again. */
  readonly objected = output<void>();

  /** Filed just now: the form goes away until the answer. */
  protected readonly objectionSent = signal(false);
  protected readonly objectionForm = this.fb.group({
    reasons: this.fb.control('', [Validators.required, Validators.maxLength(4000)]),
  });
  protected readonly objectionSubmitter = injectFormSubmitter(this.objectionForm, {
    mapProblem: applyRecruitmentProblem,
  });

  protected hasOpenObjection(r: ApplicantResultView): boolean {
    return r.objections.some((o) => o.state === 'filed');
  }

  protected async object(): Promise<void> {
    const reasons = this.objectionForm.getRawValue().reasons.trim();
    const ok = await this.objectionSubmitter.submit(() =>
      firstValueFrom(this.service.object(this.applicationId(), { reasons })),
    );
    if (ok) {
      this.objectionSent.set(true);
      this.objectionForm.reset();
      this.snackBar.open(this.i18n.t('recruitment.result.objectionFiled'), undefined, { duration: 5000 });
      this.objected.emit();
    }
  }
}
