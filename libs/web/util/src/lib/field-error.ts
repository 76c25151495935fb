import type { AbstractControl } from '@angular/forms';
import type { I18nService } from '@madang/web/i18n';
import { SERVER_ERROR } from './form-errors';

/**
 * The one message to show under a field: the server's verdict first, then the client-side
 * validators in a fixed order. Reads the language signal, so it follows a language switch.
 */
export function fieldErrorText(i18n: I18nService, control: AbstractControl | null): string {
  const errors = control?.errors;
  if (!errors) return '';
  const server: unknown = errors[SERVER_ERROR];
  if (typeof server === 'string') return server;
  if (errors['required']) return i18n.t('form.required');
  if (errors['email']) return i18n.t('form.emailInvalid');
  const min: unknown = errors['minlength'];
  if (isLength(min)) return i18n.t('form.minLength', { min: min.requiredLength });
  const max: unknown = errors['maxlength'];
  if (isLength(max)) return i18n.t('form.maxLength', { max: max.requiredLength });
  if (errors['mismatch']) return i18n.t('profile.passwordMismatch');
  return i18n.t('form.fixErrors');
}

function isLength(value: unknown): value is { requiredLength: number } {
  return typeof value === 'object' && value !== null && 'requiredLength' in value;
}
