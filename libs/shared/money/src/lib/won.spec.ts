import fc from 'fast-check';
import {
  formatWonLenient,
  addWon,
  applyRate,
  formatRate,
  formatWon,
  MoneyError,
  parseRate,
  parseWon,
  rateBp,
  sumWon,
  wonFromDb,
} from './won';

describe('formatWonLenient', () => {
  it.each([
    [20000, 'ko', '20,000원'],
    [20000.9, 'en', '₩20,000'],
    [-0.5, 'ko', '0원'],
    [-1500.5, 'ko', '-1,500원'],
    [Number.NaN, 'ko', 'NaN'],
    [Number.POSITIVE_INFINITY, 'en', 'Infinity'],
    [1e300, 'en', '1e+300'],
  ] as const)('%d in %s is %s, never an exception', (amount, locale, expected) => {
    expect(formatWonLenient(amount, locale)).toBe(expected);
  });
});

describe('formatWon', () => {
  it.each([
    [1234567, 'ko', undefined, '1,234,567원'],
    [1234567, 'en', undefined, '₩1,234,567'],
    [1234567, 'ko', 'symbol', '₩1,234,567'],
    [0, 'ko', undefined, '0원'],
    [999, 'en', undefined, '₩999'],
    [1000, 'en', undefined, '₩1,000'],
    [-500, 'ko', undefined, '-500원'],
    [-1234567, 'en', undefined, '-₩1,234,567'],
    [9007199254740991, 'en', 'plain', '9,007,199,254,740,991'],
  ] as const)('%d in %s (%s) is %s', (amount, locale, style, expected) => {
    expect(formatWon(amount, locale, style)).toBe(expected);
  });

  it('refuses fractions', () => {
    expect(() => formatWon(1.5)).toThrow(MoneyError);
  });
});

describe('parseWon', () => {
  it.each([
    ['1,234,567', 1234567],
    ['₩1,234,567', 1234567],
    ['￦1,234,567', 1234567],
    ['1,234,567원', 1234567],
    [' 1234567 ', 1234567],
    ['KRW 50,000', 50000],
    ['-5,000', -5000],
    ['(5,000)', -5000],
    ['△5,000', -5000],
    ['50000.00', 50000],
    ['1억 2,500만원', 125_000_000],
    ['3만5천원', 35_000],
    ['2조', 2_000_000_000_000],
    ['0', 0],
  ])('%s → %d', (text, expected) => {
    expect(parseWon(text)).toBe(expected);
  });

  it.each(['', 'abc', '12.5', '1,2a', '₩', '9999999999999999999'])('refuses %j', (text) => {
    expect(() => parseWon(text)).toThrow(MoneyError);
  });

  it('round-trips every format', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), fc.constantFrom('ko', 'en'), (n, locale) => {
        expect(parseWon(formatWon(n, locale))).toBe(n);
      }),
    );
  });
});

describe('sums', () => {
  it('sums a million lines exactly', () => {
    const lines = Array.from({ length: 1_000_000 }, (_, i) => 1_000_000_007 + (i % 97));
    let expected = 0n;
    for (const l of lines) expected += BigInt(l);
    expect(BigInt(sumWon(lines))).toBe(expected);
  });

  it('refuses to overflow instead of losing precision', () => {
    expect(() => addWon(Number.MAX_SAFE_INTEGER, 1)).toThrow(MoneyError);
    expect(() => sumWon([Number.MAX_SAFE_INTEGER, 1])).toThrow(MoneyError);
    expect(() => sumWon([1.5])).toThrow(MoneyError);
  });

  it('reads bigint strings from the database exactly', () => {
    expect(wonFromDb('9007199254740991')).toBe(9007199254740991);
    expect(wonFromDb('-42')).toBe(-42);
    expect(wonFromDb(null)).toBe(0);
    expect(() => wonFromDb('9007199254740992')).toThrow(MoneyError);
    expect(() => wonFromDb('1.5')).toThrow(MoneyError);
  });
});

describe('rates', () => {
  it.each([
    [1, 3, 3333],
    [2, 3, 6667],
    [50, 100, 5000],
    [120, 100, 12000],
    [0, 0, 0],
    [-1, 3, -3333],
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 10000],
  ])('rateBp(%d, %d) = %d', (part, whole, bp) => {
    expect(rateBp(part, whole)).toBe(bp);
  });

  it.each([
    [10000, 1000, 1000],
    [15, 5000, 8],
    [-15, 5000, -8],
    [1_000_000_000_000, 3333, 333_300_000_000],
  ])('applyRate(%d, %d bp) = %d', (amount, bp, expected) => {
    expect(applyRate(amount, bp)).toBe(expected);
  });

  it('parses and formats percentages', () => {
    expect(parseRate('87.5%')).toBe(8750);
    expect(parseRate('12')).toBe(1200);
    expect(parseRate('0.05')).toBe(5);
    expect(() => parseRate('1.234')).toThrow(MoneyError);
    expect(formatRate(8734, 2)).toBe('87.34%');
    expect(formatRate(8734)).toBe('87.3%');
  });
});
