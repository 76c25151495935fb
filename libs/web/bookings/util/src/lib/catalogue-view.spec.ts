import type { AssetAvailability, AssetSummary } from '@madang/contracts';
import { freeStateAt, groupIdenticalAssets, naturalCompare } from './catalogue-view';

const asset = (id: string, over: Partial<AssetSummary> = {}): AssetSummary => ({
  id,
  categoryId: 'cowork',
  categoryCode: 'coworking',
  categoryName: { ko: '코워킹', en: 'Co-working' },
  kind: 'space',
  name: { ko: `데스크 ${id}`, en: `Desk ${id}` },
  description: { ko: '전원', en: 'Power' },
  capacity: 1,
  poolSize: null,
  location: 'Floor 2',
  amenities: ['power', 'wifi'],
  accessibility: [],
  photoIds: [],
  active: true,
  approvalRequired: false,
  price: { unit: 'day', rate: 5000, deposit: 0 },
  ...over,
});

describe('groupIdenticalAssets', () => {
  it('folds identical spaces into one entry at the first one’s place, seats in natural order', () => {
    const hall = asset('hall', { categoryId: 'hall', capacity: 80, name: { ko: '홀', en: 'Hall' } });
    const desks = ['10', '2', '1'].map((n) =>
      asset(n, { accessibility: n === '1' ? ['height-adjustable'] : [] }),
    );
    const entries = groupIdenticalAssets([hall, ...desks]);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toEqual({ type: 'single', asset: hall });
    expect(entries[1].type).toBe('group');
    if (entries[1].type === 'group') expect(entries[1].members.map((m) => m.id)).toEqual(['1', '2', '10']);
  });

  it('keeps spaces that differ in price, capacity or amenities apart, and never groups equipment', () => {
    const list = [
      asset('a'),
      asset('b', { price: { unit: 'day', rate: 6000, deposit: 0 } }),
      asset('c', { capacity: 2 }),
      asset('d', { amenities: ['power'] }),
      asset('p1', { kind: 'equipment_item' }),
      asset('p2', { kind: 'equipment_item' }),
      asset('p3', { kind: 'equipment_item' }),
    ];
    expect(groupIdenticalAssets(list).every((e) => e.type === 'single')).toBe(true);
  });

  it('needs at least minSize twins', () => {
    expect(groupIdenticalAssets([asset('1'), asset('2')]).map((e) => e.type)).toEqual(['single', 'single']);
    expect(groupIdenticalAssets([asset('1'), asset('2')], 2).map((e) => e.type)).toEqual(['group']);
  });
});

describe('naturalCompare', () => {
  const sorted = (names: string[]) => [...names].sort(naturalCompare);

  it('orders numbers by value and the rest letter by letter, ignoring case', () => {
    expect(sorted(['Desk 10', 'Desk 2', 'Desk 1', 'desk 3'])).toEqual([
      'Desk 1',
      'Desk 2',
      'desk 3',
      'Desk 10',
    ]);
    expect(sorted(['Booth B2', 'Booth A10', 'Booth A9', 'Booth'])).toEqual([
      'Booth',
      'Booth A9',
      'Booth A10',
      'Booth B2',
    ]);
    expect(sorted(['데스크 12', '데스크 3', '부스 1'])).toEqual(['데스크 3', '데스크 12', '부스 1']);
  });

  it('is a total order: leading zeros and case decide last, equal names are equal', () => {
    expect(sorted(['Desk 2', 'Desk 02', 'Desk 002'])).toEqual(['Desk 2', 'Desk 02', 'Desk 002']);
    expect(naturalCompare('Desk 1', 'desk 1')).toBeLessThan(0);
    expect(naturalCompare('desk 1', 'Desk 1')).toBeGreaterThan(0);
    expect(naturalCompare('Desk 7', 'Desk 7')).toBe(0);
    expect(naturalCompare('', 'Desk')).toBeLessThan(0);
  });

  it('sorts seats without a collator (no ICU while the catalogue hydrates)', () => {
    const localeCompare = jest.spyOn(String.prototype, 'localeCompare');
    const collator = jest.spyOn(Intl, 'Collator');
    try {
      const entries = groupIdenticalAssets(['10', '2', '1'].map((n) => asset(n)));
      expect(entries[0].type === 'group' && entries[0].members.map((m) => m.id)).toEqual(['1', '2', '10']);
      expect(localeCompare).not.toHaveBeenCalled();
      expect(collator).not.toHaveBeenCalled();
    } finally {
      localeCompare.mockRestore();
      collator.mockRestore();
    }
  });
});

describe('freeStateAt', () => {
  const availability = (free: [string, string][]): AssetAvailability => ({
    assetId: 'x',
    kind: 'space',
    poolSize: null,
    open: [],
    busy: [],
    free: free.map(([start, end]) => ({ start, end })),
  });
  const at = '2026-12-01T05:00:00.000Z';

  it('is free when a free interval covers the moment for a whole slot', () => {
    expect(freeStateAt(availability([['2026-12-01T04:00:00Z', '2026-12-01T06:00:00Z']]), at)).toEqual({
      state: 'free',
    });
  });

  it('names the next moment with enough free time when busy now', () => {
    const a = availability([
      ['2026-12-01T04:00:00Z', '2026-12-01T05:10:00Z'],
      ['2026-12-01T06:00:00Z', '2026-12-01T06:15:00Z'],
      ['2026-12-01T07:30:00Z', '2026-12-01T09:00:00Z'],
    ]);
    expect(freeStateAt(a, at)).toEqual({ state: 'later', at: '2026-12-01T07:30:00.000Z' });
  });

  it('is none when nothing is free later in the window, or nothing is known', () => {
    expect(freeStateAt(availability([['2026-12-01T01:00:00Z', '2026-12-01T02:00:00Z']]), at)).toEqual({
      state: 'none',
    });
    expect(freeStateAt(undefined, at)).toEqual({ state: 'none' });
  });
});
