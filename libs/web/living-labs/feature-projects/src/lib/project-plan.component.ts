import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MILESTONE_STATUS_LABELS } from '@madang/contracts';
import { LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { FieldErrorPipe } from '@madang/web/ui';
import { injectFormSubmitter } from '@madang/web/util';
import { firstValueFrom } from 'rxjs';
import { EvidenceUploadComponent } from './evidence-upload.component';
import { ProjectSection } from './section-base';

/** Milestones with dates and status, and the project's evidence files. */
@Component({
  selector: 'app-labs-project-plan',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    EvidenceUploadComponent,
    FieldErrorPipe,
    LocalizedPipe,
    TranslatePipe,
  ],
  template: `
    @let p = project();
    <section class="section" aria-labelledby="ws-milestones">
      <h2 class="section-title" id="ws-milestones">{{ 'labs.ws.milestones' | t: lang() }}</h2>
      <ul class="rows" data-testid="ws-milestones">
        @for (m of p.milestones; track m.id) {
          <li>
            {{ m.dueOn }} · {{ m.title }}
            <span class="tag" [class.ok]="m.status === 'done'" [class.warn]="m.status === 'missed'">{{
              statusLabels[m.status] | localized: lang()
            }}</span>
            @if (p.canEdit && m.status === 'planned') {
              <button mat-button type="button" [disabled]="busy()" (click)="done(m.id)">
                {{ 'labs.ws.markDone' | t: lang() }}
              </button>
            }
          </li>
        } @empty {
          <li class="muted">{{ 'labs.none' | t: lang() }}</li>
        }
      </ul>
      @if (p.canEdit) {
        <form
          class="grid-form"
          [formGroup]="form"
          #addDir="ngForm"
          (ngSubmit)="add(addDir)"
          novalidate
          data-testid="milestone-form"
        >
          @if (submitter.error(); as message) {
            <p class="form-error wide" role="alert" tabindex="-1">{{ message }}</p>
          }
          <mat-form-field>
            <mat-label>{{ 'labs.ws.milestoneTitle' | t: lang() }}</mat-label>
            <input matInput formControlName="title" />
            <mat-error>{{ form.controls.title | fieldError: lang() }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'labs.ws.dueOn' | t: lang() }}</mat-label>
            <input matInput type="date" formControlName="dueOn" />
            <mat-error>{{ form.controls.dueOn | fieldError: lang() }}</mat-error>
          </mat-form-field>
          <div class="form-actions">
            <button mat-stroked-button type="submit" [disabled]="submitter.submitting()">
              {{ 'labs.ws.addMilestone' | t: lang() }}
            </button>
          </div>
        </form>
      }
    </section>

    <section class="section" aria-labelledby="ws-evidence">
      <h2 class="section-title" id="ws-evidence">{{ 'labs.ws.evidence' | t: lang() }}</h2>
      <ul class="rows" data-testid="ws-files">
        @for (f of p.files; track f.id) {
          <li>
            <a [href]="f.contentUrl" download>{{ f.name }}</a>
          </li>
        } @empty {
          <li class="muted">{{ 'labs.none' | t: lang() }}</li>
        }
      </ul>
      @if (p.canEdit) {
        <app-labs-evidence-upload ownerType="lab_project" [ownerId]="p.id" (uploaded)="changed.emit()" />
      }
    </section>
  `,
  styleUrl: './sections.scss',
})
export class ProjectPlanComponent extends ProjectSection {
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly statusLabels = MILESTONE_STATUS_LABELS;
  protected readonly form = this.fb.group({
    title: this.fb.control('', [Validators.required, Validators.maxLength(200)]),
    dueOn: this.fb.control('', [Validators.required]),
  });
  protected readonly submitter = injectFormSubmitter(this.form);

  protected async add(directive: FormGroupDirective): Promise<void> {
    const v = this.form.getRawValue();
    const ok = await this.submitter.submit(() =>
      firstValueFrom(this.labs.addMilestone(this.project().id, { title: v.title.trim(), dueOn: v.dueOn })),
    );
    if (!ok) return;
    directive.resetForm();
    this.changed.emit();
  }

  protected done(milestoneId: string): void {
    void this.act(() => firstValueFrom(this.labs.updateMilestone(milestoneId, { status: 'done' })));
  }
}
