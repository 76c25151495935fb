import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import {
  FILE_EXTENSIONS,
  FILE_PURPOSE_MEDIA_TYPES,
  OBSERVATION_CATEGORIES,
  OBSERVATION_CATEGORY_LABELS,
  OBSERVATION_KIND_LABELS,
  OBSERVATION_KINDS,
  type CreateObservationRequest,
  type ObservationCategory,
  type ObservationDetail,
  type ObservationKind,
  type ResponseTargetView,
} from '@madang/contracts';
import { I18nService, LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { LabsService, PublicLabsService } from '@madang/web/living-labs/data-access';
import { FieldErrorPipe } from '@madang/web/ui';
import { failureText, injectFormSubmitter } from '@madang/web/util';
import { firstValueFrom, lastValueFrom, tap } from 'rxjs';

/** One chosen file and how far its upload has come. */
interface Upload {
  file: File;
  percent: number;
  state: 'waiting' | 'uploading' | 'done' | 'failed';
  error: string | null;
}

const ACCEPT = [
  ...new Set([...FILE_PURPOSE_MEDIA_TYPES.photo, ...FILE_PURPOSE_MEDIA_TYPES.project_evidence]),
].flatMap((type) => [type, ...FILE_EXTENSIONS[type]]);

/**
 * A resident posts an observation, Korean first: a problem or a possibility, a category, a place
 * name, photos or files (uploaded one by one with progress once the observation exists), public
 * by default with the choice to stay anonymous to the public. The promise is shown beside it.
 */
@Component({
  selector: 'app-labs-post-observation',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    FieldErrorPipe,
    LocalizedPipe,
    TranslatePipe,
  ],
  templateUrl: './post-observation.component.html',
  styleUrl: './post-observation.component.scss',
})
export class PostObservationComponent {
  private readonly labs = inject(LabsService);
  private readonly publicLabs = inject(PublicLabsService);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly kinds = OBSERVATION_KINDS;
  protected readonly categories = OBSERVATION_CATEGORIES;
  protected readonly kindLabels = OBSERVATION_KIND_LABELS;
  protected readonly categoryLabels = OBSERVATION_CATEGORY_LABELS;
  protected readonly accept = ACCEPT.join(',');

  protected readonly form = this.fb.group({
    kind: this.fb.control<ObservationKind>('problem', [Validators.required]),
    category: this.fb.control<ObservationCategory | ''>('', [Validators.required]),
    title: this.fb.control('', [Validators.required, Validators.maxLength(200)]),
    body: this.fb.control('', [Validators.required, Validators.maxLength(5000)]),
    placeName: this.fb.control('', [Validators.maxLength(200)]),
    isPublic: this.fb.control(true),
    anonymous: this.fb.control(false),
  });
  protected readonly submitter = injectFormSubmitter(this.form);
  protected readonly uploads = signal<Upload[]>([]);
  protected readonly uploading = computed(() => this.uploads().some((u) => u.state === 'uploading'));

  protected readonly promise = rxResource({ stream: () => this.publicLabs.responsePromise() });
  protected readonly promiseText = computed(() => {
    if (!this.promise.hasValue()) return null;
    const p = this.promise.value();
    const text = (t: ResponseTargetView) => t.description[this.lang()];
    return {
      ack: this.i18n.t('labs.post.promiseAck', { time: text(p.acknowledgement) }),
      answer: this.i18n.t('labs.post.promiseAnswer', {
        simple: text(p.answer.simple),
        review: text(p.answer.review),
        policy: text(p.answer.policy),
      }),
    };
  });

  protected choose(event: Event): void {
    const input = event.target as HTMLInputElement;
    const chosen = Array.from(input.files ?? []).map<Upload>((file) => ({
      file,
      percent: 0,
      state: 'waiting',
      error: null,
    }));
    this.uploads.update((list) => [...list, ...chosen]);
    input.value = '';
  }

  protected remove(index: number): void {
    this.uploads.update((list) => list.filter((_, i) => i !== index));
  }

  protected async submit(): Promise<void> {
    const v = this.form.getRawValue();
    const request: CreateObservationRequest = {
      kind: v.kind,
      category: v.category as ObservationCategory,
      title: v.title.trim(),
      body: v.body.trim(),
      isPublic: v.isPublic,
      anonymous: v.anonymous,
      ...(v.placeName.trim() ? { placeName: v.placeName.trim() } : {}),
    };
    let created: ObservationDetail | null = null;
    const ok = await this.submitter.submit(async () => {
      created = await firstValueFrom(this.labs.postObservation(request));
    });
    const done = created as ObservationDetail | null;
    if (!ok || !done) return;
    const allUploaded = await this.uploadAll(done.id);
    this.snackBar.open(this.i18n.t('labs.post.done'), undefined, { duration: 4000 });
    if (allUploaded) await this.router.navigate(['/observations', done.id]);
    else this.form.disable();
  }

  /** Uploads the chosen files in turn; true when every one arrived. */
  private async uploadAll(observationId: string): Promise<boolean> {
    let all = true;
    for (let index = 0; index < this.uploads().length; index++) {
      const upload = this.uploads()[index];
      const purpose = upload.file.type.startsWith('image/') ? 'photo' : 'project_evidence';
      this.patch(index, { state: 'uploading', percent: 0 });
      try {
        await lastValueFrom(
          this.labs.upload('lab_observation', observationId, purpose, upload.file).pipe(
            tap((event) => {
              if (event.type === HttpEventType.UploadProgress && event.total)
                this.patch(index, { percent: Math.round((100 * event.loaded) / event.total) });
            }),
          ),
        );
        this.patch(index, { state: 'done', percent: 100 });
      } catch (error: unknown) {
        all = false;
        this.patch(index, {
          state: 'failed',
          error: this.i18n.t('labs.post.uploadFailed', {
            name: upload.file.name,
            reason: failureText(error, this.lang()),
          }),
        });
      }
    }
    return all;
  }

  private patch(index: number, change: Partial<Upload>): void {
    this.uploads.update((list) => list.map((u, i) => (i === index ? { ...u, ...change } : u)));
  }
}
