import { applyDecorators } from '@nestjs/common';
import { IsEmail, IsIn, IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

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
