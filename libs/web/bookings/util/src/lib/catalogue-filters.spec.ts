import { NO_FILTERS, activeFilterCount, toAssetQuery } from './catalogue-filters';

describe('catalogue filters', () => {
  it('count what narrows the list, the free-only box included', () => {
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...NO_FILTERS, kind: 'space', minCapacity: '20' })).toBe(2);
    expect(
      activeFilterCount({
        ...NO_FILTERS,
        tags: 'wifi',
        at: '2026-12-03T10:00',
        onlyFree: true,
        categoryId: 'c',
      }),
    ).toBe(4);
  });

  it('ask the API only for what it can answer, tidied', () => {
    expect(toAssetQuery(NO_FILTERS)).toEqual({});
    expect(
      toAssetQuery({
        ...NO_FILTERS,
        kind: 'space',
        categoryId: 'c1',
        minCapacity: '12',
        tags: ' wifi, ,projector ',
      }),
    ).toEqual({ kind: 'space', categoryId: 'c1', minCapacity: 12, tags: 'wifi,projector' });
    // Not a whole positive number: no capacity filter rather than a refused request.
    for (const minCapacity of ['0', '-3', '2.5', 'abc'])
      expect(toAssetQuery({ ...NO_FILTERS, minCapacity })).toEqual({});
    // Time and "free only" are worked out on the page from the availability answer.
    expect(toAssetQuery({ ...NO_FILTERS, at: '2026-12-03T10:00', onlyFree: true })).toEqual({});
  });
});
