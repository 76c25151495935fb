import fc from 'fast-check';
import { allocate, allocateBp } from './allocate';
import { MoneyError } from './won';

describe('allocate', () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [101, [1, 1, 1], [34, 34, 33]],
    [10, [5000, 5000], [5, 5]],
    [11, [5000, 5000], [6, 5]],
    [1_000_001, [4000, 4000, 2000], [400_001, 400_000, 200_000]],
    [7, [0, 1, 1], [0, 4, 3]],
    [-100, [1, 1, 1], [-34, -33, -33]],
    [0, [1, 2], [0, 0]],
    [5, [1], [5]],
    // largest remainder wins over order: 10 × (1/6, 2/6, 3/6) = 1.67, 3.33, 5 → 2, 3, 5
    [10, [1, 2, 3], [2, 3, 5]],
  ])('allocate(%d, %j) = %j', (amount, weights, expected) => {
    expect(allocate(amount, weights)).toEqual(expected);
  });

  it('always sums to the amount, each part within one won of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc
          .array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 12 })
          .filter((w) => w.some((x) => x > 0)),
        (amount, weights) => {
          const parts = allocate(amount, weights);
          expect(parts.reduce((s, p) => s + p, 0)).toBe(amount);
          const total = weights.reduce((s, w) => s + w, 0);
          parts.forEach((p, i) => {
            expect(Math.abs(p - (amount * weights[i]) / total)).toBeLessThan(1.0001);
          });
        },
      ),
    );
  });

  it('is deterministic', () => {
    expect(allocate(1, [1, 1, 1])).toEqual([1, 0, 0]);
    expect(allocate(2, [1, 1, 1])).toEqual([1, 1, 0]);
  });

  it('refuses bad shares', () => {
    expect(() => allocate(10, [])).toThrow(MoneyError);
    expect(() => allocate(10, [0, 0])).toThrow(MoneyError);
    expect(() => allocate(10, [-1, 2])).toThrow(MoneyError);
    expect(() => allocate(1.5, [1])).toThrow(MoneyError);
    expect(() => allocateBp(10, [5000, 4000])).toThrow(MoneyError);
  });

  it('splits by basis points', () => {
    expect(allocateBp(1_000_000, [4500, 4500, 1000])).toEqual([450_000, 450_000, 100_000]);
  });
});
