import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsISO8601, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

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
    IsISO8601({ strict: true }),
  );
