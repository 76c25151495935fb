import 'reflect-metadata';
import { CreateBookingDto, BulkDecisionDto } from '../bookings/dto/bookings.dto';
import { DomainError } from './domain-error';
import { arrayCapsOf, createValidationPipe, oversizedArrays } from './validation';

describe('array caps before validation', () => {
  it('reads the @ArrayMaxSize caps a DTO declares', () => {
    expect(arrayCapsOf(CreateBookingDto).get('items')).toBe(10);
    expect(arrayCapsOf(BulkDecisionDto).get('ids')).toBe(100);
  });

  it('names the field of an over-long list', () => {
    const items = Array.from({ length: 11 }, () => ({ assetId: 'x' }));
    expect(oversizedArrays({ items }, CreateBookingDto)).toEqual([
      { field: 'items', code: 'too_many', params: { max: 10 } },
    ]);
    expect(oversizedArrays({ items: items.slice(0, 10) }, CreateBookingDto)).toEqual([]);
  });

  it('refuses 19,000 items at once, before transforming or validating any of them', async () => {
    const pipe = createValidationPipe();
    const items = Array.from({ length: 19_000 }, () => ({ assetId: 'not-a-uuid', quantity: 'x' }));
    const started = performance.now();
    const error = await pipe
      .transform({ items, start: 'x', end: 'y' }, { type: 'body', metatype: CreateBookingDto })
      .catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(50);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).fieldErrors).toEqual([
      { field: 'items', code: 'too_many', params: { max: 10 } },
    ]);
  });
});
