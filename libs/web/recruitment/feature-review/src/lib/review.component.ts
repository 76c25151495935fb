import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
  untracked,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import {
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type { ReviewAssignmentDetail, RubricCriterion, SaveReviewSheetRequest } from '@madang/contracts';
import { I18nService, LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { ReviewsService } from '@madang/web/recruitment/data-access';
import { AnswersViewComponent } from '@madang/web/recruitment/ui';
import {
  applyRecruitmentProblem,
  assignmentStateKey,
  conflictKey,
  recruitmentFailure,
  ScorePipe,
} from '@madang/web/recruitment/util';
import { scoreSheet } from '@madang/review';
import { FieldErrorPipe } from '@madang/web/ui';
import { failureText, injectFormSubmitter, toProblem } from '@madang/web/util';
import { firstValueFrom, of } from 'rxjs';

type SheetForm = FormGroup<{
  scores: FormGroup<Record<string, FormControl<number | null>>>;
  comments: FormGroup<Record<string, FormControl<string>>>;
  overallComment: FormControl<string>;
}>;

/** The whole steps of a criterion's scale, lowest first, each with its label if the rubric gives one. */
function scalePoints(c: RubricCriterion): { value: number; label: string | null; ko: string | null }[] {
  const step = c.step ?? 1;
  const out: { value: number; label: string | null; ko: string | null }[] = [];
  for (let v = c.min; v <= c.max + 1e-9; v += step) {
    const value = Math.round(v * 1e4) / 1e4;
    const label = c.scaleLabels?.find((l) => l.value === value)?.label;
    out.push({ value, label: label?.en ?? null, ko: label?.ko ?? null });
  }
  return out;
}

/**
 * One review (`/recruitment/reviews/:assignmentId`): first the conflict declaration (with the
 * warnings Madang's own records raise), then the application (names hidden on blind calls) and
 * the rubric sheet; others' scores only after submitting mine.
 */
@Component({
  selector: 'app-recruitment-review',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    AnswersViewComponent,
    FieldErrorPipe,
    TranslatePipe,
    ScorePipe,
    LocalizedPipe,
  ],
  templateUrl: './review.component.html',
  styleUrl: './review.component.scss',
})
export class ReviewComponent {
  private readonly reviews = inject(ReviewsService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly stateKey = assignmentStateKey;
  protected readonly conflictKey = conflictKey;
  protected readonly points = scalePoints;

  readonly assignmentId = input.required<string>();

  /** My assignments: the summary (state, warnings) is readable before declaring. */
  private readonly mine = rxResource({ stream: () => this.reviews.mine() });
  protected readonly summary = computed(
    () => this.mine.value()?.find((a) => a.id === this.assignmentId()) ?? null,
  );
  /** The application and my sheet: only after declaring (the server refuses before). */
  private readonly loaded = rxResource({
    params: () => {
      const s = this.summary();
      return s && s.state !== 'undeclared' ? { id: s.id, state: s.state } : undefined;
    },
    stream: ({ params }) => (params ? this.reviews.assignment(params.id) : of(null)),
  });
  /** The assignment as last known: kept while a reload is under way, so the sheet is not rebuilt under the reviewer. */
  protected readonly detail = linkedSignal<
    ReviewAssignmentDetail | null | undefined,
    ReviewAssignmentDetail | null
  >({
    source: () => this.loaded.value(),
    computation: (value, previous) => value ?? previous?.value ?? null,
  });
  /** The sheet form is rebuilt only for another assignment or another state of it. */
  private readonly sheetKey = computed(() => {
    const d = this.detail();
    return d ? `${d.id}:${d.state}` : null;
  });
  protected readonly peers = rxResource({
    params: () => {
      const d = this.detail();
      return d && d.state === 'submitted' ? { id: d.id } : undefined;
    },
    stream: ({ params }) => (params ? this.reviews.peers(params.id) : of([])),
  });
  protected readonly loadError = computed(() => {
    const error = this.mine.error() ?? this.loaded.error();
    return error ? failureText(error, this.lang()) : null;
  });
  protected readonly notFound = computed(() => this.mine.hasValue() && this.summary() === null);

  protected readonly declareForm = this.fb.group({
    hasConflict: this.fb.control<boolean | null>(null, [Validators.required]),
    note: this.fb.control('', [Validators.maxLength(2000)]),
  });
  protected readonly declareSubmitter = injectFormSubmitter(this.declareForm, {
    mapProblem: applyRecruitmentProblem,
  });

  protected readonly sheet = signal<SheetForm>(this.emptySheet());
  protected readonly actionError = signal<string | null>(null);
  protected readonly busy = signal(false);
  private readonly sheetValue = signal<ReturnType<SheetForm['getRawValue']> | null>(null);

  /** The weighted total as the reviewer scores (0–100), and what is still missing. */
  protected readonly live = computed(() => {
    const d = this.detail();
    const v = this.sheetValue();
    if (!d || !v) return null;
    return scoreSheet(d.rubric, { reviewerId: 'me', ...v });
  });

  constructor() {
    effect(() => {
      this.sheetKey();
      untracked(() => this.buildSheet(this.detail()));
    });
  }

  protected async declare(): Promise<void> {
    const { hasConflict, note } = this.declareForm.getRawValue();
    let result: ReviewAssignmentDetail | null = null;
    const ok = await this.declareSubmitter.submit(async () => {
      result = await firstValueFrom(
        this.reviews.declare(this.assignmentId(), {
          hasConflict: hasConflict === true,
          ...(note.trim() ? { note: note.trim() } : {}),
        }),
      );
    });
    if (ok) {
      this.mine.reload();
      if (result) this.detail.set(result);
    }
  }

  protected scoreControl(c: RubricCriterion): FormControl<number | null> {
    return this.sheet().controls.scores.controls[c.id];
  }

  protected commentControl(c: RubricCriterion): FormControl<string> {
    return this.sheet().controls.comments.controls[c.id];
  }

  protected commentRequired(c: RubricCriterion): boolean {
    const rule = c.comment ?? { required: 'never' };
    const score = this.scoreControl(c).value;
    return (
      rule.required === 'always' || (rule.required === 'at-or-below' && score !== null && score <= rule.score)
    );
  }

  protected commentError(c: RubricCriterion): string {
    const errors = this.commentControl(c).errors;
    if (typeof errors?.['server'] === 'string') return errors['server'];
    const problem = this.live()?.problems.find((p) => p.field === `comments.${c.id}`);
    return problem ? problem.message[this.lang()] : '';
  }

  protected async save(): Promise<void> {
    await this.run(false);
  }

  protected async submit(): Promise<void> {
    const live = this.live();
    if (live && !live.ok) {
      for (const problem of live.problems) {
        const control = this.sheet().get(problem.field);
        control?.setErrors({ server: problem.message[this.lang()] });
        control?.markAsTouched();
      }
      this.actionError.set(this.i18n.t('recruitment.review.incomplete'));
      return;
    }
    await this.run(true);
  }

  private async run(submit: boolean): Promise<void> {
    const d = this.detail();
    if (!d) return;
    this.actionError.set(null);
    this.busy.set(true);
    try {
      const v = this.sheet().getRawValue();
      const request: SaveReviewSheetRequest = {
        scores: v.scores,
        comments: Object.fromEntries(Object.entries(v.comments).filter(([, text]) => text.trim() !== '')),
        overallComment: v.overallComment.trim() || null,
      };
      let updated = await firstValueFrom(this.reviews.saveSheet(d.id, request));
      if (submit) updated = await firstValueFrom(this.reviews.submit(d.id));
      this.detail.set(updated);
      this.mine.reload();
      this.snackBar.open(
        this.i18n.t(submit ? 'recruitment.review.submitted' : 'recruitment.review.saved'),
        undefined,
        {
          duration: 4000,
        },
      );
    } catch (error: unknown) {
      const problem = toProblem(error);
      applyRecruitmentProblem(this.sheet(), problem, this.lang());
      this.actionError.set(recruitmentFailure(problem, this.lang()));
    } finally {
      this.busy.set(false);
    }
  }

  private emptySheet(): SheetForm {
    return new FormGroup({
      scores: new FormGroup<Record<string, FormControl<number | null>>>({}),
      comments: new FormGroup<Record<string, FormControl<string>>>({}),
      overallComment: new FormControl('', { nonNullable: true }),
    });
  }

  private buildSheet(d: ReviewAssignmentDetail | null): void {
    const form = this.emptySheet();
    if (d) {
      const readOnly = d.state !== 'reviewing';
      for (const c of d.rubric.criteria) {
        form.controls.scores.addControl(c.id, new FormControl<number | null>(d.sheet?.scores[c.id] ?? null));
        form.controls.comments.addControl(
          c.id,
          new FormControl(d.sheet?.comments[c.id] ?? '', {
            nonNullable: true,
            validators: [Validators.maxLength(4000)],
          }),
        );
      }
      form.controls.overallComment.setValue(d.sheet?.overallComment ?? '');
      if (readOnly) form.disable();
    }
    form.valueChanges.subscribe(() => {
      if (form !== this.sheet()) return;
      this.sheetValue.set(form.getRawValue());
      if (this.live()?.ok) this.actionError.set(null);
    });
    this.sheet.set(form);
    this.sheetValue.set(form.getRawValue());
  }
}
