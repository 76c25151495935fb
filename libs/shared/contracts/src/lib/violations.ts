import type { LocalizedText } from './locale';

/** Stable codes; the API returns them and clients may switch on them. Never rename one. */
export const VIOLATION_CODES = [
  'invalid_time',
  'invalid_range',
  'in_the_past',
  'no_items',
  'duplicate_item',
  'attendees_invalid',
  'group_not_member',
  'asset_unknown',
  'asset_inactive',
  'not_eligible',
  'outside_opening_hours',
  'closed_on_date',
  'misaligned_to_slot',
  'too_short',
  'too_long',
  'notice_too_short',
  'too_far_ahead',
  'over_capacity',
  'quantity_invalid',
  'quota_bookings_exceeded',
  'quota_hours_exceeded',
  'cancel_after_start',
  'range_too_long',
  'too_many_pending',
  'no_show_suspended',
] as const;
export type ViolationCode = (typeof VIOLATION_CODES)[number];

export interface Violation {
  code: ViolationCode;
  /** The asset the rule belongs to; absent for request-wide problems. */
  assetId?: string;
  /** Language-neutral facts (limits, dates, minutes) for clients that build their own UI. */
  params: Record<string, string | number>;
  /** A sentence a resident understands. */
  message: LocalizedText;
}
