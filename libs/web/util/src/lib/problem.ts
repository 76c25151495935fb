import { HttpErrorResponse } from '@angular/common/http';
import {
  ERROR_CODES,
  ERROR_MESSAGES,
  FIELD_ERROR_MESSAGES,
  type ErrorCode,
  type FieldError,
  type Locale,
  type ProblemDetails,
  interpolate,
} from '@madang/contracts';

/** Turns any failed HTTP call into a `ProblemDetails`, inventing one for network and non-JSON failures. */
export function toProblem(error: unknown): ProblemDetails {
  if (error instanceof HttpErrorResponse) {
    const body: unknown = error.error;
    if (isProblem(body)) {
      const retryAfter = Number(error.headers?.get('Retry-After'));
      if (body['retryAfterSeconds'] === undefined && Number.isFinite(retryAfter) && retryAfter > 0) {
        return { ...body, retryAfterSeconds: retryAfter };
      }
      return body;
    }
    return synthetic(error.status, codeForStatus(error.status));
  }
  return synthetic(0, 'internal_error');
}

/** True when the request never reached the API (offline, server down, proxy error page). */
export function isNetworkFailure(problem: ProblemDetails): boolean {
  return problem.status === 0 || problem.status === 502 || problem.status === 503 || problem.status === 504;
}

/**
 * The sentence to show for a problem, in the given language: the contracts text for its code
 * (placeholders filled from the problem's extensions), else the server's own `detail`.
 */
export function problemMessage(problem: ProblemDetails, locale: Locale): string {
  const text = ERROR_MESSAGES[problem.code];
  if (!text) return problem.detail;
  const template = text[locale];
  if (problem.code === 'too_many_attempts') {
    const seconds = problem['retryAfterSeconds'];
    if (typeof seconds !== 'number') return problem.detail || template;
    return interpolate(template, { seconds });
  }
  return template;
}

/**
 * The message for one field error. The server fills placeholders (`{min}`) in the request's
 * language, so its message wins; the contracts text is the fallback.
 */
export function fieldErrorMessage(error: FieldError, locale: Locale): string {
  if (error.message) return error.message;
  const text = FIELD_ERROR_MESSAGES[error.code];
  return text ? text[locale] : FIELD_ERROR_MESSAGES.invalid[locale];
}

function isProblem(body: unknown): body is ProblemDetails {
  if (typeof body !== 'object' || body === null) return false;
  const code = (body as { code?: unknown }).code;
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 429:
      return 'too_many_attempts';
    default:
      return 'internal_error';
  }
}

function synthetic(status: number, code: ErrorCode): ProblemDetails {
  return { type: 'about:blank', title: code, status, detail: '', code, errors: [] };
}
