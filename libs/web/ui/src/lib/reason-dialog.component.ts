import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { I18nService } from '@madang/web/i18n';
import { fieldErrorText } from '@madang/web/util';

export interface ReasonDialogData {
  title: string;
  message?: string;
  /** Label of the reason box; no box when absent. */
  reasonLabel?: string;
  reasonRequired?: boolean;
  confirmLabel: string;
  cancelLabel: string;
  /** Confirming is not possible (e.g. a booking that has started); only the message shows. */
  confirmDisabled?: boolean;
}

/** What the dialog closes with when confirmed; closing any other way gives `undefined`. */
export interface ReasonDialogResult {
  reason: string;
}

/**
 * A confirmation with an optional or required reason, e.g. reject, cancel. A dialog hangs off the
 * root injector, not the page's route, so it states the form field defaults itself.
 */
@Component({
  selector: 'app-reason-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  providers: [
    {
      provide: MAT_FORM_FIELD_DEFAULT_OPTIONS,
      useValue: { appearance: 'outline', subscriptSizing: 'dynamic' },
    },
  ],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
      <mat-dialog-content>
        @if (data.message) {
          <p data-testid="dialog-message">{{ data.message }}</p>
        }
        @if (data.reasonLabel) {
          <mat-form-field class="reason-field">
            <mat-label>{{ data.reasonLabel }}</mat-label>
            <textarea
              matInput
              formControlName="reason"
              name="reason"
              rows="3"
              [required]="!!data.reasonRequired"
              data-testid="reason"
              cdkFocusInitial
            ></textarea>
            <mat-error data-testid="reason-error">{{ errorText() }}</mat-error>
          </mat-form-field>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close data-testid="dialog-cancel">
          {{ data.cancelLabel }}
        </button>
        @if (!data.confirmDisabled) {
          <button mat-flat-button type="submit" data-testid="dialog-confirm">{{ data.confirmLabel }}</button>
        }
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    p {
      white-space: pre-line;
    }
    .reason-field {
      width: 100%;
      min-width: min(420px, 70vw);
    }
  `,
})
export class ReasonDialogComponent {
  protected readonly data = inject<ReasonDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ReasonDialogComponent, ReasonDialogResult>>(MatDialogRef);
  private readonly i18n = inject(I18nService);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    reason: [
      '',
      this.data.reasonRequired
        ? [Validators.required, Validators.maxLength(1000)]
        : [Validators.maxLength(1000)],
    ],
  });

  protected errorText(): string {
    return fieldErrorText(this.i18n, this.form.controls.reason);
  }

  protected confirm(): void {
    const reason = this.form.controls.reason.value.trim();
    if (this.data.reasonRequired && !reason) {
      this.form.controls.reason.setValue('');
      this.form.markAllAsTouched();
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.ref.close({ reason });
  }
}
