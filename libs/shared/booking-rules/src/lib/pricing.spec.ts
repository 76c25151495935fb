import type { Waiver } from './types';
import { formatKrw } from './format';
import { mulDivRoundHalfUp } from './money';
import { chairs, projector, roomA, run, type Scenario } from '../testing/fixtures';

const at = (date: string, from: string, to: string) => ({
  start: `${date}T${from}:00+09:00`,
  end: `${date}T${to}:00+09:00`,
});
const amounts = (s: Scenario) => run(s).quote.lines.map((l) => [l.assetId, l.kind, l.amount] as const);

const teamHalf: Waiver = {
  groupKinds: ['resident_team'],
  percent: 50,
  label: { ko: '주민 팀 감면', en: 'Resident team discount' },
};
const publicFull: Waiver = {
  purposes: ['public_interest'],
  percent: 100,
  label: { ko: '공익 활동 전액 감면', en: 'Public-interest waiver' },
};

describe('formatKrw', () => {
  it.each([
    [0, '0원', '₩0'],
    [20_000, '20,000원', '₩20,000'],
    [1_234_567, '1,234,567원', '₩1,234,567'],
    [-5_000, '-5,000원', '-₩5,000'],
  ])('%d', (amount, ko, en) => {
    expect(formatKrw(amount, 'ko')).toBe(ko);
    expect(formatKrw(amount, 'en')).toBe(en);
  });
});

describe('mulDivRoundHalfUp', () => {
  it.each([
    [[1, 1001], 2, 501], // 500.5 → 501
    [[1, 1003], 2, 502], // 501.5 → 502
    [[10, 1003], 60, 167], // 167.17 → 167
    [[10, 1009], 60, 168], // 168.17 → 168
    [[499], 1000, 0], // 0.499 → 0
    [[500], 1000, 1], // 0.5 → 1
    [[604_800_000, 9_999_999, 999], 3_600_000, 1_678_319_832_168], // exact beyond 2^53 intermediates
  ])('%j / %d = %d', (factors, divisor, expected) => {
    expect(mulDivRoundHalfUp(factors, divisor)).toBe(expected);
  });
  it('refuses non-integers', () => {
    expect(() => mulDivRoundHalfUp([1.5], 1)).toThrow(RangeError);
  });
});

describe('quote', () => {
  it('hourly: 2 h × 20,000 with a label that shows the computation', () => {
    const { quote } = run();
    expect(quote).toEqual({
      currency: 'KRW',
      lines: [
        {
          assetId: 'room-a',
          kind: 'rate',
          label: { ko: '회의실 A: 2시간 × 20,000원', en: 'Meeting Room A: 2 h × ₩20,000' },
          quantity: 2,
          unit: 'hour',
          unitPrice: 20_000,
          multiplier: 1,
          amount: 40_000,
        },
      ],
      subtotal: 40_000,
      waived: 0,
      deposit: 0,
      total: 40_000,
    });
  });

  it.each<[string, Scenario, number]>([
    ['90 min prorated', { request: at('2026-06-02', '10:00', '11:30') }, 30_000],
    [
      '30 min of 1,001 won/h rounds half up to 501',
      { assets: [roomA({ pricing: { rate: 1_001 } })], request: at('2026-06-02', '10:00', '10:30') },
      501,
    ],
    [
      '10 min of 1,003 won/h = 167.17 → 167',
      {
        assets: [roomA({ pricing: { rate: 1_003 }, slotStepMinutes: 10, minDurationMinutes: 10 })],
        request: at('2026-06-02', '10:00', '10:10'),
      },
      167,
    ],
    ['a free room costs nothing and has no lines', { assets: [roomA({ pricing: { rate: 0 } })] }, 0],
  ])('%s', (_name, s, total) => {
    expect(run(s).quote.total).toBe(total);
  });

  it('labels a prorated duration in hours and minutes', () => {
    const [line] = run({ request: at('2026-06-02', '10:00', '11:30') }).quote.lines;
    expect(line.label).toEqual({
      ko: '회의실 A: 1시간 30분 × 20,000원',
      en: 'Meeting Room A: 1 h 30 min × ₩20,000',
    });
    expect(line.quantity).toBe(1.5);
  });

  describe('peak', () => {
    const peak = {
      peak: [
        { weekdays: [1, 2, 3, 4, 5] as (1 | 2 | 3 | 4 | 5)[], from: '18:00', to: '22:00', rate: 30_000 },
      ],
    };
    it('straddling the start of the peak: 1 h regular + 1 h peak', () => {
      const result = run({
        assets: [roomA({ pricing: { rate: 20_000, ...peak } })],
        request: at('2026-06-02', '17:00', '19:00'),
      });
      expect(result.quote.lines.map((l) => [l.kind, l.quantity, l.unitPrice, l.amount])).toEqual([
        ['rate', 1, 20_000, 20_000],
        ['peak', 1, 30_000, 30_000],
      ]);
      expect(result.quote.lines[1].label).toEqual({
        ko: '회의실 A: 피크 시간 1시간 × 30,000원',
        en: 'Meeting Room A: peak 1 h × ₩30,000',
      });
      expect(result.quote.total).toBe(50_000);
    });
    it('peak windows only on their weekdays (Saturday is regular)', () => {
      const result = run({
        assets: [roomA({ pricing: { rate: 20_000, ...peak } })],
        request: at('2026-06-06', '16:00', '18:00'),
      });
      expect(result.quote.lines.map((l) => l.kind)).toEqual(['rate']);
    });
    it('overlapping peak windows: the higher rate wins per minute', () => {
      const windows = [
        { weekdays: [2] as 2[], from: '10:00', to: '12:00', rate: 30_000 },
        { weekdays: [2] as 2[], from: '11:00', to: '13:00', rate: 40_000 },
      ];
      const result = run({
        assets: [roomA({ pricing: { rate: 20_000, peak: windows } })],
        request: at('2026-06-02', '09:30', '13:30'),
      });
      // 09:30–10:00 regular 0.5 h, 10:00–11:00 at 30k, 11:00–13:00 at 40k, 13:00–13:30 regular
      expect(result.quote.lines.map((l) => [l.kind, l.quantity, l.amount])).toEqual([
        ['rate', 1, 20_000],
        ['peak', 1, 30_000],
        ['peak', 2, 80_000],
      ]);
    });
  });

  it('daily pool: local days touched × rate × quantity, deposit per item', () => {
    const result = run({
      assets: [chairs()],
      request: {
        start: '2026-06-02T10:00:00+09:00',
        end: '2026-06-03T10:00:00+09:00',
        items: [{ assetId: 'chairs', quantity: 3 }],
      },
    });
    expect(result.quote.lines).toEqual([
      expect.objectContaining({
        kind: 'rate',
        quantity: 2,
        unit: 'day',
        unitPrice: 1_000,
        multiplier: 3,
        amount: 6_000,
      }),
      expect.objectContaining({
        kind: 'deposit',
        quantity: 3,
        unit: 'item',
        unitPrice: 2_000,
        amount: 6_000,
      }),
    ]);
    expect(result.quote.lines[0].label).toEqual({
      ko: '접이식 의자: 2일 × 1,000원 × 3개',
      en: 'Folding chairs: 2 days × ₩1,000 × 3',
    });
    expect(result.quote.total).toBe(12_000);
  });

  it('daily: ending at local midnight does not touch the next day', () => {
    const result = run({
      assets: [chairs()],
      request: {
        start: '2026-06-02T10:00:00+09:00',
        end: '2026-06-03T00:00:00+09:00',
        items: [{ assetId: 'chairs', quantity: 1 }],
      },
    });
    expect(result.quote.lines[0]).toMatchObject({ quantity: 1, amount: 1_000 });
  });

  describe('waivers', () => {
    const rules = { pricing: { rate: 20_000, deposit: 50_000, waivers: [teamHalf, publicFull] } };
    it.each<[string, Scenario['request'], [string, number][]]>([
      [
        'none without group or tag',
        {},
        [
          ['rate', 40_000],
          ['deposit', 50_000],
        ],
      ],
      [
        'resident team 50%, deposit kept',
        { groupId: 'g1' },
        [
          ['rate', 40_000],
          ['waiver', -20_000],
          ['deposit', 50_000],
        ],
      ],
      [
        'NGO group matches nothing',
        { groupId: 'g2' },
        [
          ['rate', 40_000],
          ['deposit', 50_000],
        ],
      ],
      [
        'public interest 100% also waives the deposit',
        { purposeTag: 'public_interest' },
        [
          ['rate', 40_000],
          ['waiver', -40_000],
          ['deposit', 0],
        ],
      ],
      [
        'best single waiver wins when both match',
        { groupId: 'g1', purposeTag: 'public_interest' },
        [
          ['rate', 40_000],
          ['waiver', -40_000],
          ['deposit', 0],
        ],
      ],
      [
        'a group the actor is not in gives nothing',
        { groupId: 'g-foreign' },
        [
          ['rate', 40_000],
          ['deposit', 50_000],
        ],
      ],
    ])('%s', (_name, request, expected) => {
      const { quote } = run({ assets: [roomA(rules)], request });
      expect(quote.lines.map((l) => [l.kind, l.amount])).toEqual(expected);
      expect(quote.lines.reduce((s, l) => s + l.amount, 0)).toBe(quote.total);
    });

    it('waiver totals and labels', () => {
      const { quote } = run({ assets: [roomA(rules)], request: { groupId: 'g1' } });
      expect(quote).toMatchObject({ subtotal: 40_000, waived: 20_000, deposit: 50_000, total: 70_000 });
      expect(quote.lines[1].label).toEqual({
        ko: '회의실 A: 주민 팀 감면 — 40,000원의 50%',
        en: 'Meeting Room A: Resident team discount — 50% of ₩40,000',
      });
      const full = run({ assets: [roomA(rules)], request: { purposeTag: 'public_interest' } }).quote;
      expect(full.lines[2].label.en).toBe(
        'Meeting Room A: deposit ₩50,000 — waived (Public-interest waiver)',
      );
    });

    it('rounds the waiver half up once', () => {
      const odd = { pricing: { rate: 1_001, waivers: [{ ...teamHalf, percent: 50 }] } };
      const { quote } = run({
        assets: [roomA(odd)],
        request: { ...at('2026-06-02', '10:00', '11:00'), groupId: 'g1' },
      });
      expect(quote).toMatchObject({ subtotal: 1_001, waived: 501, total: 500 });
    });
  });

  describe('multi-item requests are all or nothing', () => {
    const items = [
      { assetId: 'room-a', quantity: 1 },
      { assetId: 'projector', quantity: 1 },
      { assetId: 'chairs', quantity: 10 },
    ];
    const assets = [roomA(), projector(), chairs()];
    it('quotes every item and sums them', () => {
      const result = run({ assets, request: { items } });
      expect(result.ok).toBe(true);
      expect(amounts({ assets, request: { items } })).toEqual([
        ['room-a', 'rate', 40_000],
        ['projector', 'rate', 10_000],
        ['projector', 'deposit', 10_000],
        ['chairs', 'rate', 10_000],
        ['chairs', 'deposit', 20_000],
      ]);
      expect(result.quote).toMatchObject({ subtotal: 60_000, waived: 0, deposit: 30_000, total: 90_000 });
    });
    it('one bad item fails the whole request, the quote still shows everything', () => {
      const bad = items.map((i) => (i.assetId === 'chairs' ? { ...i, quantity: 25 } : i));
      const result = run({ assets, request: { items: bad } });
      expect(result.ok).toBe(false);
      expect(result.violations.map((v) => [v.code, v.assetId])).toEqual([['quantity_invalid', 'chairs']]);
      expect(result.quote.lines.map((l) => l.assetId)).toEqual([
        'room-a',
        'projector',
        'projector',
        'chairs',
        'chairs',
      ]);
    });
    it('an invalid range yields an empty quote', () => {
      expect(run({ request: at('2026-06-02', '12:00', '10:00') }).quote).toEqual({
        currency: 'KRW',
        lines: [],
        subtotal: 0,
        waived: 0,
        deposit: 0,
        total: 0,
      });
    });
  });
});
