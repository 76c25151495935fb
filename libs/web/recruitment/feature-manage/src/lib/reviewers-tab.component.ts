import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { AssignmentView, CallDetail } from '@madang/contracts';
import { I18nService, LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { RecruitmentAdminService } from '@madang/web/recruitment/data-access';
import {
  applyRecruitmentProblem,
  assignmentStateKey,
  recruitmentFailure,
} from '@madang/web/recruitment/util';
import { FieldErrorPipe } from '@madang/web/ui';
import { failureText, injectFormSubmitter, toProblem } from '@madang/web/util';
import { firstValueFrom } from 'rxjs';

/**
 * The call's reviewers and who reviews what: the reviewer pool, balanced assignment (k reviewers
 * an application, loads even, conflicts avoided by the server), assignment by hand, and each
 * assignment with the conflicts Madang found.
 */
@Component({
  selector: 'app-recruitment-reviewers-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FieldErrorPipe,
    TranslatePipe,
    LocalizedPipe,
  ],
  templateUrl: './reviewers-tab.component.html',
  styleUrl: './applications-tab.component.scss',
})
export class ReviewersTabComponent {
  private readonly admin = inject(RecruitmentAdminService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly stateKey = assignmentStateKey;

  readonly call = input.required<CallDetail>();

  protected readonly candidates = rxResource({ stream: () => this.admin.reviewerCandidates() });
  protected readonly reviewers = rxResource({
    params: () => ({ id: this.call().id }),
    stream: ({ params }) => this.admin.reviewers(params.id),
  });
  protected readonly assignments = rxResource({
    params: () => ({ id: this.call().id }),
    stream: ({ params }) => this.admin.assignments(params.id),
  });
  protected readonly applications = rxResource({
    params: () => ({ id: this.call().id }),
    stream: ({ params }) => this.admin.applications(params.id, { state: 'submitted', limit: 100 }),
  });
  protected readonly loadError = computed(() => {
    const error = this.reviewers.error() ?? this.assignments.error();
    return error ? failureText(error, this.lang()) : null;
  });
  protected readonly groupOf = computed(
    () => new Map((this.applications.value()?.items ?? []).map((a) => [a.id, a.groupName])),
  );
  protected readonly actionError = signal<string | null>(null);

  protected readonly poolForm = this.fb.group({ userIds: this.fb.control<string[]>([]) });
  protected readonly poolSubmitter = injectFormSubmitter(this.poolForm, {
    mapProblem: applyRecruitmentProblem,
  });
  protected readonly balancedForm = this.fb.group({
    k: this.fb.control<number | null>(null, [Validators.required, Validators.min(1), Validators.max(10)]),
  });
  protected readonly balancedSubmitter = injectFormSubmitter(this.balancedForm, {
    mapProblem: applyRecruitmentProblem,
  });
  protected readonly handForm = this.fb.group({
    reviewerId: this.fb.control('', [Validators.required]),
    applicationId: this.fb.control('', [Validators.required]),
  });
  protected readonly handSubmitter = injectFormSubmitter(this.handForm, {
    mapProblem: applyRecruitmentProblem,
  });

  constructor() {
    effect(() => {
      this.poolForm.reset({ userIds: (this.reviewers.value() ?? []).map((r) => r.userId) });
    });
    effect(() => {
      this.balancedForm.reset({ k: this.call().reviewersPerApplication });
    });
  }

  protected async savePool(): Promise<void> {
    const ok = await this.poolSubmitter.submit(async () => {
      this.reviewers.set(
        await firstValueFrom(this.admin.setReviewers(this.call().id, this.poolForm.getRawValue().userIds)),
      );
    });
    if (ok) this.snackBar.open(this.i18n.t('recruitment.reviewers.saved'), undefined, { duration: 4000 });
  }

  protected async balance(): Promise<void> {
    const k = this.balancedForm.getRawValue().k ?? 1;
    const ok = await this.balancedSubmitter.submit(async () => {
      await firstValueFrom(this.admin.assignBalanced(this.call().id, { k }));
    });
    if (ok) {
      this.snackBar.open(this.i18n.t('recruitment.reviewers.assigned'), undefined, { duration: 4000 });
      this.assignments.reload();
      this.reviewers.reload();
    }
  }

  protected async assignByHand(): Promise<void> {
    const { reviewerId, applicationId } = this.handForm.getRawValue();
    const ok = await this.handSubmitter.submit(async () => {
      await firstValueFrom(this.admin.assign(this.call().id, reviewerId, applicationId));
    });
    if (ok) {
      this.snackBar.open(this.i18n.t('recruitment.reviewers.assigned'), undefined, { duration: 4000 });
      this.assignments.reload();
      this.reviewers.reload();
    }
  }

  protected async remove(a: AssignmentView): Promise<void> {
    this.actionError.set(null);
    try {
      await firstValueFrom(this.admin.unassign(a.id));
      this.assignments.reload();
      this.reviewers.reload();
    } catch (error: unknown) {
      this.actionError.set(recruitmentFailure(toProblem(error), this.lang()));
    }
  }
}
