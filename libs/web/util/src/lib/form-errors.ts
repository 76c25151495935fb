import type { AbstractControl, FormGroup } from '@angular/forms';
import type { ErrorCode, Locale, ProblemDetails } from '@madang/contracts';
import { messageText } from '@madang/web/i18n';
import { fieldErrorMessage, isNetworkFailure, problemMessage } from './problem';

/** Validation error key under which a server message is stored on a control. */
export const SERVER_ERROR = 'server';

/** Errors that belong to one field even though the server sends them without `errors[]`. */
const CODE_FIELDS: Partial<Record<ErrorCode, string>> = {
  email_taken: 'email',
  wrong_current_password: 'currentPassword',
};

export interface AppliedProblem {
  /** A message for the whole form, or null when every error landed on a field. */
  formMessage: string | null;
  /** Names of the controls that received a server error, in form order. */
  fields: string[];
}

/**
 * Puts a problem's field errors onto the matching controls (as `{ server: message }`, shown by
 * `<mat-error>` and cleared by the next edit) and returns what is left for the whole form.
 */
export function applyProblemToForm(form: FormGroup, problem: ProblemDetails, locale: Locale): AppliedProblem {
  if (isNetworkFailure(problem)) return { formMessage: messageText(locale, 'error.network'), fields: [] };
  const fields: string[] = [];
  const leftOver: string[] = [];
  for (const error of problem.errors ?? []) {
    const control = form.get(error.field);
    const message = fieldErrorMessage(error, locale);
    if (control) {
      setServerError(control, message);
      if (!fields.includes(error.field)) fields.push(error.field);
    } else {
      leftOver.push(message);
    }
  }
  const codeField = CODE_FIELDS[problem.code];
  const codeControl = codeField ? form.get(codeField) : null;
  if (codeField && codeControl && fields.length === 0) {
    setServerError(codeControl, problemMessage(problem, locale));
    fields.push(codeField);
  }
  const order = Object.keys(form.controls);
  fields.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  if (fields.length > 0 && leftOver.length === 0) return { formMessage: null, fields };
  const formMessage = [problemMessage(problem, locale), ...leftOver].join(' ');
  return { formMessage, fields };
}

function setServerError(control: AbstractControl, message: string): void {
  control.setErrors({ ...(control.errors ?? {}), [SERVER_ERROR]: message });
  control.markAsTouched();
}
