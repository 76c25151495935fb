import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldErrorCode } from '@madang/contracts';
import { getMetadataStorage } from 'class-validator';
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
    // A key that is the empty string (`{"": 1}`) is named as written, so the error still names a field.
    const property = error.property === '' ? '""' : error.property;
    const field = prefix ? `${prefix}.${property}` : property;
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

/**
 * The `@ArrayMaxSize` caps a DTO class declares on its own properties, by property name. Read from
 * class-validator's metadata once per class.
 */
const arrayCaps = new WeakMap<object, Map<string, number>>();
export function arrayCapsOf(target: new (...args: never[]) => unknown): Map<string, number> {
  const known = arrayCaps.get(target);
  if (known) return known;
  const storage = getMetadataStorage();
  const caps = new Map<string, number>();
  for (const meta of storage.getTargetValidationMetadatas(target, '', true, false)) {
    if (!meta.constraintCls) continue;
    const named = storage
      .getTargetValidatorConstraints(meta.constraintCls)
      .some((c) => c.name === 'arrayMaxSize');
    const max = meta.constraints?.[0];
    if (named && typeof max === 'number')
      caps.set(meta.propertyName, Math.min(max, caps.get(meta.propertyName) ?? max));
  }
  arrayCaps.set(target, caps);
  return caps;
}

/** Fields whose array is longer than the DTO allows, found without transforming or validating anything. */
export function oversizedArrays(value: unknown, target: new (...args: never[]) => unknown): FieldIssue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const issues: FieldIssue[] = [];
  for (const [field, max] of arrayCapsOf(target)) {
    const list = (value as Record<string, unknown>)[field];
    if (Array.isArray(list) && list.length > max) issues.push({ field, code: 'too_many', params: { max } });
  }
  return issues;
}

/**
 * ValidationPipe that refuses an array longer than its `@ArrayMaxSize` before class-transformer and
 * class-validator walk it: a 19,000-item list is answered at once instead of after seconds of
 * instantiating and validating every element while the event loop waits.
 */
class MadangValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const target = metadata.metatype;
    if (target && typeof target === 'function' && metadata.type !== 'custom') {
      const issues = oversizedArrays(value, target as new (...args: never[]) => unknown);
      if (issues.length > 0) throw new DomainError('validation_failed', {}, {}, issues);
    }
    return super.transform(value, metadata);
  }
}

/** The global pipe: whitelist, reject unknown fields, transform, errors as localized field issues. */
export function createValidationPipe(): ValidationPipe {
  return new MadangValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new DomainError('validation_failed', {}, {}, flatten(errors)),
  });
}
