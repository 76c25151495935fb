import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { EXPERIMENT_VERDICT_LABELS, type ExperimentDetail, type ExperimentStatus } from '@madang/contracts';
import { LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { FieldErrorPipe } from '@madang/web/ui';
import { injectFormSubmitter } from '@madang/web/util';
import { firstValueFrom } from 'rxjs';
import { ProjectSection } from './section-base';

/** The project's experiments and adding one (then opening it to book sites and add metrics). */
@Component({
  selector: 'app-labs-project-experiments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    FieldErrorPipe,
    LocalizedPipe,
    TranslatePipe,
  ],
  template: `
    @let p = project();
    <section class="section" aria-labelledby="ws-experiments">
      <h2 class="section-title" id="ws-experiments">{{ 'labs.ws.experiments' | t: lang() }}</h2>
      @for (e of p.experiments; track e.id) {
        <article class="card" data-testid="ws-experiment">
          <h3>
            <a [routerLink]="['/labs/experiments', e.id]">{{ e.title }}</a>
          </h3>
          <p class="muted">
            {{ statusKey(e.status) | t: lang() }} · {{ e.startsOn }} – {{ e.endsOn }}
            @if (e.verdict) {
              · <strong>{{ verdictLabels[e.verdict] | localized: lang() }}</strong>
            }
          </p>
          <p>{{ e.hypothesis }}</p>
        </article>
      } @empty {
        <p class="muted">{{ 'labs.none' | t: lang() }}</p>
      }
      @if (p.canEdit) {
        @if (!adding()) {
          <button mat-stroked-button type="button" (click)="adding.set(true)" data-testid="ws-add-experiment">
            {{ 'labs.ws.addExperiment' | t: lang() }}
          </button>
        } @else {
          <form
            class="grid-form"
            [formGroup]="form"
            (ngSubmit)="add()"
            novalidate
            data-testid="experiment-form"
          >
            @if (submitter.error(); as message) {
              <p class="form-error wide" role="alert" tabindex="-1">{{ message }}</p>
            }
            <mat-form-field class="wide">
              <mat-label>{{ 'labs.exp.titleField' | t: lang() }}</mat-label>
              <input matInput formControlName="title" data-testid="exp-title" />
              <mat-error>{{ form.controls.title | fieldError: lang() }}</mat-error>
            </mat-form-field>
            <mat-form-field class="wide">
              <mat-label>{{ 'labs.page.hypothesis' | t: lang() }}</mat-label>
              <textarea
                matInput
                rows="2"
                formControlName="hypothesis"
                data-testid="exp-hypothesis"
              ></textarea>
              <mat-error>{{ form.controls.hypothesis | fieldError: lang() }}</mat-error>
            </mat-form-field>
            <mat-form-field class="wide">
              <mat-label>{{ 'labs.page.intervention' | t: lang() }}</mat-label>
              <textarea
                matInput
                rows="2"
                formControlName="intervention"
                data-testid="exp-intervention"
              ></textarea>
              <mat-error>{{ form.controls.intervention | fieldError: lang() }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'labs.exp.startsOn' | t: lang() }}</mat-label>
              <input matInput type="date" formControlName="startsOn" data-testid="exp-starts" />
              <mat-error>{{ form.controls.startsOn | fieldError: lang() }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'labs.exp.endsOn' | t: lang() }}</mat-label>
              <input matInput type="date" formControlName="endsOn" data-testid="exp-ends" />
              <mat-error>{{ form.controls.endsOn | fieldError: lang() }}</mat-error>
            </mat-form-field>
            <div class="form-actions wide">
              <button
                mat-flat-button
                type="submit"
                [disabled]="submitter.submitting()"
                data-testid="exp-save"
              >
                {{ 'labs.save' | t: lang() }}
              </button>
              <button mat-button type="button" (click)="adding.set(false)">
                {{ 'labs.cancel' | t: lang() }}
              </button>
            </div>
          </form>
        }
      }
    </section>
  `,
  styleUrl: './sections.scss',
})
export class ProjectExperimentsComponent extends ProjectSection {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly router = inject(Router);
  protected readonly verdictLabels = EXPERIMENT_VERDICT_LABELS;
  protected readonly adding = signal(false);
  protected readonly form = this.fb.group({
    title: this.fb.control('', [Validators.required, Validators.maxLength(200)]),
    hypothesis: this.fb.control('', [Validators.required, Validators.maxLength(5000)]),
    intervention: this.fb.control('', [Validators.required, Validators.maxLength(5000)]),
    startsOn: this.fb.control('', [Validators.required]),
    endsOn: this.fb.control('', [Validators.required]),
  });
  protected readonly submitter = injectFormSubmitter(this.form);

  protected statusKey(
    status: ExperimentStatus,
  ): 'labs.exp.planned' | 'labs.exp.running' | 'labs.exp.concluded' {
    return status === 'planned'
      ? 'labs.exp.planned'
      : status === 'running'
        ? 'labs.exp.running'
        : 'labs.exp.concluded';
  }

  protected async add(): Promise<void> {
    const v = this.form.getRawValue();
    let created: ExperimentDetail | null = null;
    const ok = await this.submitter.submit(async () => {
      created = await firstValueFrom(
        this.labs.addExperiment(this.project().id, {
          title: v.title.trim(),
          hypothesis: v.hypothesis.trim(),
          intervention: v.intervention.trim(),
          startsOn: v.startsOn,
          endsOn: v.endsOn,
        }),
      );
    });
    const done = created as ExperimentDetail | null;
    if (ok && done) await this.router.navigate(['/labs/experiments', done.id]);
  }
}
