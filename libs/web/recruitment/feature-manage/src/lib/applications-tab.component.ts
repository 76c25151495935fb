import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  ELIGIBILITY_STATES,
  type ApplicationDetail,
  type CallDetail,
  type EligibilityState,
} from '@madang/contracts';
import { I18nService, LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { ApplicationsService, RecruitmentAdminService } from '@madang/web/recruitment/data-access';
import { AnswersViewComponent } from '@madang/web/recruitment/ui';
import {
  applicationStateKey,
  applyRecruitmentProblem,
  eligibilityKey,
  formatInCentre,
  fromCentreInput,
  supplementStateKey,
} from '@madang/web/recruitment/util';
import { FieldErrorPipe, PaginatorComponent } from '@madang/web/ui';
import { PageState, failureText, injectFormSubmitter } from '@madang/web/util';
import { firstValueFrom, of } from 'rxjs';

/**
 * The call's applications: the list (by screening state), one application's answers, eligibility
 * screening with reasons the applicant sees, and a supplement request naming the fields to fix.
 */
@Component({
  selector: 'app-recruitment-applications-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    AnswersViewComponent,
    FieldErrorPipe,
    PaginatorComponent,
    TranslatePipe,
    LocalizedPipe,
  ],
  templateUrl: './applications-tab.component.html',
  styleUrl: './applications-tab.component.scss',
})
export class ApplicationsTabComponent {
  private readonly admin = inject(RecruitmentAdminService);
  private readonly files = inject(ApplicationsService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly stateKey = applicationStateKey;
  protected readonly eligibilityKey = eligibilityKey;
  protected readonly supplementKey = supplementStateKey;
  protected readonly eligibilities = ELIGIBILITY_STATES;

  readonly call = input.required<CallDetail>();

  protected readonly page = new PageState([25, 50, 100]);
  protected readonly eligibility = signal<EligibilityState | null>(null);
  protected readonly list = rxResource({
    params: () => ({
      id: this.call().id,
      ...this.page.query(),
      state: 'submitted' as const,
      eligibility: this.eligibility() ?? undefined,
    }),
    stream: ({ params }) => {
      const { id, ...query } = params;
      return this.admin.applications(id, query);
    },
  });
  protected readonly selectedId = signal<string | null>(null);
  protected readonly selected = rxResource<ApplicationDetail | null, { id: string | null }>({
    params: () => ({ id: this.selectedId() }),
    stream: ({ params }) => (params.id ? this.admin.application(params.id) : of(null)),
  });
  protected readonly selectedFiles = rxResource({
    params: () => ({ id: this.selectedId() }),
    stream: ({ params }) => (params.id ? this.files.files(params.id) : of([])),
  });
  protected readonly loadError = computed(() =>
    this.list.error() ? failureText(this.list.error(), this.lang()) : null,
  );
  protected readonly fields = computed(() =>
    (this.selected.value()?.form.sections ?? []).flatMap((s) => s.fields),
  );

  protected readonly screenForm = this.fb.group({
    eligible: this.fb.control<boolean | null>(null, [Validators.required]),
    reasons: this.fb.control('', [Validators.maxLength(2000)]),
  });
  protected readonly screenSubmitter = injectFormSubmitter(this.screenForm, {
    mapProblem: applyRecruitmentProblem,
  });

  protected readonly supplementForm = this.fb.group({
    fieldIds: this.fb.control<string[]>([], [Validators.required]),
    message: this.fb.control('', [Validators.required, Validators.maxLength(2000)]),
    dueAt: this.fb.control('', [Validators.required]),
  });
  protected readonly supplementSubmitter = injectFormSubmitter(this.supplementForm, {
    mapProblem: applyRecruitmentProblem,
  });

  constructor() {
    effect(() => {
      const a = this.selected.value();
      this.screenForm.reset({
        eligible: a && a.eligibility !== 'pending' ? a.eligibility === 'eligible' : null,
        reasons: a?.eligibilityReasons.join('\n') ?? '',
      });
      this.supplementForm.reset({ fieldIds: [], message: '', dueAt: '' });
    });
  }

  protected when(value: string | null): string {
    return value ? formatInCentre(value, this.lang()) : '';
  }

  protected open(id: string): void {
    this.selectedId.set(id);
  }

  protected async screen(a: ApplicationDetail): Promise<void> {
    const { eligible, reasons } = this.screenForm.getRawValue();
    const list = reasons
      .split('\n')
      .map((r) => r.trim())
      .filter(Boolean);
    if (eligible === false && list.length === 0) {
      this.screenForm.controls.reasons.setErrors({ required: true });
      this.screenForm.controls.reasons.markAsTouched();
    }
    const ok = await this.screenSubmitter.submit(async () => {
      this.selected.set(
        await firstValueFrom(this.admin.screen(a.id, { eligible: eligible === true, reasons: list })),
      );
    });
    if (ok) {
      this.snackBar.open(this.i18n.t('recruitment.screening.saved'), undefined, { duration: 4000 });
      this.list.reload();
    }
  }

  protected async requestSupplement(a: ApplicationDetail): Promise<void> {
    const v = this.supplementForm.getRawValue();
    const dueAt = fromCentreInput(v.dueAt);
    const ok = await this.supplementSubmitter.submit(async () => {
      await firstValueFrom(
        this.admin.requestSupplement(a.id, {
          fieldIds: v.fieldIds,
          message: v.message.trim(),
          dueAt: dueAt ?? v.dueAt,
        }),
      );
    });
    if (ok) {
      this.snackBar.open(this.i18n.t('recruitment.supplementRequest.sent'), undefined, { duration: 4000 });
      this.selected.reload();
    }
  }
}
