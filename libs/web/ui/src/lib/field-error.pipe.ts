import { Pipe, type PipeTransform, inject } from '@angular/core';
import type { AbstractControl } from '@angular/forms';
import type { Locale } from '@madang/contracts';
import { I18nService } from '@madang/web/i18n';
import { fieldErrorText } from '@madang/web/util';

/**
 * The one message under a form field: `<mat-error>{{ form.controls.email | fieldError: lang() }}</mat-error>`.
 * The server's verdict (put there by FormSubmitter) first, then the client-side validators.
 * Impure, like the method calls it replaces: a control's errors change without a new reference.
 */
@Pipe({ name: 'fieldError', pure: false })
export class FieldErrorPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(control: AbstractControl | null, _locale: Locale): string {
    return fieldErrorText(this.i18n, control);
  }
}
