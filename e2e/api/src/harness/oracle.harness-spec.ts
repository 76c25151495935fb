import { batchCases } from './support/fuzz-runner';
import { resolveTokens } from './support/generators';
import { operationsOf } from './support/openapi';
import { checkAnswer } from './support/oracle';
import type { ProbeResult } from './support/probe';

/** The harness's own pieces, without a server: the oracle must be able to fail, and seeds must replay. */
const problem = (status: number, body: Record<string, unknown>): ProbeResult => ({
  status,
  contentType: 'application/problem+json; charset=utf-8',
  text: JSON.stringify({ status, ...body }),
  json: { status, ...body },
  ms: 3,
});
const req = { method: 'POST', url: '/api/x', body: '{"purpose":"SELECT a FROM b"}' };
const kinds = (r: ProbeResult) => checkAnswer(req, r).map((v) => v.kind);

describe('harness oracle', () => {
  it('accepts a well-formed problem and a plain success', () => {
    expect(kinds(problem(404, { code: 'not_found' }))).toEqual([]);
    expect(
      kinds(problem(400, { code: 'validation_failed', errors: [{ field: 'start', code: 'not_date' }] })),
    ).toEqual([]);
    expect(
      kinds({ status: 200, contentType: 'application/json', text: '{"ok":true}', json: { ok: true }, ms: 1 }),
    ).toEqual([]);
  });

  it('flags 5xx, missing codes and fields, wrong media types, stalls', () => {
    expect(kinds(problem(500, { code: 'internal_error' }))).toEqual(['500']);
    expect(kinds(problem(400, {}))).toEqual(['problem without code']);
    expect(kinds(problem(400, { code: 'validation_failed' }))).toEqual(['validation problem without field']);
    expect(kinds(problem(422, { code: 'rule_violation', status: 400 }))).toEqual(['problem status mismatch']);
    expect(kinds({ status: 431, contentType: '', text: '', json: undefined, ms: 1 })).toEqual([
      'not problem+json',
    ]);
    expect(
      kinds({
        status: 0,
        contentType: '',
        text: '',
        json: undefined,
        ms: 10_000,
        error: 'TimeoutError: aborted due to timeout',
      }),
    ).toEqual(['no answer (stall)']);
  });

  it('finds stacks, SQL, paths and node_modules in any body, but not text the client sent itself', () => {
    const leaky = (text: string): ProbeResult => ({
      status: 200,
      contentType: 'application/json',
      text,
      json: {},
      ms: 1,
    });
    expect(
      kinds(leaky('{"e":"TypeError: x is undefined\\n    at Foo.bar (/srv/app/main.js:10:5)"}')),
    ).toEqual(expect.arrayContaining(['leaks stack trace', 'leaks file path', 'leaks exception name']));
    expect(kinds(leaky('{"e":"duplicate key value violates unique constraint \\"x\\""}'))).toEqual([
      'leaks SQL',
    ]);
    expect(kinds(leaky('{"e":"/app/node_modules/typeorm"}'))).toContain('leaks node_modules path');
    expect(kinds(leaky('{"purpose":"SELECT a FROM b"}'))).toEqual([]);
  });
});

describe('harness generators', () => {
  const doc = {
    paths: {
      '/api/things/{id}': {
        patch: {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/T' } } },
          },
          security: [{ cookie: [] }],
        },
      },
      '/api/things': { get: { parameters: [{ name: 'from', in: 'query', schema: { type: 'string' } }] } },
    },
    components: {
      schemas: {
        T: {
          type: 'object',
          properties: { name: { type: 'string' }, size: { type: 'number' } },
          required: ['name'],
        },
      },
    },
  };
  const operations = operationsOf(doc);

  it('reads operations, resolving $refs, and knows which are public', () => {
    expect(operations.map((o) => [o.key, o.public])).toEqual([
      ['GET /api/things', true],
      ['PATCH /api/things/{id}', false],
    ]);
    expect(operations[1].body?.schema.properties?.['name']).toEqual({ type: 'string' });
  });

  it('replays: the same seed gives the same requests; another seed, others', () => {
    expect(batchCases(operations, 42, 50)).toEqual(batchCases(operations, 42, 50));
    expect(batchCases(operations, 43, 50)).not.toEqual(batchCases(operations, 42, 50));
  });

  it('resolves id tokens in JSON and in encoded query strings', () => {
    const pools = { asset: ['a1', 'a2'] };
    expect(resolveTokens('{"assetId":"«asset:3»"}', pools)).toBe('{"assetId":"a2"}');
    expect(resolveTokens('?assetId=%C2%ABasset%3A4%C2%BB', pools)).toBe('?assetId=a1');
  });
});
