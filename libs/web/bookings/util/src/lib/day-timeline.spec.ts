import type { BookingDto } from '@madang/contracts';
import { capPerDay, layoutDay } from './day-timeline';

const booking = (id: string, assetIds: string[], start: string, end: string): BookingDto =>
  ({
    id,
    items: assetIds.map((assetId) => ({
      assetId,
      assetName: { ko: assetId, en: assetId },
      kind: 'space',
      quantity: 1,
      rulesVersion: 1,
    })),
    start,
    end,
    decision: 'approved',
  }) as BookingDto;

// 08:00–20:00 UTC, 12 hours.
const window = {
  start: Date.parse('2026-12-01T08:00:00Z'),
  end: Date.parse('2026-12-01T20:00:00Z'),
  fromHour: 8,
  toHour: 20,
};

describe('layoutDay', () => {
  it('keeps one row per asset in order, empty rows included, a booking on each of its assets', () => {
    const rows = layoutDay(
      ['a', 'b', 'c'],
      [booking('1', ['c', 'a'], '2026-12-01T11:00:00Z', '2026-12-01T14:00:00Z')],
      window,
    );
    expect(rows.map((r) => r.assetId)).toEqual(['a', 'b', 'c']);
    expect(rows.map((r) => r.bars.length)).toEqual([1, 0, 1]);
    expect(rows[0].bars[0]).toMatchObject({
      left: 25,
      width: 25,
      lane: 0,
      clippedStart: false,
      clippedEnd: false,
    });
  });

  it('stacks overlapping bookings of one asset in lanes and reuses a lane once it is free', () => {
    const rows = layoutDay(
      ['a'],
      [
        booking('1', ['a'], '2026-12-01T09:00:00Z', '2026-12-01T12:00:00Z'),
        booking('2', ['a'], '2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z'),
        booking('3', ['a'], '2026-12-01T12:00:00Z', '2026-12-01T13:00:00Z'),
      ],
      window,
    );
    expect(rows[0].bars.map((b) => [b.booking.id, b.lane])).toEqual([
      ['1', 0],
      ['2', 1],
      ['3', 0],
    ]);
    expect(rows[0].lanes).toBe(2);
  });

  it('clips bookings at the window and drops those outside it', () => {
    const rows = layoutDay(
      ['a'],
      [
        booking('early', ['a'], '2026-12-01T06:00:00Z', '2026-12-01T09:00:00Z'),
        booking('night', ['a'], '2026-12-01T21:00:00Z', '2026-12-01T22:00:00Z'),
        booking('late', ['a'], '2026-12-01T19:00:00Z', '2026-12-02T01:00:00Z'),
      ],
      window,
    );
    expect(rows[0].bars.map((b) => b.booking.id)).toEqual(['early', 'late']);
    expect(rows[0].bars[0]).toMatchObject({ left: 0, clippedStart: true, clippedEnd: false });
    expect(rows[0].bars[1].left + rows[0].bars[1].width).toBeCloseTo(100);
    expect(rows[0].bars[1].clippedEnd).toBe(true);
  });
});

describe('capPerDay', () => {
  it('keeps small days whole and turns the rest of a busy day into a count, per local day', () => {
    const list = [
      booking('a1', ['a'], '2026-12-01T01:00:00Z', '2026-12-01T02:00:00Z'),
      // 19:30–23:30 UTC on the 1st is the 2nd in Seoul.
      ...[0, 1, 2, 3, 4].map((i) =>
        booking(`b${i}`, ['a'], `2026-12-01T${19 + i}:30:00Z`, '2026-12-02T03:00:00Z'),
      ),
    ];
    const { shown, more } = capPerDay(list, 'Asia/Seoul', 3);
    expect(shown.map((b) => b.id)).toEqual(['a1', 'b0', 'b1']);
    expect(more).toEqual([{ date: '2026-12-02', count: 3 }]);
    expect(capPerDay(list, 'UTC', 3).more).toEqual([{ date: '2026-12-01', count: 4 }]);
  });
});
