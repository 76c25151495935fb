import { ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldErrorCode } from '@madang/contracts';
import { DomainError, FieldIssue } from './domain-error';

/** class-validator constraint name → Madang field error code and the params its message needs. */
function issueFor(constraint: string, error: ValidationError): Omit<FieldIssue, 'field'> {
  const ctx = (error.contexts?.[constraint] ?? {}) as Record<string, string | number>;
  const codeByConstraint: Record<string, FieldErrorCode> = {
    whitelistValidation: 'unknown_field',
    isDefined: 'required',
    notNull: 'not_null',
    isNotEmpty: 'required',
    isString: 'not_string',
    isInt: 'not_integer',
    isNumber: 'not_number',
    isBoolean: 'not_boolean',
    isArray: 'not_array',
    isObject: 'not_object',
    nestedValidation: 'not_object',
    isEmail: 'not_email',
    isUuid: 'not_uuid',
    isIso8601: 'not_date',
    isDateString: 'not_date',
    isIn: 'not_in',
    isEnum: 'not_in',
    minLength: 'too_short',
    maxLength: 'too_long',
    min: 'too_small',
    max: 'too_large',
    arrayMinSize: 'too_few',
    arrayNotEmpty: 'too_few',
    arrayMaxSize: 'too_many',
  };
  const code = codeByConstraint[constraint] ?? (ctx['code'] as FieldErrorCode | undefined) ?? 'invalid';
  return { code, params: ctx };
}

function flatten(errors: ValidationError[], prefix = ''): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const constraints = Object.keys(error.constraints ?? {});
    // Report the most basic problem first: missing beats wrong type beats wrong shape.
    const ordered = constraints.sort((a, b) => rank(a) - rank(b));
    if (ordered.length > 0) issues.push({ field, ...issueFor(ordered[0], error) });
    if (error.children?.length) issues.push(...flatten(error.children, field));
  }
  return issues;
}
function rank(constraint: string): number {
  if (constraint === 'whitelistValidation') return 0;
  if (constraint === 'isDefined' || constraint === 'isNotEmpty' || constraint === 'notNull') return 1;
  if (/^is(String|Int|Number|Boolean|Array|Object)$/.test(constraint)) return 2;
  return 3;
}

/** The global pipe: whitelist, reject unknown fields, transform, errors as localized field issues. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new DomainError('validation_failed', {}, {}, flatten(errors)),
  });
}
