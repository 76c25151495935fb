import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { FILE_EXTENSIONS, FILE_PURPOSE_MEDIA_TYPES, type LabFileOwnerType } from '@madang/contracts';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { LabsService } from '@madang/web/living-labs/data-access';
import { failureText } from '@madang/web/util';
import { lastValueFrom, tap } from 'rxjs';

const ACCEPT = FILE_PURPOSE_MEDIA_TYPES.project_evidence
  .flatMap((type) => [type, ...FILE_EXTENSIONS[type]])
  .join(',');

let nextId = 0;

/** Uploads one evidence file to a living-lab owner (project, experiment, outcome) with progress. */
@Component({
  selector: 'app-labs-evidence-upload',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBarModule, TranslatePipe],
  template: `
    <div class="upload">
      <label [for]="inputId">{{ 'labs.ws.upload' | t: lang() }}</label>
      <input
        [id]="inputId"
        type="file"
        [accept]="accept"
        [disabled]="percent() !== null"
        (change)="upload($event)"
        [attr.data-testid]="'upload-' + ownerType()"
      />
      @if (percent(); as value) {
        <mat-progress-bar
          mode="determinate"
          [value]="value"
          [attr.aria-label]="'labs.uploading' | t: lang() : { name: name(), percent: value }"
        />
        <span class="muted">{{ value }}%</span>
      }
      @if (error(); as message) {
        <span class="field-error" role="alert">{{ message }}</span>
      }
    </div>
  `,
  styleUrl: './sections.scss',
})
export class EvidenceUploadComponent {
  readonly ownerType = input.required<LabFileOwnerType>();
  readonly ownerId = input.required<string>();
  readonly uploaded = output<void>();
  private readonly labs = inject(LabsService);
  private readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly accept = ACCEPT;
  protected readonly inputId = `lab-evidence-${nextId++}`;
  protected readonly percent = signal<number | null>(null);
  protected readonly name = signal('');
  protected readonly error = signal<string | null>(null);

  protected async upload(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.name.set(file.name);
    this.error.set(null);
    this.percent.set(0);
    try {
      await lastValueFrom(
        this.labs.upload(this.ownerType(), this.ownerId(), 'project_evidence', file).pipe(
          tap((e) => {
            if (e.type === HttpEventType.UploadProgress && e.total)
              this.percent.set(Math.max(1, Math.round((100 * e.loaded) / e.total)));
          }),
        ),
      );
      this.uploaded.emit();
    } catch (error: unknown) {
      this.error.set(
        this.i18n.t('labs.post.uploadFailed', { name: file.name, reason: failureText(error, this.lang()) }),
      );
    } finally {
      this.percent.set(null);
      input.value = '';
    }
  }
}
