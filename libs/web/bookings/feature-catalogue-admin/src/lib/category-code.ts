import { type AbstractControl, type ValidatorFn, Validators } from '@angular/forms';
import { CATEGORY_CODE_MAX_LENGTH, CATEGORY_CODE_PATTERN } from '@madang/contracts';
import type { I18nService } from '@madang/web/i18n';
import { SERVER_ERROR, fieldErrorText } from '@madang/web/util';

/** A category code's validators: the API's own rule (`CATEGORY_CODE_PATTERN`), so both agree. */
export const CATEGORY_CODE_VALIDATORS: readonly ValidatorFn[] = [
  Validators.required,
  Validators.maxLength(CATEGORY_CODE_MAX_LENGTH),
  Validators.pattern(CATEGORY_CODE_PATTERN),
];

/**
 * The message under a code field: the server's verdict and a too-long code as usual, else what a
 * code may contain when the pattern fails.
 */
export function categoryCodeError(i18n: I18nService, control: AbstractControl): string {
  const patternOnly =
    control.hasError('pattern') && !control.hasError(SERVER_ERROR) && !control.hasError('maxlength');
  return patternOnly ? i18n.t('admin.codePattern') : fieldErrorText(i18n, control);
}
