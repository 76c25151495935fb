import type { ErrorCode, FieldErrorCode } from '@madang/contracts';

/** A field-level problem; its message is rendered in the request's language by the filter. */
export interface FieldIssue {
  field: string;
  code: FieldErrorCode;
  params?: Readonly<Record<string, string | number>>;
}

/** A failure the client can act on. The exception filter maps `code` to an HTTP status. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly extensions: Readonly<Record<string, unknown>> = {},
    readonly params: Readonly<Record<string, string | number>> = {},
    readonly fieldErrors?: FieldIssue[],
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export const invalidField = (field: string, code: FieldErrorCode, params?: Record<string, string | number>) =>
  new DomainError('validation_failed', {}, {}, [{ field, code, params }]);
export const notFound = () => new DomainError('not_found');
export const forbidden = () => new DomainError('forbidden');

/** HTTP status for every error code; the compiler checks the switch is complete. */
export function statusFor(code: ErrorCode): number {
  switch (code) {
    case 'validation_failed':
    case 'malformed_request':
      return 400;
    case 'unauthenticated':
    case 'invalid_credentials':
      return 401;
    case 'forbidden':
    case 'own_request':
    case 'csrf_failed':
      return 403;
    case 'not_found':
      return 404;
    case 'email_taken':
    case 'conflict':
    case 'state_conflict':
    case 'slot_taken':
      return 409;
    case 'payload_too_large':
      return 413;
    case 'headers_too_large':
      return 431;
    case 'unsupported_media_type':
      return 415;
    case 'wrong_current_password':
    case 'rule_violation':
    case 'settlement_rule':
    case 'lab_rule':
    case 'range_too_long':
    case 'idempotency_key_reused':
      return 422;
    case 'too_many_attempts':
      return 429;
    case 'internal_error':
      return 500;
    case 'service_unavailable':
      return 503;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}
