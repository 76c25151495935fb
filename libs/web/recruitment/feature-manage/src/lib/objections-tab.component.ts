import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { CallDetail, ObjectionView } from '@madang/contracts';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { RecruitmentAdminService } from '@madang/web/recruitment/data-access';
import { applyRecruitmentProblem, formatInCentre, objectionStateKey } from '@madang/web/recruitment/util';
import { FieldErrorPipe } from '@madang/web/ui';
import { failureText, injectFormSubmitter } from '@madang/web/util';
import { firstValueFrom } from 'rxjs';

/** Objections filed in the window, each answered by staff (upheld or dismissed, with the answer). */
@Component({
  selector: 'app-recruitment-objections-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    FieldErrorPipe,
    TranslatePipe,
  ],
  template: `
    @if (loadError(); as message) {
      <p class="form-error" role="alert">{{ message }}</p>
    }
    <ul class="objections" data-testid="objections">
      @for (o of objections.value() ?? []; track o.id) {
        <li [attr.data-testid]="'objection-' + o.id">
          <p>
            <strong>{{ o.groupName }}</strong> · {{ when(o.createdAt) }} ·
            <span class="chip" [attr.data-testid]="'objection-state-' + o.id">{{
              stateKey(o.state) | t: lang()
            }}</span>
          </p>
          <p class="prose">{{ o.reasons }}</p>
          @if (o.answer) {
            <p class="answer">
              <strong>{{ 'recruitment.result.answer' | t: lang() }}</strong> {{ o.answer }}
            </p>
          } @else if (answering()?.id === o.id) {
            <form class="stack" [formGroup]="form" (ngSubmit)="answer(o)" novalidate>
              @if (submitter.error(); as message) {
                <p class="form-error" role="alert" tabindex="-1">{{ message }}</p>
              }
              <fieldset class="radio-fieldset">
                <legend>{{ 'recruitment.objections.outcome' | t: lang() }}</legend>
                <mat-radio-group formControlName="outcome" class="radios">
                  <mat-radio-button value="upheld" data-testid="objection-upheld">{{
                    'recruitment.objection.upheld' | t: lang()
                  }}</mat-radio-button>
                  <mat-radio-button value="dismissed" data-testid="objection-dismissed">{{
                    'recruitment.objection.dismissed' | t: lang()
                  }}</mat-radio-button>
                </mat-radio-group>
                @if (form.controls.outcome.invalid && form.controls.outcome.touched) {
                  <p class="field-error">{{ form.controls.outcome | fieldError: lang() }}</p>
                }
              </fieldset>
              <mat-form-field>
                <mat-label>{{ 'recruitment.objections.answer' | t: lang() }}</mat-label>
                <textarea
                  matInput
                  rows="3"
                  formControlName="answer"
                  data-testid="objection-answer"
                ></textarea>
                <mat-error>{{ form.controls.answer | fieldError: lang() }}</mat-error>
              </mat-form-field>
              <p class="form-actions">
                <button
                  mat-flat-button
                  type="submit"
                  [disabled]="submitter.submitting()"
                  data-testid="objection-answer-submit"
                >
                  {{ 'recruitment.objections.send' | t: lang() }}
                </button>
                <button mat-button type="button" (click)="answering.set(null)">
                  {{ 'recruitment.cancel' | t: lang() }}
                </button>
              </p>
            </form>
          } @else {
            <button mat-stroked-button type="button" (click)="open(o)" [attr.data-testid]="'answer-' + o.id">
              {{ 'recruitment.objections.answerIt' | t: lang() }}
            </button>
          }
        </li>
      } @empty {
        @if (objections.hasValue()) {
          <li class="empty-state">{{ 'recruitment.objections.none' | t: lang() }}</li>
        }
      }
    </ul>
  `,
  styles: `
    .objections {
      list-style: none;
      margin: 0;
      padding: 0;
      max-width: 760px;
    }
    .objections > li:not(.empty-state) {
      padding: 12px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .prose {
      white-space: pre-line;
    }
    .radios {
      display: flex;
      gap: 16px;
    }
  `,
})
export class ObjectionsTabComponent {
  private readonly admin = inject(RecruitmentAdminService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly stateKey = objectionStateKey;

  readonly call = input.required<CallDetail>();

  protected readonly objections = rxResource({
    params: () => ({ id: this.call().id }),
    stream: ({ params }) => this.admin.objections(params.id),
  });
  protected readonly loadError = computed(() =>
    this.objections.error() ? failureText(this.objections.error(), this.lang()) : null,
  );
  protected readonly answering = signal<ObjectionView | null>(null);
  protected readonly form = this.fb.group({
    outcome: this.fb.control<'upheld' | 'dismissed' | null>(null, [Validators.required]),
    answer: this.fb.control('', [Validators.required, Validators.maxLength(4000)]),
  });
  protected readonly submitter = injectFormSubmitter(this.form, { mapProblem: applyRecruitmentProblem });

  protected when(value: string): string {
    return formatInCentre(value, this.lang());
  }

  protected open(o: ObjectionView): void {
    this.answering.set(o);
    this.submitter.clear();
    this.form.reset({ outcome: null, answer: '' });
  }

  protected async answer(o: ObjectionView): Promise<void> {
    const { outcome, answer } = this.form.getRawValue();
    if (!outcome) {
      this.form.markAllAsTouched();
      return;
    }
    const ok = await this.submitter.submit(() =>
      firstValueFrom(this.admin.answerObjection(o.id, { outcome, answer: answer.trim() })),
    );
    if (ok) {
      this.answering.set(null);
      this.snackBar.open(this.i18n.t('recruitment.objections.sent'), undefined, { duration: 4000 });
      this.objections.reload();
    }
  }
}
