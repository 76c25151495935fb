import { applyDecorators } from '@nestjs/common';
import { ValidateBy, type ValidationOptions } from 'class-validator';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A JSON object of free keys (answers by field id, scores by criterion): at most `maxKeys` keys,
 * each a short identifier, and at most `maxBytes` once serialised. The values are checked by the
 * domain against the form or rubric; this keeps a hostile body small and flat enough to look at.
 */
export const BoundedRecord = (maxKeys: number, maxBytes: number, each?: (v: unknown) => boolean) =>
  applyDecorators(
    ValidateBy(
      {
        name: 'isObject',
        validator: { validate: (value) => isPlainObject(value) },
      },
      { context: {} },
    ),
    ValidateBy(
      {
        name: 'boundedRecord',
        validator: {
          validate: (value) =>
            !isPlainObject(value) ||
            (Object.keys(value).length <= maxKeys &&
              Object.keys(value).every((k) => /^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(k)) &&
              JSON.stringify(value).length <= maxBytes &&
              (!each || Object.values(value).every(each))),
        },
      },
      { context: { code: 'invalid' } } as ValidationOptions,
    ),
  );

export const scoreValue = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));
export const commentValue = (v: unknown) => typeof v === 'string' && v.length <= 4000;
