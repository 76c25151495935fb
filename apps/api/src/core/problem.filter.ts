import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import {
  ERROR_MESSAGES,
  ErrorCode,
  FIELD_ERROR_MESSAGES,
  FieldError,
  interpolate,
  Locale,
  negotiateLocale,
  ProblemDetails,
} from '@madang/contracts';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import type { MadangRequest } from './decorators';
import { databaseUnavailableCode, RETRY_AFTER_SECONDS } from './database-unavailable';
import { DomainError, statusFor } from './domain-error';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Maps a Postgres error a client could provoke to a domain error; anything else stays a 500. */
function fromDatabase(error: QueryFailedError): DomainError | undefined {
  const driverError = error.driverError as { code?: string; constraint?: string };
  switch (driverError.code) {
    case '23P01':
      return new DomainError('slot_taken', { constraint: driverError.constraint });
    case '23505':
      return new DomainError('conflict', { constraint: driverError.constraint });
    case '22P02': // invalid text representation
    case '22007': // invalid datetime format
    case '22008': // datetime field overflow
    case '22003': // numeric out of range
      return new DomainError('malformed_request');
    case '40001': // serialization failure
    case '40P01': // deadlock
      return new DomainError('conflict');
    default:
      return undefined;
  }
}

function fromHttpException(exception: HttpException): DomainError {
  switch (exception.getStatus()) {
    case HttpStatus.NOT_FOUND:
      return new DomainError('not_found');
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return new DomainError('payload_too_large');
    case HttpStatus.UNSUPPORTED_MEDIA_TYPE:
      return new DomainError('unsupported_media_type');
    case HttpStatus.UNAUTHORIZED:
      return new DomainError('unauthenticated');
    case HttpStatus.FORBIDDEN:
      return new DomainError('forbidden');
    case HttpStatus.SERVICE_UNAVAILABLE:
      return new DomainError('service_unavailable');
    default:
      return exception.getStatus() < 500
        ? new DomainError('malformed_request')
        : new DomainError('internal_error');
  }
}

export function problemFor(
  error: DomainError,
  locale: Locale,
  requestId?: string,
  instance?: string,
): ProblemDetails {
  const status = statusFor(error.code);
  const problem: ProblemDetails = {
    ...error.extensions,
    type: `https://madang.local/problems/${error.code.replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail: interpolate(ERROR_MESSAGES[error.code][locale], error.params),
    code: error.code,
    instance,
    requestId,
  };
  if (error.fieldErrors) {
    problem.errors = error.fieldErrors.map(
      (issue): FieldError => ({
        field: issue.field,
        code: issue.code,
        message: interpolate(FIELD_ERROR_MESSAGES[issue.code][locale], issue.params),
      }),
    );
  }
  return problem;
}

/** Every error leaves as RFC 9457 problem+json, in the request's language, without internals. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<MadangRequest>();
    const res = ctx.getResponse<Response>();
    // The language the request asks for wins; a signed-in user's saved language is the fallback.
    const asked = req.headers?.['accept-language'];
    const locale: Locale = asked
      ? negotiateLocale(asked)
      : (req.actor?.locale ?? req.meta?.locale ?? negotiateLocale(undefined));
    let error: DomainError;
    const unavailable = databaseUnavailableCode(exception);
    if (unavailable) {
      // One concise line per request while the database is away; no stack trace.
      this.logger.warn(
        `${req.method} ${req.originalUrl} [${req.meta?.requestId}]: database unavailable (${unavailable}), answered 503`,
      );
      error = new DomainError('service_unavailable');
    } else if (exception instanceof DomainError) error = exception;
    else if (exception instanceof QueryFailedError && fromDatabase(exception))
      error = fromDatabase(exception) as DomainError;
    else if (exception instanceof HttpException) error = fromHttpException(exception);
    else if (isBodyParserError(exception)) error = bodyParserError(exception);
    else error = new DomainError('internal_error');

    if (error.code === 'internal_error') {
      this.logger.error(
        `${req.method} ${req.originalUrl} [${req.meta?.requestId}]: ${exception instanceof Error ? exception.stack : String(exception)}`,
      );
    }
    const problem = problemFor(error, locale, req.meta?.requestId, req.originalUrl);
    if (res.headersSent) return;
    if (error.code === 'too_many_attempts' && typeof error.extensions['retryAfterSeconds'] === 'number') {
      res.setHeader('Retry-After', String(error.extensions['retryAfterSeconds']));
    }
    if (error.code === 'service_unavailable') res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }
}

interface BodyParserError {
  type: string;
  status: number;
}
function isBodyParserError(e: unknown): e is BodyParserError {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as BodyParserError).type === 'string' &&
    typeof (e as BodyParserError).status === 'number'
  );
}
function bodyParserError(e: BodyParserError): DomainError {
  if (e.type === 'entity.too.large') return new DomainError('payload_too_large');
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported')
    return new DomainError('unsupported_media_type');
  return new DomainError('malformed_request');
}

export type { FieldError, ErrorCode };
