import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A booking stopped holding its slot (cancelled, rejected, released as a no-show …). */
export interface SlotFreed {
  bookingId: string;
  /** The transition that freed it (`cancel`, `reject`, …). */
  cause: string;
}

/** Runs inside the transaction that frees the slot: what it writes commits or rolls back with it. */
export type SlotFreedListener = (tx: EntityManager, event: SlotFreed) => Promise<void>;

/**
 * The bookings module's in-process events. Other parts of the bookings domain (the waitlist)
 * register here instead of being called by name from the transition path, so the transition path
 * stays one line long whatever listens.
 */
@Injectable()
export class BookingEvents {
  private readonly slotFreedListeners: SlotFreedListener[] = [];

  /** Registers a listener; returns a function that removes it. */
  onSlotFreed(listener: SlotFreedListener): () => void {
    this.slotFreedListeners.push(listener);
    return () => {
      const at = this.slotFreedListeners.indexOf(listener);
      if (at >= 0) this.slotFreedListeners.splice(at, 1);
    };
  }

  /** Called once per freed booking by the transition path, in its transaction, listeners in order. */
  async slotFreed(tx: EntityManager, event: SlotFreed): Promise<void> {
    for (const listener of this.slotFreedListeners) await listener(tx, event);
  }
}
