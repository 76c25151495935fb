import { ChangeDetectionStrategy, Component, effect, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import {
  OBSERVATION_CATEGORIES,
  OBSERVATION_CATEGORY_LABELS,
  type CreateProjectRequest,
  type ObservationCategory,
  type ProjectDetail,
} from '@madang/contracts';
import { I18nService, LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { LabsService } from '@madang/web/living-labs/data-access';
import { AuthService } from '@madang/web/session';
import { FieldErrorPipe } from '@madang/web/ui';
import { injectFormSubmitter } from '@madang/web/util';
import { firstValueFrom, of } from 'rxjs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Staff start a project (labs:manage), optionally from an observation (`?observationId=`): its
 * title, category and words seed the form, and its poster is told once the project exists.
 */
@Component({
  selector: 'app-labs-new-project',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    FieldErrorPipe,
    LocalizedPipe,
    TranslatePipe,
  ],
  templateUrl: './new-project.component.html',
  styleUrl: './labs-form.scss',
})
export class NewProjectComponent {
  readonly observationId = input<string>();
  private readonly labs = inject(LabsService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly lang = inject(I18nService).locale;
  protected readonly categories = OBSERVATION_CATEGORIES;
  protected readonly categoryLabels = OBSERVATION_CATEGORY_LABELS;

  protected readonly form = this.fb.group({
    title: this.fb.control('', [Validators.required, Validators.maxLength(200)]),
    summary: this.fb.control('', [Validators.required, Validators.maxLength(2000)]),
    category: this.fb.control<ObservationCategory | ''>('', [Validators.required]),
    lead: this.fb.control<'self' | 'group'>('self'),
    leadGroupId: this.fb.control(''),
    problemStatement: this.fb.control('', [Validators.maxLength(5000)]),
  });
  protected readonly submitter = injectFormSubmitter(this.form);
  protected readonly groups = rxResource({ stream: () => this.labs.groups() });
  protected readonly observation = rxResource({
    params: () => {
      const id = this.observationId();
      return id && UUID.test(id) ? id : undefined;
    },
    stream: ({ params }) => (params ? this.labs.observation(params) : of(null)),
  });

  constructor() {
    effect(() => {
      const o = this.observation.hasValue() ? this.observation.value() : null;
      if (!o || this.form.dirty) return;
      this.form.patchValue({
        title: o.title,
        category: o.category,
        summary: o.excerpt,
        problemStatement: o.body,
      });
    });
  }

  protected async submit(): Promise<void> {
    const v = this.form.getRawValue();
    const me = this.auth.me();
    if (v.lead === 'group' && !v.leadGroupId) {
      this.form.controls.leadGroupId.setErrors({ required: true });
      this.form.controls.leadGroupId.markAsTouched();
    }
    const observationId = this.observation.hasValue() ? this.observation.value()?.id : undefined;
    const request: CreateProjectRequest = {
      title: v.title.trim(),
      summary: v.summary.trim(),
      category: v.category as ObservationCategory,
      ...(v.lead === 'group' ? { leadGroupId: v.leadGroupId } : { leadUserId: me?.id }),
      ...(v.problemStatement.trim() ? { problemStatement: v.problemStatement.trim() } : {}),
      ...(observationId ? { observationIds: [observationId] } : {}),
    };
    let created: ProjectDetail | null = null;
    const ok = await this.submitter.submit(async () => {
      created = await firstValueFrom(this.labs.createProject(request));
    });
    const done = created as ProjectDetail | null;
    if (ok && done) await this.router.navigate(['/labs/projects', done.id]);
  }
}
