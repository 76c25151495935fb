import type { Locale } from '@madang/contracts';
import { messageText } from '@madang/web/i18n';
import { isNetworkFailure, problemMessage, toProblem } from './problem';

/** One sentence for a failed call that has no form to show it in (snack-bars, page errors). */
export function failureText(error: unknown, locale: Locale): string {
  const problem = toProblem(error);
  if (isNetworkFailure(problem)) return messageText(locale, 'error.network');
  const fieldMessages = (problem.errors ?? []).map((e) => e.message).filter(Boolean);
  return [problemMessage(problem, locale), ...fieldMessages].join(' ');
}
