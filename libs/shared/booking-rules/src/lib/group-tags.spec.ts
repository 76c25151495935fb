import { checkRulesOverride } from './schema';
import { codes, resident, roomA, run } from '../testing/fixtures';

/**
 * Time-bound group privileges: a group holds standing tags for a term (e.g. `resident_base` from a
 * residency agreement); rules match them like group kinds — waivers, eligibility, window overrides —
 * and only for a booking made for that group.
 */
const WAIVER = {
  groupTags: ['resident_base'],
  percent: 100,
  label: { ko: '입주 팀 면제', en: 'Resident base' },
};
const tagged = {
  ...resident,
  groups: [
    { id: 'g1', kind: 'resident_team' as const },
    { id: 'g2', kind: 'ngo' as const, tags: ['resident_base'] },
  ],
};

describe('group standing tags', () => {
  it('waive the fee for a booking made for the tagged group', () => {
    const result = run({
      actor: tagged,
      request: { groupId: 'g2' },
      assets: [roomA({ pricing: { rate: 20_000, waivers: [WAIVER] } })],
    });
    expect(result.ok).toBe(true);
    expect(result.quote.subtotal).toBe(40_000);
    expect(result.quote.waived).toBe(40_000);
    expect(result.quote.total).toBe(0);
  });

  it('do nothing for a personal booking, another group, or a group without the tag', () => {
    for (const scenario of [
      { actor: tagged, request: {} },
      { actor: tagged, request: { groupId: 'g1' } },
      { actor: resident, request: { groupId: 'g2' } },
    ]) {
      const result = run({ ...scenario, assets: [roomA({ pricing: { rate: 20_000, waivers: [WAIVER] } })] });
      expect(result.quote.waived).toBe(0);
      expect(result.quote.total).toBe(40_000);
    }
  });

  it('open an asset restricted to the tag, and widen the booking window', () => {
    const restricted = roomA({ eligibility: { groupTags: ['resident_base'] } });
    expect(codes(run({ assets: [restricted], actor: tagged, request: { groupId: 'g2' } }))).toEqual([]);
    expect(codes(run({ assets: [restricted], actor: resident, request: { groupId: 'g2' } }))).toEqual([
      'not_eligible',
    ]);
    const far = { start: '2026-09-01T10:00:00+09:00', end: '2026-09-01T12:00:00+09:00' };
    const window = roomA({
      maxAdvanceDays: 30,
      windowOverrides: [{ groupTags: ['resident_base'], maxAdvanceDays: 120 }],
    });
    expect(codes(run({ assets: [window], actor: tagged, request: { groupId: 'g2', ...far } }))).toEqual([]);
    expect(codes(run({ assets: [window], actor: tagged, request: { groupId: 'g1', ...far } }))).toEqual([
      'too_far_ahead',
    ]);
  });

  it('are valid rule keys; a malformed tag is refused by the schema', () => {
    expect(checkRulesOverride({ pricing: { waivers: [WAIVER] } })).toEqual([]);
    expect(
      checkRulesOverride({ pricing: { waivers: [{ ...WAIVER, groupTags: ['Resident Base'] }] } }).length,
    ).toBeGreaterThan(0);
  });
});
