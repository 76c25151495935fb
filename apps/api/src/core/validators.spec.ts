import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsArray, IsString, validateSync } from 'class-validator';
import { isExtendedInstant, Nested, NestedEach, Nullable, Optional } from './validators';
import { createValidationPipe } from './validation';
import { DomainError } from './domain-error';

describe('isExtendedInstant: only the documented extended ISO 8601 forms', () => {
  it.each([
    '2026-12-01T10:00:00Z',
    '2026-12-01T10:00Z',
    '2026-12-01T10:00:00.123Z',
    '2026-12-01T10:00:00+09:00',
    '2026-12-01T10:00:00-18:00',
    '2028-02-29T00:00:00+14:00',
  ])('accepts %s', (value) => expect(isExtendedInstant(value)).toBe(true));

  it.each([
    '20261201T100000Z',
    '2026-12-01T10:00:00-23:59',
    '2026-12-01T10:00:00+18:01',
    '2026-12-01T10:00:00+0900',
    '2026-12-01T10:00:00+09',
    '2026-12-01T10:00:00',
    '2026-12-01',
    '2026-02-29T10:00:00Z',
    '2026-12-01T24:00:00Z',
    '2026-12-01T10:60:00Z',
    '2026-13-01T10:00:00Z',
    '0999-12-01T10:00:00Z',
    '2026-12-01 10:00:00Z',
    '+2026-12-01T10:00:00Z',
    '',
    null,
    12,
  ])('refuses %p', (value) => expect(isExtendedInstant(value)).toBe(false));
});

class Name {
  @IsString()
  ko!: string;
}
class Patch {
  @Optional()
  @Nested(() => Name)
  name?: Name;

  @Optional()
  @IsArray()
  @NestedEach(() => Name)
  names?: Name[];

  @Optional()
  @IsString()
  location?: string;

  @Nullable()
  @IsString()
  note?: string | null;
}

describe('Optional/Nullable: PATCH semantics', () => {
  const fieldErrors = (body: object) => {
    try {
      createValidationPipe();
      const errors = validateSync(plainToInstance(Patch, body), {
        whitelist: true,
        forbidNonWhitelisted: true,
      });
      const pipe = createValidationPipe() as unknown as { exceptionFactory: (e: unknown) => DomainError };
      return errors.length
        ? pipe.exceptionFactory(errors).fieldErrors?.map((f) => `${f.field}:${f.code}`)
        : [];
    } catch (e) {
      return String(e);
    }
  };
  it.each([
    [{}, []],
    [{ name: null }, ['name:not_null']],
    [{ location: null }, ['location:not_null']],
    [{ name: [] }, ['name:not_object']],
    [{ name: [[]] }, ['name:not_object']],
    [{ name: 'ko' }, ['name:not_object']],
    [{ name: { ko: 1 } }, ['name.ko:not_string']],
    [{ names: [] }, []],
    [{ names: [{ ko: 'a' }, { ko: 'b' }] }, []],
    [{ names: [[]] }, ['names:not_object']],
    [{ names: [{ ko: 'a' }, null] }, ['names:not_object', 'names.1:not_object']],
    [{ names: [{ ko: 'a' }, 'b'] }, ['names:not_object', 'names.1:not_object']],
    [{ names: [{ ko: 'a' }, { ko: 2 }] }, ['names.1.ko:not_string']],
    [{ names: {} }, ['names:not_array', 'names.ko:not_string']],
    [{ '': 1 }, ['"":unknown_field']],
    [{ name: { ko: 'a', '': 1 } }, ['name."":unknown_field']],
    [{ location: 5 }, ['location:not_string']],
    [{ note: null }, []],
    [{ note: 5 }, ['note:not_string']],
  ])('%j → %j', (body, expected) => expect(fieldErrors(body)).toEqual(expected));
});
