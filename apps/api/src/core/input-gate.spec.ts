import { findBadStrings, jsonDepthExceeds, MAX_ARRAY_ITEMS } from './input-gate';

describe('input gate', () => {
  it('refuses a list longer than MAX_ARRAY_ITEMS by its path, without walking its elements', () => {
    const items = Array.from({ length: MAX_ARRAY_ITEMS + 1 }, () => ({ assetId: '\u0000' }));
    expect(findBadStrings({ items })).toEqual([
      { field: 'items', code: 'too_many', params: { max: MAX_ARRAY_ITEMS } },
    ]);
    expect(findBadStrings(Array.from({ length: 19_000 }, () => 1))).toEqual([
      { field: 'body', code: 'too_many', params: { max: MAX_ARRAY_ITEMS } },
    ]);
  });

  it('lets a list of MAX_ARRAY_ITEMS through and still checks its strings', () => {
    const ids = Array.from({ length: MAX_ARRAY_ITEMS }, () => 'a');
    expect(findBadStrings({ ids })).toEqual([]);
    ids[7] = 'x\u0000';
    expect(findBadStrings({ ids })).toEqual([{ field: 'ids.7', code: 'nul_character' }]);
  });

  it('measures depth on the raw text', () => {
    expect(jsonDepthExceeds('[[[]]]', 3)).toBe(false);
    expect(jsonDepthExceeds('[[[[]]]]', 3)).toBe(true);
    expect(jsonDepthExceeds('{"a":"[[[[[["}', 1)).toBe(false);
  });
});
