import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { lotteryKey, weightedDraw } from './lottery';
import { sha256Hex } from './sha256';

const nodeSha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it.each([
    '',
    'abc',
    'seed:1',
    '마당 추첨 2026',
    '😀 emoji',
    'x'.repeat(55),
    'y'.repeat(56),
    'z'.repeat(1000),
  ])('%j matches the FIPS digest', (text) => expect(sha256Hex(text)).toBe(nodeSha(text)));

  it('matches node:crypto on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => sha256Hex(text) === nodeSha(text)));
  });
});

describe('weightedDraw', () => {
  const entries = [
    { id: 'a', weight: 1 },
    { id: 'b', weight: 2 },
    { id: 'c', weight: 1 },
    { id: 'd', weight: 3 },
  ];

  it('is recomputable by hand from the published algorithm', () => {
    const result = weightedDraw({ seed: '2026-spring-hall', entries, winners: 2 });
    if (!result.ok) throw new Error('draw');
    // Round 1: all 7 tickets in id order a(0) b(1–2) c(3) d(4–6).
    const ticket1 = Number(BigInt(`0x${nodeSha('2026-spring-hall:1')}`) % 7n);
    expect(result.rounds[0]).toMatchObject({ round: 1, total: 7, ticket: ticket1 });
    const expected1 = ticket1 === 0 ? 'a' : ticket1 <= 2 ? 'b' : ticket1 === 3 ? 'c' : 'd';
    expect(result.rounds[0].winnerId).toBe(expected1);
    const weight1 = entries.find((e) => e.id === expected1)?.weight as number;
    expect(result.rounds[1].total).toBe(7 - weight1);
    expect(result.rounds[1].ticket).toBe(
      Number(BigInt(`0x${nodeSha('2026-spring-hall:2')}`) % BigInt(7 - weight1)),
    );
    expect(result.winners).toHaveLength(2);
    expect(new Set(result.winners).size).toBe(2);
  });

  it('same seed and entries in any order → same result; another seed usually another', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ id: fc.uuid(), weight: fc.integer({ min: 1, max: 5 }) }), {
          minLength: 1,
          maxLength: 30,
          selector: (e) => e.id,
        }),
        fc.string({ minLength: 1 }).filter((s) => s.trim().length > 0),
        (list, seed) => {
          const once = weightedDraw({ seed, entries: list });
          const again = weightedDraw({ seed, entries: [...list].reverse() });
          expect(again).toEqual(once);
          if (!once.ok) throw new Error('draw');
          expect([...once.winners].sort()).toEqual(list.map((e) => e.id).sort());
        },
      ),
    );
  });

  it('gives each entry a chance proportional to its weight (10,000 seeds)', () => {
    const wins: Record<string, number> = { a: 0, b: 0, c: 0, d: 0 };
    for (let i = 0; i < 10_000; i++) {
      const result = weightedDraw({ seed: `s${i}`, entries, winners: 1 });
      if (result.ok) wins[result.winners[0]] += 1;
    }
    // Expected 1/7, 2/7, 1/7, 3/7; 5 standard deviations is under 0.025.
    expect(wins['a'] / 10_000).toBeCloseTo(1 / 7, 1);
    expect(Math.abs(wins['b'] / 10_000 - 2 / 7)).toBeLessThan(0.025);
    expect(Math.abs(wins['d'] / 10_000 - 3 / 7)).toBeLessThan(0.025);
  });

  it('refuses bad input, naming it', () => {
    expect(weightedDraw({ seed: ' ', entries })).toMatchObject({
      ok: false,
      problems: [
        {
          code: 'empty_seed',
          field: 'seed',
          message: { ko: '추첨 시드가 비어 있습니다.', en: 'The draw needs a seed.' },
        },
      ],
    });
    expect(weightedDraw({ seed: 's', entries: [...entries, { id: 'a', weight: 1 }] })).toMatchObject({
      ok: false,
      problems: [{ code: 'duplicate_id', field: 'entries[4].id' }],
    });
    expect(weightedDraw({ seed: 's', entries: [{ id: 'x', weight: 0.5 }] })).toMatchObject({
      ok: false,
      problems: [{ code: 'invalid_weight', field: 'entries[0].weight' }],
    });
    expect(weightedDraw({ seed: 's', entries, winners: 5 })).toMatchObject({
      ok: false,
      problems: [{ code: 'invalid_winners' }],
    });
    expect(weightedDraw({ seed: 's', entries: [] })).toMatchObject({ ok: true, winners: [] });
  });

  it('lotteryKey is SHA-256 of seed:id', () => {
    expect(lotteryKey('seed', 'app-1')).toBe(nodeSha('seed:app-1'));
  });
});
