import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  OUTCOME_TYPE_LABELS,
  OUTCOME_TYPES,
  PERMISSIONS,
  type OutcomeType,
  type ProjectOutcome,
} from '@madang/contracts';
import { LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { AuthService } from '@madang/web/session';
import { DateTimePipe, FieldErrorPipe } from '@madang/web/ui';
import { injectFormSubmitter } from '@madang/web/util';
import { firstValueFrom } from 'rxjs';
import { EvidenceUploadComponent } from './evidence-upload.component';
import { ProjectSection } from './section-base';

/**
 * Outcomes (a policy adopted, a service continued, a budget line...) with their evidence; a staff
 * member other than the lead and the recorder verifies each (the API and the database refuse the
 * same person; the button is offered only to someone who may).
 */
@Component({
  selector: 'app-labs-project-outcomes',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    EvidenceUploadComponent,
    DateTimePipe,
    FieldErrorPipe,
    LocalizedPipe,
    TranslatePipe,
  ],
  template: `
    @let p = project();
    <section class="section" aria-labelledby="ws-outcomes">
      <h2 class="section-title" id="ws-outcomes">{{ 'labs.ws.outcomes' | t: lang() }}</h2>
      @for (o of p.outcomes; track o.id) {
        <article class="card" data-testid="ws-outcome">
          <h3>{{ o.title }}</h3>
          <p>
            <span class="tag">{{ typeLabels[o.type] | localized: lang() }}</span>
            {{ o.occurredOn }} · {{ 'labs.ws.responsible' | t: lang() }}: {{ o.responsibleBody }}
          </p>
          <p>{{ o.description }}</p>
          <p class="muted">{{ 'labs.by' | t: lang() : { name: o.recordedBy.displayName } }}</p>
          @if (o.verifiedBy) {
            <p>
              <span class="tag ok" data-testid="outcome-verified">{{
                'labs.ws.verified' | t: lang() : { name: o.verifiedBy.displayName }
              }}</span>
              <span class="muted">{{ o.verifiedAt | dateTime: lang() }}</span>
            </p>
          } @else {
            <p>
              <span class="tag warn" data-testid="outcome-unverified">{{
                'labs.ws.unverified' | t: lang()
              }}</span>
              @if (mayVerify(o)) {
                <button
                  mat-stroked-button
                  type="button"
                  [disabled]="busy()"
                  (click)="verify(o.id)"
                  data-testid="outcome-verify"
                >
                  {{ 'labs.ws.verify' | t: lang() }}
                </button>
              }
            </p>
          }
          @for (f of o.files; track f.id) {
            <a [href]="f.contentUrl" download>{{ f.name }}</a>
          }
          @if (p.canEdit) {
            <app-labs-evidence-upload ownerType="lab_outcome" [ownerId]="o.id" (uploaded)="changed.emit()" />
          }
        </article>
      } @empty {
        <p class="muted">{{ 'labs.none' | t: lang() }}</p>
      }
      @if (p.canEdit) {
        @if (!adding()) {
          <button mat-stroked-button type="button" (click)="adding.set(true)" data-testid="ws-add-outcome">
            {{ 'labs.ws.addOutcome' | t: lang() }}
          </button>
        } @else {
          <form
            class="grid-form"
            [formGroup]="form"
            #addDir="ngForm"
            (ngSubmit)="add(addDir)"
            novalidate
            data-testid="outcome-form"
          >
            @if (submitter.error(); as message) {
              <p class="form-error wide" role="alert" tabindex="-1">{{ message }}</p>
            }
            <mat-form-field>
              <mat-label>{{ 'labs.outcomeType' | t: lang() }}</mat-label>
              <mat-select formControlName="type" data-testid="outcome-type">
                @for (t of types; track t) {
                  <mat-option [value]="t">{{ typeLabels[t] | localized: lang() }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'labs.ws.outcomeTitle' | t: lang() }}</mat-label>
              <input matInput formControlName="title" data-testid="outcome-title" />
              <mat-error>{{ form.controls.title | fieldError: lang() }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'labs.ws.occurredOn' | t: lang() }}</mat-label>
              <input matInput type="date" formControlName="occurredOn" data-testid="outcome-date" />
              <mat-error>{{ form.controls.occurredOn | fieldError: lang() }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'labs.ws.responsible' | t: lang() }}</mat-label>
              <input matInput formControlName="responsibleBody" data-testid="outcome-body" />
              <mat-error>{{ form.controls.responsibleBody | fieldError: lang() }}</mat-error>
            </mat-form-field>
            <mat-form-field class="wide">
              <mat-label>{{ 'labs.ws.description' | t: lang() }}</mat-label>
              <textarea
                matInput
                rows="2"
                formControlName="description"
                data-testid="outcome-description"
              ></textarea>
              <mat-error>{{ form.controls.description | fieldError: lang() }}</mat-error>
            </mat-form-field>
            <div class="form-actions wide">
              <button
                mat-flat-button
                type="submit"
                [disabled]="submitter.submitting()"
                data-testid="outcome-save"
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
export class ProjectOutcomesComponent extends ProjectSection {
  /** Who created the project (from its timeline): they may not verify its outcomes either. */
  readonly creatorId = input<string | null>(null);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly auth = inject(AuthService);
  protected readonly types = OUTCOME_TYPES;
  protected readonly typeLabels = OUTCOME_TYPE_LABELS;
  protected readonly adding = signal(false);
  private readonly staff = computed(() => this.auth.permissions().has(PERMISSIONS.LABS_MANAGE));
  protected readonly form = this.fb.group({
    type: this.fb.control<OutcomeType>('policy_adopted'),
    title: this.fb.control('', [Validators.required, Validators.maxLength(200)]),
    description: this.fb.control('', [Validators.required, Validators.maxLength(5000)]),
    occurredOn: this.fb.control('', [Validators.required]),
    responsibleBody: this.fb.control('', [Validators.required, Validators.maxLength(200)]),
  });
  protected readonly submitter = injectFormSubmitter(this.form);

  /** Staff, not the project's lead or creator and not whoever recorded it (the API refuses them too). */
  protected mayVerify(outcome: ProjectOutcome): boolean {
    const me = this.auth.me()?.id;
    return (
      this.staff() &&
      !!me &&
      me !== outcome.recordedBy.id &&
      me !== this.project().lead.user?.id &&
      me !== this.creatorId()
    );
  }

  protected async add(directive: FormGroupDirective): Promise<void> {
    const v = this.form.getRawValue();
    const ok = await this.submitter.submit(() =>
      firstValueFrom(
        this.labs.addOutcome(this.project().id, {
          type: v.type,
          title: v.title.trim(),
          description: v.description.trim(),
          occurredOn: v.occurredOn,
          responsibleBody: v.responsibleBody.trim(),
        }),
      ),
    );
    if (!ok) return;
    directive.resetForm();
    this.adding.set(false);
    this.changed.emit();
  }

  protected verify(outcomeId: string): void {
    void this.act(() => firstValueFrom(this.labs.verifyOutcome(outcomeId)));
  }
}
