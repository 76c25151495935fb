import type { FormGroup } from '@angular/forms';
import type { Locale, ProblemDetails } from '@madang/contracts';
import { type AppliedProblem, applyProblemToForm } from '@madang/web/util';
import { messageText } from '@madang/web/i18n';

/**
 * What the sign-in form shows for a failed attempt: field errors under their fields, and a
 * form-level message for wrong credentials, rate limiting and an unreachable server (see applyProblemToForm).
 */
export function mapSignInProblem(form: FormGroup, problem: ProblemDetails, locale: Locale): AppliedProblem {
  if (problem.code === 'too_many_attempts' && typeof problem['retryAfterSeconds'] !== 'number') {
    return { formMessage: messageText(locale, 'signIn.tooMany'), fields: [] };
  }
  return applyProblemToForm(form, problem, locale);
}
