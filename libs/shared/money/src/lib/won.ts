/** An amount of Korean won: always a safe integer (won have no minor unit). */
export type Won = number;

export type MoneyLocale = 'ko' | 'en';

export class MoneyError extends Error {
  constructor(
    readonly code: 'not_integer' | 'overflow' | 'unparseable' | 'bad_shares' | 'bad_rate',
    message: string,
  ) {
    super(message);
    this.name = 'MoneyError';
  }
}

export function isWon(value: unknown): value is Won {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Returns `value` as won, or throws when it is not a safe integer. */
export function won(value: number): Won {
  if (!Number.isSafeInteger(value)) throw new MoneyError('not_integer', `Not a whole won amount: ${value}`);
  return value;
}

/** PostgreSQL returns bigint and numeric as strings; reads one exactly or throws. */
export function wonFromDb(value: string | number | bigint | null | undefined): Won {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return won(value);
  const big = typeof value === 'bigint' ? value : /^-?\d+$/.test(value.trim()) ? BigInt(value.trim()) : null;
  if (big === null) throw new MoneyError('unparseable', `Not an integer: ${String(value)}`);
  if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < BigInt(Number.MIN_SAFE_INTEGER))
    throw new MoneyError('overflow', `Amount beyond the safe range: ${big}`);
  return Number(big);
}

/** a + b, refusing any result outside the safe-integer range. */
export function addWon(a: Won, b: Won): Won {
  const sum = won(a) + won(b);
  if (!Number.isSafeInteger(sum)) throw new MoneyError('overflow', `Sum beyond the safe range: ${a} + ${b}`);
  return sum;
}

export function subWon(a: Won, b: Won): Won {
  return addWon(a, -won(b));
}

/** Exact sum of many amounts (a million lines sum exactly while the total stays safe). */
export function sumWon(values: Iterable<Won>): Won {
  let total = 0;
  for (const value of values) {
    if (!Number.isSafeInteger(value)) throw new MoneyError('not_integer', `Not a whole won amount: ${value}`);
    total += value;
    if (!Number.isSafeInteger(total)) throw new MoneyError('overflow', 'Sum beyond the safe range');
  }
  return total;
}

/** Sums `pick(item)` over items. */
export function sumBy<T>(items: Iterable<T>, pick: (item: T) => Won): Won {
  let total = 0;
  for (const item of items) total = addWon(total, pick(item));
  return total;
}

const GROUPED = /\B(?=(\d{3})+(?!\d))/g;

function group(value: Won): string {
  return String(Math.abs(value)).replace(GROUPED, ',');
}

export type WonStyle = 'symbol' | 'suffix' | 'plain';

/**
 * Formats won: `symbol` → `₩1,234,567` (default in English), `suffix` → `1,234,567원` (default in
 * Korean), `plain` → `1,234,567`. Negative amounts carry a leading minus: `-₩500`, `-500원`.
 */
export function formatWon(amount: Won, locale: MoneyLocale = 'ko', style?: WonStyle): string {
  won(amount);
  const chosen = style ?? (locale === 'ko' ? 'suffix' : 'symbol');
  const sign = amount < 0 ? '-' : '';
  const digits = group(amount);
  switch (chosen) {
    case 'symbol':
      return `${sign}₩${digits}`;
    case 'suffix':
      return `${sign}${digits}원`;
    case 'plain':
      return `${sign}${digits}`;
  }
}

/**
 * `formatWon` for any number a page or a document shows: a fraction is dropped and a value that is not a
 * safe integer is printed as it is, so a label never throws (`formatWon` refuses what is not whole won).
 */
export function formatWonLenient(amount: number, locale: MoneyLocale = 'ko'): string {
  const whole = Math.trunc(amount);
  return Number.isSafeInteger(whole) ? formatWon(whole || 0, locale) : String(amount);
}

const KOREAN_UNITS: Readonly<Record<string, number>> = { 만: 10_000, 억: 100_000_000, 조: 1_000_000_000_000 };

/**
 * Parses what people type or banks print: `1,234,567`, `₩1,234,567`, `1,234,567원`, `KRW 1234567`,
 * `-5,000`, `(5,000)` (accounting negative), `△5,000` / `▲5,000` (Korean negative marks), and
 * Korean units `1억 2,500만원`, `3만5천원`. Fractions are refused (won have no minor unit).
 */
export function parseWon(text: string): Won {
  const raw = text.trim();
  if (!raw) throw new MoneyError('unparseable', 'Empty amount');
  let negative = false;
  let body = raw;
  if (/^\(.*\)$/.test(body)) {
    negative = true;
    body = body.slice(1, -1);
  }
  body = body.replace(/\s+/g, '').replace(/^KRW/i, '').replace(/KRW$/i, '');
  if (/^[-−△▲]/.test(body)) {
    negative = !negative;
    body = body.slice(1);
  }
  body = body
    .replace(/^₩|^￦/, '')
    .replace(/원$/, '')
    .replace(/,/g, '');
  let value: number;
  if (/^\d+$/.test(body)) value = Number(body);
  else if (/^\d+\.0+$/.test(body)) value = Number(body.split('.')[0]);
  else if (/^[\d천백십만억조]+$/.test(body) && /[만억조천백십]/.test(body)) value = parseKoreanUnits(body);
  else throw new MoneyError('unparseable', `Not a won amount: ${text}`);
  if (!Number.isSafeInteger(value)) throw new MoneyError('overflow', `Amount beyond the safe range: ${text}`);
  return negative && value !== 0 ? -value : value;
}

function parseKoreanUnits(body: string): number {
  let total = 0;
  let section = 0;
  let digits = '';
  const small: Readonly<Record<string, number>> = { 천: 1000, 백: 100, 십: 10 };
  for (const ch of body) {
    if (/\d/.test(ch)) digits += ch;
    else if (ch in small) {
      section += (digits ? Number(digits) : 1) * small[ch];
      digits = '';
    } else if (ch in KOREAN_UNITS) {
      section += digits ? Number(digits) : 0;
      total += (section || 1) * KOREAN_UNITS[ch];
      section = 0;
      digits = '';
    }
  }
  return total + section + (digits ? Number(digits) : 0);
}

/** Basis points: 1 bp = 0.01 %, so 10000 bp = 100 %. Rates are kept as integers too. */
export type BasisPoints = number;

/** `part / whole` in basis points, rounded half away from zero; 0 when whole is 0. */
export function rateBp(part: Won, whole: Won): BasisPoints {
  won(part);
  won(whole);
  if (whole === 0) return 0;
  // Exact integer arithmetic through bigint: part * 10000 may exceed 2^53 for large amounts.
  const num = BigInt(part) * 10000n;
  const den = BigInt(whole);
  const negative = num < 0n !== den < 0n;
  const absNum = num < 0n ? -num : num;
  const absDen = den < 0n ? -den : den;
  const rounded = (absNum * 2n + absDen) / (absDen * 2n);
  return Number(negative ? -rounded : rounded);
}

/** Formats basis points as a percentage: 8734 → `87.34%`. */
export function formatRate(bp: BasisPoints, decimals: 0 | 1 | 2 = 1): string {
  const value = bp / 100;
  return `${value.toFixed(decimals)}%`;
}

/** amount × bp / 10000, rounded half away from zero (e.g. a 10 % cancellation fee). */
export function applyRate(amount: Won, bp: BasisPoints): Won {
  won(amount);
  if (!Number.isSafeInteger(bp)) throw new MoneyError('bad_rate', `Rate must be whole basis points: ${bp}`);
  const num = BigInt(amount) * BigInt(bp);
  const negative = num < 0n;
  const abs = negative ? -num : num;
  const rounded = (abs * 2n + 10000n) / 20000n;
  return wonFromDb(negative ? -rounded : rounded);
}

/** Parses `87.5%`, `87.5`, `12%` into basis points (at most two decimals). */
export function parseRate(text: string): BasisPoints {
  const body = text.trim().replace(/%$/, '').trim();
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(body);
  if (!m) throw new MoneyError('bad_rate', `Not a percentage: ${text}`);
  const bp = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -bp : bp;
}
