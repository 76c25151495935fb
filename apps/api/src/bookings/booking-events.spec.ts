import type { EntityManager } from 'typeorm';
import { BookingEvents, SlotFreed } from './booking-events';

describe('BookingEvents (the slot-freed registry)', () => {
  const tx = {} as EntityManager;

  it('calls every listener once per event, in registration order, with the transaction', async () => {
    const events = new BookingEvents();
    const calls: string[] = [];
    events.onSlotFreed(async (m, e) => {
      expect(m).toBe(tx);
      calls.push(`first:${e.bookingId}:${e.cause}`);
    });
    events.onSlotFreed(async (_m, e) => {
      calls.push(`second:${e.bookingId}`);
    });
    await events.slotFreed(tx, { bookingId: 'b1', cause: 'cancel' });
    expect(calls).toEqual(['first:b1:cancel', 'second:b1']);
  });

  it('stops calling a removed listener, and a failing listener fails the event (so the transaction rolls back)', async () => {
    const events = new BookingEvents();
    const seen: SlotFreed[] = [];
    const off = events.onSlotFreed(async (_m, e) => {
      seen.push(e);
    });
    off();
    await events.slotFreed(tx, { bookingId: 'b2', cause: 'reject' });
    expect(seen).toEqual([]);
    events.onSlotFreed(async () => {
      throw new Error('listener failed');
    });
    await expect(events.slotFreed(tx, { bookingId: 'b3', cause: 'cancel' })).rejects.toThrow(
      'listener failed',
    );
  });
});
