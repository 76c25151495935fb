import { registerMessages } from '@madang/web/i18n';
import { BOOKINGS_MESSAGES } from './bookings.messages';
import { assetFactsText } from './booking-labels';

describe('assetFactsText', () => {
  beforeAll(() => registerMessages(BOOKINGS_MESSAGES));
  const room = {
    kind: 'space' as const,
    categoryName: { ko: '회의실', en: 'Meeting room' },
    capacity: 6,
    poolSize: null,
  };

  it('names the kind, the category and the size in the language asked for', () => {
    expect(assetFactsText(room, 'ko')).toBe('공간 · 회의실 · 최대 6명');
    expect(assetFactsText(room, 'en')).toBe('Space · Meeting room · Up to 6 people');
  });

  it('gives a pool its number of units, and leaves out what an asset does not have', () => {
    const pool = {
      kind: 'equipment_pool' as const,
      categoryName: { ko: '노트북', en: 'Laptops' },
      capacity: null,
      poolSize: 12,
    };
    expect(assetFactsText(pool, 'ko')).toBe('수량 장비 · 노트북 · 12개 보유');
    expect(assetFactsText({ ...room, capacity: null }, 'en')).toBe('Space · Meeting room');
  });
});
