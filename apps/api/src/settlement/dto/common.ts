import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

/** A calendar date `YYYY-MM-DD` (checked for existence). */
export const DateOnly = () =>
  applyDecorators(
    IsString(),
    Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { context: { code: 'not_date' } }),
    Matches(/^(?!\d{4}-02-3)(?!\d{4}-(04|06|09|11)-31)/, { context: { code: 'not_date' } }),
  );

/** A month `YYYY-MM`. */
export const MonthOnly = () =>
  applyDecorators(IsString(), Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { context: { code: 'invalid' } }));

/** Whole won, within the safe-integer range. */
export const WonAmount = (min: number) =>
  applyDecorators(
    IsInt(),
    Min(min, { context: { min } }),
    Max(Number.MAX_SAFE_INTEGER, { context: { max: Number.MAX_SAFE_INTEGER } }),
  );

/** Query strings arrive as text; a digits-only value becomes a number for IsInt to judge. */
export const QueryInt = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value,
  );
