import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';

/**
 * Property decorators that also carry the limits as context, so the error filter can say
 * "at least 10 characters" in the reader's language.
 */
export const Text = (min: number, max: number) =>
  applyDecorators(IsString(), MinLength(min, { context: { min } }), MaxLength(max, { context: { max } }));

export const Email = () =>
  applyDecorators(IsString(), IsEmail({}, {}), MaxLength(254, { context: { max: 254 } }));

export const OneOf = (values: readonly string[]) =>
  IsIn([...values], { context: { values: values.join(', ') } });

export const IntRange = (min: number, max: number) =>
  applyDecorators(IsInt(), Min(min, { context: { min } }), Max(max, { context: { max } }));

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- class-transformer's own signature
type ClassOf = () => Function;

/**
 * One nested object of `type`. An array or a scalar is refused with `not_object`: class-validator
 * would otherwise walk an array's elements, so `"name": []` would pass and reach the service.
 */
export const Nested = (type: ClassOf) => applyDecorators(IsObject(), ValidateNested(), Type(type));

/**
 * Each element of a list is an object of `type`. A nested array or a scalar element is refused with
 * `not_object` (`"parts": [[]]` would otherwise pass as an empty list of parts). The list itself still
 * says `IsArray` and its size.
 */
export const NestedEach = (type: ClassOf) =>
  applyDecorators(IsObject({ each: true }), ValidateNested({ each: true }), Type(type));

/** `…T10:00:00 09:00`: a `+09:00` offset whose `+` an unencoded query string turned into a space. */
const OFFSET_LOST_ITS_PLUS = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}(?::?\d{2})?)$/;

/**
 * An ISO 8601 instant in a query string. Form decoding reads `+` as a space, so `+09:00` sent
 * unencoded arrives as ` 09:00`; that one unambiguous case is read as the `+` it was.
 */
export const QueryInstant = () =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.replace(OFFSET_LOST_ITS_PLUS, '$1+$2') : value,
    ),
    Instant(),
  );

/**
 * The instant forms the API documents, and only those: ISO 8601 extended format with a zone,
 * `2026-12-01T10:00Z`, `2026-12-01T10:00:00+09:00`, `2026-12-01T10:00:00.123Z`. Refused: the basic
 * format (`20261201T100000Z`), a missing zone, `+0900`, offsets beyond ±18:00, and impossible
 * calendar dates or clock times (`2026-02-30`, `24:00`, `10:60`).
 */
const EXTENDED_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

export function isExtendedInstant(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = EXTENDED_INSTANT.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  if (hour > 23 || minute > 59 || second > 59) return false;
  if (m[7] !== undefined) {
    const offsetMinutes = Number(m[8]) * 60 + Number(m[9]);
    if (Number(m[9]) > 59 || offsetMinutes > 18 * 60) return false;
  }
  return Number.isFinite(Date.parse(value));
}

/** Validates an instant as `isExtendedInstant` says; the field error is `not_date`. */
export const Instant = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isIso8601', validator: { validate: (value) => isExtendedInstant(value) } }, options);

/**
 * PATCH semantics, stated per field. `Optional()`: the field may be left out, but `null` is refused
 * with `not_null` (its column cannot be empty). `Nullable()`: left out keeps the value, `null` clears
 * it (only for nullable columns). Use these instead of `IsOptional()`, which lets `null` through
 * unvalidated, on every body field.
 */
export const Optional = () =>
  applyDecorators(
    ValidateIf((_object: object, value: unknown) => value !== undefined),
    ValidateBy(
      { name: 'notNull', validator: { validate: (value) => value !== null } },
      { context: { code: 'not_null' } },
    ),
  );

export const Nullable = () =>
  ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null);
