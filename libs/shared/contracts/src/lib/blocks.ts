import type { LocalizedText } from './locale';
import type { SlotConflict } from './bookings';

/**
 * Blocks: staff hold an asset's time without a resident request (out of service, a residency
 * agreement, an experiment). A block is a booking of kind `block`: it holds its slot through the
 * same database constraint as any booking, skips the resident rules and costs nothing.
 */
export const BOOKING_KINDS = ['request', 'block'] as const;
export type BookingKind = (typeof BOOKING_KINDS)[number];

export const BLOCK_REASONS = ['maintenance', 'repair', 'residency', 'experiment', 'event', 'other'] as const;
export type BlockReason = (typeof BLOCK_REASONS)[number];

/** Reasons staff may give for an out-of-service period of an asset. */
export const OUT_OF_SERVICE_REASONS = [
  'maintenance',
  'repair',
  'other',
] as const satisfies readonly BlockReason[];
export type OutOfServiceReason = (typeof OUT_OF_SERVICE_REASONS)[number];

export const BLOCK_REASON_LABELS: Readonly<Record<BlockReason, LocalizedText>> = {
  maintenance: { ko: '점검', en: 'maintenance' },
  repair: { ko: '수리', en: 'repair' },
  residency: { ko: '입주 사용', en: 'residency' },
  experiment: { ko: '리빙랩 실험', en: 'experiment' },
  event: { ko: '행사', en: 'event' },
  other: { ko: '기타', en: 'other' },
};

/** What another domain asks the bookings domain to block (`BookingBlocksService`). */
export interface BlockInput {
  assetIds: string[];
  /** ISO 8601; the block holds exactly [start, end) (no buffers). */
  start: string;
  end: string;
  reason: BlockReason;
  note?: string;
  /** The record that made the block, e.g. `{ type: 'agreement', id }`. */
  source?: { type: string; id: string };
}

/**
 * A window that collides with a block. Staff see which booking holds it (`bookingId`, its kind and,
 * for another block, its reason) so they can settle it; never the person.
 */
export interface BlockConflict extends SlotConflict {
  bookingId: string;
  kind: BookingKind;
  blockReason: BlockReason | null;
}

/** `POST /api/assets/:id/out-of-service` (catalogue:manage). */
export interface CreateOutOfServiceRequest {
  start: string;
  end: string;
  reason: OutOfServiceReason;
  note?: string;
}

/** A block of one asset as staff see it. */
export interface OutOfServiceDto {
  id: string;
  assetId: string;
  start: string;
  end: string;
  reason: BlockReason;
  note: string | null;
  source: { type: string; id: string } | null;
  /** False once released. */
  active: boolean;
  createdBy: { id: string; displayName: string };
  createdAt: string;
}
