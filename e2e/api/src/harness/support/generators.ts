import fc from 'fast-check';
import { ROUTE_MATRIX } from '../route-matrix';
import type { Operation, Parameter, Schema } from './openapi';
import { ROLES, type ProbeRequest, type RoleName } from './probe';

/**
 * Request generators built from the OpenAPI description. A generated case is symbolic where the
 * running instance matters: ids are tokens («pool:index») resolved against the fixture at send time,
 * so a seed replays the same requests on any fresh Madang.
 */
export interface FuzzCase {
  op: string;
  role: RoleName;
  /** What was done to the request: valid, or the name of the malformation. */
  mutation: string;
  req: ProbeRequest;
}

/** Ids that exist in the running instance, by kind. */
export type IdPools = Record<string, string[]>;

/** An id token, as written in JSON («asset:3») or URL-encoded in a query (%C2%ABasset%3A3%C2%BB). */
export const ID_TOKEN = /(?:«|%C2%AB)(\w+)(?::|%3A)(\d+)(?:»|%C2%BB)/g;
export function resolveTokens(text: string, pools: IdPools): string {
  return text.replace(ID_TOKEN, (_, pool: string, index: string) => {
    const ids = pools[pool] ?? [];
    return ids.length ? ids[Number(index) % ids.length] : '00000000-0000-4000-8000-000000000000';
  });
}

// ── values ──────────────────────────────────────────────────────────────────

const DATE_FIELDS = new Set(['start', 'end', 'from', 'to', 'freeFrom', 'freeTo']);
const POOL_BY_SEGMENT: Record<string, string> = {
  assets: 'asset',
  categories: 'category',
  bookings: 'booking',
  groups: 'group',
  users: 'user',
  notifications: 'notification',
  programmes: 'programme',
  expenses: 'expense',
  amendments: 'amendment',
  entries: 'entry',
  lines: 'bankLine',
  'income-mappings': 'category',
};
const POOL_BY_NAME: Record<string, string> = {
  assetId: 'asset',
  assetIds: 'asset',
  categoryId: 'category',
  groupId: 'group',
  actorId: 'user',
  userId: 'user',
  photoId: 'photo',
  entityId: 'booking',
  ids: 'booking',
  bookingId: 'booking',
  programmeId: 'programme',
  budgetLineId: 'budgetLine',
  fundingSourceId: 'fundingSource',
  expenseId: 'expense',
  paymentId: 'payment',
  assetCategoryId: 'category',
  userIds: 'user',
};

const uuidArb = fc.uuid();
const idToken = (pool: string) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.nat(50).map((i) => `«${pool}:${i}»`) },
    { weight: 1, arbitrary: uuidArb },
  );

/** A calendar day (YYYY-MM-DD) around the demo fiscal year. */
const calendarDay = fc
  .integer({ min: 0, max: 3 * 365 })
  .map((days) => new Date(Date.UTC(2026, 0, 1) + days * 86_400_000).toISOString().slice(0, 10));

/** A future instant the way the web app sends it: extended ISO 8601 with a Seoul or UTC offset. */
const futureInstant = fc
  .record({ days: fc.integer({ min: 1, max: 60 }), hour: fc.integer({ min: 0, max: 23 }), utc: fc.boolean() })
  .map(({ days, hour, utc }) => {
    const base = new Date(Date.UTC(2027, 2, 1) + days * 86_400_000);
    const date = base.toISOString().slice(0, 10);
    const hh = String(hour).padStart(2, '0');
    return utc ? `${date}T${hh}:00:00Z` : `${date}T${hh}:00:00+09:00`;
  });

/** Instants a careless or hostile client sends: basic format, odd offsets, far away, impossible. */
export const NASTY_INSTANTS = [
  '20261201T100000Z',
  '20261201T100000+0900',
  '2026-12-01T10:00:00-23:59',
  '2026-12-01T10:00:00+24:00',
  '2026-12-01T10:00:00+14:01',
  '2026-12-01T10:00:00',
  '2026-12-01',
  '2026-13-01T10:00:00Z',
  '2026-02-30T10:00:00Z',
  '2026-12-01T24:00:00Z',
  '2026-12-01T23:59:60Z',
  '2026-12-01T10:00:00.123456789Z',
  '0000-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '+275760-09-13T00:00:00.001Z',
  '9999-12-31T23:59:59Z',
  '2999-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '2026-W49-2T10:00:00Z',
  '2026-12-01T10:00:00 09:00',
  'now',
  'NaN',
];

const NASTY_STRINGS: string[] = [
  '',
  ' ',
  '\u0000',
  'abc\u0000def',
  '\ud800',
  'x\udc00y',
  '\ud83d',
  '\u202e\u0000',
  '\uffff\ufffe',
  '🙂'.repeat(40),
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '%00',
  'null',
  'undefined',
  '__proto__',
  '-1',
  '1e309',
  'a@b',
  'resident@madang.local\u0000',
  '한국어'.repeat(300),
];

function deepArray(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}
function deepObject(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

/** A value of any wrong kind: types, boundaries, NUL and surrogates, huge, deep, bad instants. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    -0.5,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53 + 2,
    1e308,
    -1e308,
  ),
  fc.constantFrom<unknown>(...NASTY_STRINGS),
  fc.constantFrom<unknown>(...NASTY_INSTANTS),
  fc.constantFrom<unknown>([], [[]], {}, { a: 1 }, [null], ['\u0000'], [1, 2], { ko: null, en: 1 }),
  fc.constantFrom<unknown>(deepArray(60), deepObject(60)),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'x'.repeat(n)),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.jsonValue({ maxDepth: 3 }),
);

const NASTY_NUMBERS: unknown[] = [0, -1, -0.5, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, '1', null];

/** A wrong value of the kind the field holds: strings get NUL, surrogates, huge text; numbers, boundaries. */
function nastyLike(current: unknown): fc.Arbitrary<unknown> {
  if (typeof current === 'string')
    return fc.oneof(
      fc.constantFrom<unknown>(...NASTY_STRINGS, ...NASTY_INSTANTS),
      fc.string({ maxLength: 20 }).map((t) => `${t}\u0000${t}`),
      fc.string({ maxLength: 20 }).map((t) => `${t}\ud800`),
      fc.constant<unknown>('z'.repeat(70_000)),
    );
  if (typeof current === 'number') return fc.constantFrom(...NASTY_NUMBERS);
  if (typeof current === 'boolean') return fc.constantFrom<unknown>('true', 1, null, 'yes');
  if (Array.isArray(current))
    return fc.constantFrom<unknown>(null, {}, 'a', [null], [[]], Array(2000).fill(current[0] ?? 1));
  return fc.constantFrom<unknown>(null, [], 'x', 1, { '\u0000': 1 });
}

/** Rental-rules documents: some well-formed, some subtly wrong (wrong types deep inside lists). */
const rulesDocument: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    { slotStepMinutes: 30 },
    { maxDurationMinutes: 240, minDurationMinutes: 30 },
    { approval: { required: true } },
    { eligibility: { roles: 'admin' } },
    { eligibility: { roles: ['nobody'] } },
    { eligibility: { groupKinds: [1, 2] } },
    { windowOverrides: [{ roles: 'resident' }] },
    { windowOverrides: [{ roles: ['resident'], maxAdvanceDays: -5 }] },
    { openingHours: [{ weekday: 9, open: '25:00', close: '08:00' }] },
    { openingHours: 'always' },
    { closures: [{ from: '2027-01-01', to: '2026-01-01', reason: null }] },
    { quotas: [{ scope: 'planet', period: 'year', maxBookings: -1 }] },
    { pricing: { unit: 'minute', rate: -1000, deposit: 1.5, waivers: [{ percent: 500 }] } },
    { pricing: { peak: [{ weekdays: [8], from: '10:00', to: '09:00', rate: 1 }] } },
    { cancellation: { freeUntilHoursBefore: -1, feePercent: 1000 } },
    { timeZone: 'Mars/Olympus' },
    { slotStepMinutes: 0 },
    { maxAdvanceDays: 1e9 },
    { unknownKey: true },
  ),
  fc.dictionary(
    fc.constantFrom(
      'openingHours',
      'closures',
      'slotStepMinutes',
      'maxDurationMinutes',
      'eligibility',
      'approval',
      'pricing',
      'windowOverrides',
      'quotas',
      'bufferAfterMinutes',
    ),
    nastyValue,
    { maxKeys: 3 },
  ),
);

function numberFor(name: string): fc.Arbitrary<number> {
  if (name === 'attendees') return fc.integer({ min: 1, max: 30 });
  if (name === 'quantity') return fc.integer({ min: 1, max: 3 });
  if (name === 'limit') return fc.integer({ min: 1, max: 100 });
  if (name === 'offset') return fc.integer({ min: 0, max: 100 });
  if (name === 'capacity' || name === 'poolSize' || name === 'minCapacity')
    return fc.integer({ min: 1, max: 80 });
  if (name === 'year') return fc.integer({ min: 2026, max: 2029 });
  if (name === 'month') return fc.integer({ min: 1, max: 12 });
  if (name === 'shareBp') return fc.constantFrom(10000, 5000, 0);
  if (name.endsWith('Bp')) return fc.integer({ min: 0, max: 10000 });
  if (/amount|value|delta/i.test(name)) return fc.integer({ min: 1, max: 2_000_000 });
  return fc.integer({ min: 0, max: 100 });
}

/** A plausible, well-typed value for a field, by its schema and name. */
export function validValue(name: string, schema: Schema, path: string[] = []): fc.Arbitrary<unknown> {
  const pool = POOL_BY_NAME[name];
  if (schema.enum && schema.enum.length) return fc.constantFrom(...schema.enum);
  if (name === 'ids' || name === 'assetIds' || name === 'userIds')
    return fc.array(idToken(pool), { minLength: 1, maxLength: 3 });
  if (pool) return idToken(pool);
  // Calendar dates and months (settlement) are described by their example: 2027-11-03, 2027-11.
  if (typeof schema.example === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(schema.example)) return calendarDay;
  if (typeof schema.example === 'string' && /^\d{4}-\d{2}$/.test(schema.example))
    return calendarDay.map((d) => d.slice(0, 7));
  if (DATE_FIELDS.has(name)) return futureInstant;
  if (name === 'email')
    return fc.oneof(
      fc.nat(10_000).map((n) => `fuzz${n}@example.kr`),
      fc.constantFrom('resident@madang.local', 'approver@madang.local'),
    );
  if (name === 'rules') return rulesDocument;
  if (name === 'capacity' || name === 'poolSize') return fc.option(numberFor(name), { nil: null });
  switch (schema.type) {
    case 'boolean':
      return fc.boolean();
    case 'number':
    case 'integer':
      return numberFor(name);
    case 'array':
      return fc.array(validValue(name, schema.items ?? { type: 'string' }, path), { maxLength: 3 });
    case 'object':
      if (schema.properties) return objectValue(schema, path);
      return fc.constant({});
    default: {
      if (typeof schema.example === 'string') return fc.oneof(fc.constant(schema.example), textValue(schema));
      return textValue(schema);
    }
  }
}

function textValue(schema: Schema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 1;
  const max = Math.min(schema.maxLength ?? 40, Math.max(min, 40));
  return fc.string({ minLength: min, maxLength: max }).filter((s) => s.trim().length >= Math.min(1, min));
}

function objectValue(schema: Schema, path: string[]): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(properties).map(([key, s]) => {
    const value = validValue(key, s, [...path, key]);
    return [key, required.has(key) ? value : fc.option(value, { nil: undefined })] as const;
  });
  return fc.record(Object.fromEntries(entries)).map((record) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) if (v !== undefined) out[k] = v;
    return out;
  });
}

// ── malformations ───────────────────────────────────────────────────────────

/** Every field path of a generated value (objects and array elements). */
function fieldPaths(value: unknown, prefix: (string | number)[] = [], depth = 0): (string | number)[][] {
  if (depth > 4 || value === null || typeof value !== 'object') return [];
  const out: (string | number)[][] = [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value as Record<string, unknown>);
  for (const [k, v] of entries) {
    out.push([...prefix, k]);
    out.push(...fieldPaths(v, [...prefix, k], depth + 1));
  }
  return out;
}

function setPath(value: unknown, path: (string | number)[], replacement: unknown, remove = false): unknown {
  if (path.length === 0) return replacement;
  const copy: Record<string | number, unknown> = Array.isArray(value)
    ? ([...value] as unknown as Record<number, unknown>)
    : { ...(value as Record<string, unknown>) };
  const [head, ...rest] = path;
  if (rest.length === 0) {
    if (remove) delete copy[head];
    else copy[head] = replacement;
  } else copy[head] = setPath(copy[head], rest, replacement, remove);
  return copy;
}

/** Raw bodies no serializer would produce. */
const RAW_BODIES: [string, () => string][] = [
  ['deep JSON array (5000)', () => '['.repeat(5000) + ']'.repeat(5000)],
  ['deep JSON object (5000)', () => '{"a":'.repeat(5000) + '1' + '}'.repeat(5000)],
  ['deep JSON array (100000)', () => '['.repeat(100_000) + ']'.repeat(100_000)],
  ['truncated JSON', () => '{"items": [{"assetId": '],
  ['top-level array', () => '[]'],
  ['top-level null', () => 'null'],
  ['top-level string', () => '"\\u0000"'],
  ['top-level number', () => '1e400'],
  ['empty body', () => ''],
  ['duplicate keys', () => '{"a":1,"a":{"b":2}}'],
  ['__proto__ key', () => '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}'],
  ['lone surrogate escape', () => '{"name":"\\ud800","email":"\\udc00@x.kr","purpose":"\\ud800"}'],
  [
    'NUL escape everywhere',
    () => '{"name":"\\u0000","email":"a\\u0000@x.kr","purpose":"\\u0000","reason":"\\u0000"}',
  ],
  ['over 1 MB', () => `{"purpose":"${'x'.repeat(1_100_000)}"}`],
];

const RAW_QUERY_VALUES = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%uD800',
  '%C0%AF',
  '%FF',
  '%',
  '%2',
  '20261201T100000Z',
  '2026-12-01T10:00:00-23:59',
  '2026-12-01T10:00:00%2B09:00',
  '2026-12-01T10:00:00+09:00',
  '%2B275760-09-13T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '-1',
  '1e400',
  '99999999999999999999',
  'NaN',
  'true',
  '',
  '[]',
  '{}',
];

const BAD_PATH_IDS = [
  '1',
  'null',
  'undefined',
  '%00',
  '00000000-0000-0000-0000-000000000000',
  '00000000-0000-4000-8000-00000000000',
  '{id}',
  '..%2F..%2Fetc%2Fpasswd',
  '%ED%A0%80',
  'x'.repeat(3000),
  'ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ',
  "1'%20OR%20'1'='1",
];

function encodeValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  // encodeURIComponent throws on lone surrogates; send their UTF-8-ish bytes raw instead.
  return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd')).replace(/%EF%BF%BD/g, '%ED%A0%80');
}

function queryString(pairs: [string, string][]): string {
  return pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
}

function pathWith(op: Operation, values: Record<string, string>): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? 'x');
}

/** The pool a path parameter's id belongs to: `{id}` after `/bookings/` is a booking. */
function poolOfPathParam(op: Operation, name: string): string {
  if (POOL_BY_NAME[name]) return POOL_BY_NAME[name];
  const segments = op.path.split('/');
  const at = segments.indexOf(`{${name}}`);
  return POOL_BY_SEGMENT[segments[at - 1]] ?? 'booking';
}

function validPathParam(op: Operation, p: Parameter): fc.Arbitrary<string> {
  if (p.schema.enum?.length) return fc.constantFrom(...p.schema.enum.map(String));
  if (p.schema.type === 'number' || p.schema.type === 'integer') return numberFor(p.name).map(String);
  if (p.schema.type === 'string' && p.schema.format !== 'uuid' && !/id$/i.test(p.name))
    return validValue(p.name, p.schema).map(String);
  return idToken(poolOfPathParam(op, p.name));
}

/** Operations that would sign the fuzzing session out or swap it: only the anonymous role sends them. */
const SESSION_CHANGING = new Set([
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/auth/register',
]);

/**
 * Mostly a role the route × role table lets through (so malformed input reaches the handler, not just
 * the guard), sometimes any role.
 */
function roleFor(op: Operation): fc.Arbitrary<RoleName> {
  if (SESSION_CHANGING.has(op.key)) return fc.constant<RoleName>('anonymous');
  const row = ROUTE_MATRIX[op.key]?.all ?? ROUTE_MATRIX[op.key]?.own;
  const allowed = row ? ROLES.filter((r) => ([] as number[]).concat(row[r]).some((s) => s < 300)) : [];
  if (allowed.length === 0 || allowed.length === ROLES.length) return fc.constantFrom(...ROLES);
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...allowed) },
    { weight: 1, arbitrary: fc.constantFrom(...ROLES) },
  );
}

export function caseFor(op: Operation): fc.Arbitrary<FuzzCase> {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const headerParams = op.params.filter((p) => p.in === 'header');
  const role = roleFor(op);

  const validPath = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, validPathParam(op, p)])));
  const validQuery = fc
    .tuple(
      ...queryParams.map((p) =>
        p.required
          ? validValue(p.name, p.schema).map((v) => [p.name, v] as const)
          : fc.option(
              validValue(p.name, p.schema).map((v) => [p.name, v] as const),
              { nil: undefined },
            ),
      ),
    )
    .map((pairs) =>
      pairs
        .filter((p): p is readonly [string, unknown] => p !== undefined)
        .map(([k, v]) => [k, encodeValue(Array.isArray(v) ? v.join(',') : v)] as [string, string]),
    );
  const isJson = op.body?.contentType.includes('json') ?? false;
  const validBody: fc.Arbitrary<unknown> =
    op.body && isJson ? validValue('', op.body.schema) : fc.constant(undefined);

  const base = fc.record({
    role,
    path: validPath,
    query: validQuery,
    body: validBody,
  });

  type Base = { role: RoleName; path: Record<string, string>; query: [string, string][]; body: unknown };
  const build = (b: Base, mutation: string, overrides: Partial<ProbeRequest> = {}): FuzzCase => {
    const body = b.body === undefined ? undefined : JSON.stringify(b.body);
    return {
      op: op.key,
      role: b.role,
      mutation,
      req: {
        method: op.method,
        url: pathWith(op, b.path) + queryString(b.query),
        body: op.body && !isJson ? undefined : body,
        ...overrides,
      },
    };
  };

  const variants: fc.Arbitrary<FuzzCase>[] = [base.map((b) => build(b, 'valid'))];
  if (op.body && isJson) {
    // One field (anywhere in the body) replaced by a wrong value.
    variants.push(
      fc.tuple(base, fc.nat(), nastyValue).map(([b, pick, nasty]) => {
        const paths = fieldPaths(b.body);
        if (paths.length === 0) return build({ ...b, body: nasty }, 'body: whole body wrong');
        const path = paths[pick % paths.length];
        return build({ ...b, body: setPath(b.body, path, nasty) }, `body: ${path.join('.')} wrong`);
      }),
      // One field replaced by a wrong value of its own kind (NUL and surrogates in text, boundary numbers).
      fc.tuple(base, fc.nat()).chain(([b, pick]) => {
        const paths = fieldPaths(b.body);
        if (paths.length === 0) return fc.constant(build(b, 'valid'));
        const path = paths[pick % paths.length];
        const current = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], b.body);
        return nastyLike(current).map((nasty) =>
          build(
            { ...b, body: setPath(b.body, path, nasty) },
            `body: ${path.join('.')} wrong ${typeof current}`,
          ),
        );
      }),
      // A required field missing, or an extra one.
      fc
        .tuple(base, fc.nat(), fc.constantFrom('extra', '__proto__', 'constructor', 'id', 'role'))
        .map(([b, pick, extra]) => {
          const required = op.body?.schema.required ?? [];
          if (required.length && pick % 2 === 0) {
            const field = required[pick % required.length];
            return build({ ...b, body: setPath(b.body, [field], undefined, true) }, `body: ${field} missing`);
          }
          const body = { ...(b.body as Record<string, unknown>), [extra]: { admin: true } };
          return build({ ...b, body }, `body: extra field ${extra}`);
        }),
      // Whole raw bodies no serializer would send.
      fc
        .tuple(base, fc.constantFrom(...RAW_BODIES))
        .map(([b, [name, make]]) => build(b, `raw body: ${name}`, { body: make() })),
      // The right JSON under the wrong media type.
      fc
        .tuple(base, fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml'))
        .map(([b, type]) => build(b, `content-type ${type}`, { contentType: type })),
    );
  }
  if (op.body && !isJson && !op.body.contentType.startsWith('multipart/')) {
    // A raw file body (a bank statement): a valid one, random bytes, wrong encodings, huge lines.
    variants.push(
      fc
        .tuple(base, fc.constantFrom(...RAW_FILES), fc.uint8Array({ minLength: 0, maxLength: 4096 }))
        .map(([b, [name, make], random]) =>
          build(b, `file: ${name}`, {
            bytes: name === 'random bytes' ? random : make(),
            contentType: name === 'random bytes' ? 'application/octet-stream' : op.body?.contentType,
          }),
        ),
      fc
        .tuple(base, fc.uint8Array({ minLength: 1, maxLength: 65_536 }))
        .map(([b, random]) =>
          build(b, 'file: random bytes', { bytes: random, contentType: op.body?.contentType }),
        ),
    );
  } else if (op.body && !isJson) {
    // Multipart and other non-JSON bodies: missing part, broken framing, JSON instead, a huge part.
    const boundary = 'harnessBoundary';
    const framed = (part: string) => `--${boundary}\r\n${part}\r\n--${boundary}--\r\n`;
    const bodies: [string, string, string][] = [
      [
        'no file part',
        framed('Content-Disposition: form-data; name="other"\r\n\r\nx'),
        `multipart/form-data; boundary=${boundary}`,
      ],
      [
        'unterminated multipart',
        `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="a.png"\r\n\r\n\u0089PNG`,
        `multipart/form-data; boundary=${boundary}`,
      ],
      ['multipart without boundary', framed('x'), 'multipart/form-data'],
      [
        'not an image',
        framed(
          'Content-Disposition: form-data; name="photo"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n<svg onload=alert(1)>',
        ),
        `multipart/form-data; boundary=${boundary}`,
      ],
      [
        'NUL file name',
        framed(
          'Content-Disposition: form-data; name="photo"; filename="a\u0000.png"\r\n\r\n\u00ff\u00d8\u00ff',
        ),
        `multipart/form-data; boundary=${boundary}`,
      ],
      ['JSON instead', '{"photo":"iVBORw0KGgo="}', 'application/json'],
    ];
    variants.push(
      fc
        .tuple(base, fc.constantFrom(...bodies))
        .map(([b, [name, body, type]]) => build(b, `multipart: ${name}`, { body, contentType: type })),
    );
  }
  if (queryParams.length) {
    variants.push(
      fc
        .tuple(
          base,
          fc.constantFrom(...queryParams.map((p) => p.name)),
          fc.oneof(
            fc.constantFrom(...RAW_QUERY_VALUES),
            nastyValue.map(encodeValue),
            fc.constantFrom(...NASTY_INSTANTS).map(encodeValue),
          ),
          fc.boolean(),
        )
        .map(([b, name, value, repeat]) => {
          const others = b.query.filter(([k]) => k !== name);
          const pairs: [string, string][] = repeat
            ? [...others, [name, value], [name, value]]
            : [...others, [name, value]];
          return build({ ...b, query: pairs }, `query: ${name}${repeat ? ' repeated' : ''} wrong`);
        }),
    );
  }
  if (pathParams.length) {
    variants.push(
      fc
        .tuple(base, fc.constantFrom(...pathParams.map((p) => p.name)), fc.constantFrom(...BAD_PATH_IDS))
        .map(([b, name, bad]) =>
          build({ ...b, path: { ...b.path, [name]: bad } }, `path: ${name} not an id`),
        ),
    );
  }
  if (headerParams.length) {
    variants.push(
      fc
        .tuple(
          base,
          fc.constantFrom(...headerParams.map((p) => p.name)),
          fc.constantFrom(...NASTY_STRINGS, 'k'.repeat(5000)),
        )
        .map(([b, name, value]) =>
          build(b, `header: ${name} wrong`, { headers: { [name]: value.replace(/[^\x20-\x7e]/g, '?') } }),
        ),
    );
  }
  return fc.oneof(...variants);
}

const STATEMENT_HEADER = '거래일시,입금액,출금액,거래처,적요';
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
/** Raw statement files: the valid one first, then every way a bank download goes wrong. */
const RAW_FILES: readonly (readonly [string, () => Uint8Array])[] = [
  ['valid CSV', () => utf8(`${STATEMENT_HEADER}\n2027-03-02 10:00:00,10000,0,홍길동,대관료\n`)],
  ['random bytes', () => new Uint8Array(0)],
  ['empty', () => new Uint8Array(0)],
  ['header only', () => utf8(`${STATEMENT_HEADER}\n`)],
  ['UTF-8 BOM', () => utf8(`\ufeff${STATEMENT_HEADER}\n2027-03-02,10000,0,a,b\n`)],
  // EUC-KR bytes for "거래일시" etc. are not valid UTF-8.
  [
    'EUC-KR-looking bytes',
    () => new Uint8Array([0xb0, 0xc5, 0xb7, 0xa1, 0xc0, 0xcf, 0xbd, 0xc3, 0x2c, 0x31, 0x0a]),
  ],
  ['UTF-16LE', () => new Uint8Array(Buffer.from(`${STATEMENT_HEADER}\n2027-03-02,1,0,a,b\n`, 'utf16le'))],
  ['one 2 MB line', () => utf8('가'.repeat(700_000))],
  ['a 100 kB cell', () => utf8(`${STATEMENT_HEADER}\n2027-03-02,1,0,${'x'.repeat(100_000)},b\n`)],
  ['50,000 lines', () => utf8(`${STATEMENT_HEADER}\n${'2027-03-02,1,0,a,b\n'.repeat(50_000)}`)],
  ['unbalanced quotes', () => utf8(`${STATEMENT_HEADER}\n"2027-03-02,1,0,a,b\n`)],
  ['NUL bytes', () => utf8(`${STATEMENT_HEADER}\n2027-03-02\u0000,1,0,a,b\n`)],
  ['nonsense numbers', () => utf8(`${STATEMENT_HEADER}\n2027-02-30,1e309,-0,a,b\n9999-99-99,NaN,1.5,a,b\n`)],
  [
    'ZIP header (fake XLSX)',
    () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0xff, 0xff]),
  ],
  ['formula injection', () => utf8(`${STATEMENT_HEADER}\n2027-03-02,1,0,=HYPERLINK("x"),@SUM(A1)\n`)],
];

/** One request to any operation: operations are picked evenly, then a variant of each. */
export function anyCase(operations: Operation[]): fc.Arbitrary<FuzzCase> {
  const perOperation = operations.map((op) => caseFor(op));
  return fc.nat(operations.length - 1).chain((i) => perOperation[i]);
}
