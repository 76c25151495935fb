import { ChangeDetectionStrategy, Component, effect, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import type {
  CallDetail,
  RecruitmentTieBreak,
  RubricCriterion,
  RubricView,
  SaveRubricRequest,
} from '@madang/contracts';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { RecruitmentAdminService } from '@madang/web/recruitment/data-access';
import { applyRecruitmentProblem, fieldIdFrom } from '@madang/web/recruitment/util';
import { FieldErrorPipe } from '@madang/web/ui';
import { injectFormSubmitter } from '@madang/web/util';
import { catchError, firstValueFrom, of } from 'rxjs';

type CommentMode = 'never' | 'always' | 'at-or-below';

function criterionGroup(c: Partial<RubricCriterion>) {
  const rule = c.comment ?? { required: 'never' as const };
  return new FormGroup({
    id: new FormControl(c.id ?? '', { nonNullable: true }),
    labelKo: new FormControl(c.label?.ko ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    labelEn: new FormControl(c.label?.en ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    weight: new FormControl<number | null>(c.weight ?? 1, {
      validators: [Validators.required, Validators.min(0.01)],
    }),
    min: new FormControl<number | null>(c.min ?? 1, { validators: [Validators.required] }),
    max: new FormControl<number | null>(c.max ?? 5, { validators: [Validators.required] }),
    comment: new FormControl<CommentMode>(rule.required, { nonNullable: true }),
    commentAtOrBelow: new FormControl<number | null>(rule.required === 'at-or-below' ? rule.score : 2),
    /** One label a line: `5: 매우 우수 | Excellent`. */
    scaleLabels: new FormControl(
      (c.scaleLabels ?? []).map((l) => `${l.value}: ${l.label.ko} | ${l.label.en}`).join('\n'),
      { nonNullable: true },
    ),
  });
}
type CriterionGroup = ReturnType<typeof criterionGroup>;

function tieBreakGroup(t: RecruitmentTieBreak) {
  return new FormGroup({
    kind: new FormControl<RecruitmentTieBreak['kind']>(t.kind, { nonNullable: true }),
    criterionId: new FormControl(t.kind === 'criterion' ? t.criterionId : '', { nonNullable: true }),
    prefer: new FormControl<'higher' | 'lower'>(t.kind === 'criterion' ? t.prefer : 'higher', {
      nonNullable: true,
    }),
    seed: new FormControl(t.kind === 'lottery' ? t.seed : '', { nonNullable: true }),
  });
}
type TieBreakGroup = ReturnType<typeof tieBreakGroup>;

/**
 * The weighted rubric: criteria with weights, scales and their labels, when a comment is required;
 * an overall comment; and the declared tie-break rules, applied in order.
 */
@Component({
  selector: 'app-recruitment-rubric-editor',
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
  ],
  templateUrl: './rubric-editor.component.html',
  styleUrl: './form-builder.component.scss',
})
export class RubricEditorComponent {
  private readonly admin = inject(RecruitmentAdminService);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;

  readonly call = input.required<CallDetail>();

  /** The saved rubric; a call without one yet answers 404, which starts an empty one here. */
  protected readonly rubric = rxResource<RubricView | null, { id: string }>({
    params: () => ({ id: this.call().id }),
    stream: ({ params }) => this.admin.rubric(params.id).pipe(catchError(() => of(null))),
  });

  protected readonly form = new FormGroup({
    criteria: new FormArray<CriterionGroup>([]),
    overallCommentRequired: new FormControl(false, { nonNullable: true }),
    tieBreaks: new FormArray<TieBreakGroup>([]),
  });
  protected readonly submitter = injectFormSubmitter(this.form, { mapProblem: applyRecruitmentProblem });

  constructor() {
    effect(() => {
      if (this.rubric.isLoading()) return;
      const r = this.rubric.value();
      this.form.setControl(
        'criteria',
        new FormArray<CriterionGroup>((r?.criteria ?? [{}]).map((c) => criterionGroup(c))),
      );
      this.form.setControl(
        'tieBreaks',
        new FormArray<TieBreakGroup>(
          (r?.tieBreaks ?? [{ kind: 'earlier-submission' } as RecruitmentTieBreak]).map((t) =>
            tieBreakGroup(t),
          ),
        ),
      );
      this.form.controls.overallCommentRequired.setValue(r?.overallCommentRequired ?? false);
    });
  }

  protected get criteria(): FormArray<CriterionGroup> {
    return this.form.controls.criteria;
  }

  protected get tieBreaks(): FormArray<TieBreakGroup> {
    return this.form.controls.tieBreaks;
  }

  protected addCriterion(): void {
    this.criteria.push(criterionGroup({}));
  }

  protected addTieBreak(): void {
    this.tieBreaks.push(tieBreakGroup({ kind: 'earlier-submission' }));
  }

  protected async save(): Promise<void> {
    const request = this.toRequest();
    let saved: RubricView | null = null;
    const ok = await this.submitter.submit(async () => {
      saved = await firstValueFrom(this.admin.saveRubric(this.call().id, request));
    });
    if (ok && saved) {
      this.rubric.set(saved);
      this.snackBar.open(this.i18n.t('recruitment.rubric.saved'), undefined, { duration: 4000 });
    }
  }

  private toRequest(): SaveRubricRequest {
    const taken = new Set(this.criteria.controls.map((c) => c.controls.id.value).filter(Boolean));
    const criteria: RubricCriterion[] = this.criteria.controls.map((group) => {
      const v = group.getRawValue();
      let id = v.id;
      if (!id) {
        id = fieldIdFrom(v.labelEn, taken);
        taken.add(id);
      }
      const scaleLabels = v.scaleLabels
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => {
          const [value, rest = ''] = line.split(':');
          const [ko, en] = rest.split('|').map((part) => part.trim());
          return { value: Number(value), label: { ko: ko ?? '', en: en || ko || '' } };
        })
        .filter((l) => Number.isFinite(l.value));
      const criterion: RubricCriterion = {
        id,
        label: { ko: v.labelKo.trim(), en: v.labelEn.trim() },
        weight: v.weight ?? 1,
        min: v.min ?? 1,
        max: v.max ?? 5,
        comment:
          v.comment === 'at-or-below'
            ? { required: 'at-or-below', score: v.commentAtOrBelow ?? v.min ?? 1 }
            : { required: v.comment },
      };
      if (scaleLabels.length > 0) criterion.scaleLabels = scaleLabels;
      return criterion;
    });
    const tieBreaks: RecruitmentTieBreak[] = this.tieBreaks.controls.map((group) => {
      const t = group.getRawValue();
      if (t.kind === 'criterion') return { kind: 'criterion', criterionId: t.criterionId, prefer: t.prefer };
      if (t.kind === 'lottery') return { kind: 'lottery', seed: t.seed || this.call().id };
      return { kind: 'earlier-submission' };
    });
    return { criteria, overallCommentRequired: this.form.controls.overallCommentRequired.value, tieBreaks };
  }
}
