import type { LocalizedText } from './locale';
import type { AssetKind, BookingItem, Quote } from './rental-rules';
import type { GroupKind } from './roles';
import type { PageQuery } from './users';
import type { PaymentKind, PaymentMethod, PaymentView } from './settlement';
import type { Violation } from './violations';
import type { BlockReason, BookingKind } from './blocks';

/** HTTP contract of bookings and approvals. Times are ISO 8601 strings in UTC; money is integer KRW. */

export type CreateBookingRequest = {
  items: BookingItem[];
  start: string;
  end: string;
  purpose: string;
  purposeTag?: string;
  attendees: number;
  groupId?: string | null;
};

export type Decision = 'pending' | 'approved' | 'rejected' | 'cancelled';
export type PaymentStatus = 'quoted' | 'waived' | 'invoiced' | 'paid' | 'refunded';

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface BookingDto {
  id: string;
  requester: PersonRef;
  group: { id: string; name: string; kind: GroupKind } | null;
  items: {
    assetId: string;
    assetName: LocalizedText;
    kind: AssetKind;
    quantity: number;
    rulesVersion: number;
  }[];
  start: string;
  end: string;
  purpose: string;
  purposeTag: string | null;
  attendees: number;
  /** Axis 1: does it hold its slot? */
  holdsSlot: boolean;
  /** Axis 2: the decision, with who, when and why. */
  decision: Decision;
  decidedBy: PersonRef | null;
  decidedAt: string | null;
  decisionReason: string | null;
  /** Axis 3: the money. */
  payment: { status: PaymentStatus; quotedTotal: number; cancellationFee: number };
  quote: Quote;
  approvalRequired: boolean;
  createdAt: string;
  /** `block`: staff hold the time (see blocks.ts); its reason, never personal data. */
  kind: BookingKind;
  blockReason: BlockReason | null;
}

/**
 * What cancelling a booking now would mean, computed by the API exactly as the cancellation will be:
 * from each item's booked rule version, never the asset's current rules.
 */
export interface CancellationTerms {
  allowed: boolean;
  /** Charged to the requester if cancelled now; 0 when an approver cancels someone else's booking. */
  fee: number;
  /** Cancelling is free before this instant (the earliest deadline of the items); null if not applicable. */
  freeUntil: string | null;
  /** Why it cannot be cancelled now (`cancel_after_start`), when `allowed` is false. */
  violation: Violation | null;
  /** An approver cancelling someone else's booking must give a reason. */
  reasonRequired: boolean;
}

export interface QuoteResponse {
  ok: boolean;
  violations: Violation[];
  approvalRequired: boolean;
  quote: Quote;
  /** Windows already held on the requested assets (who holds them is not told). */
  conflicts: SlotConflict[];
}

export interface SlotConflict {
  assetId: string;
  assetName: LocalizedText;
  start: string;
  end: string;
  /** Set when the window is held by a block (out of service, …): why, never who. */
  blocked?: BlockReason;
}

export interface BookingListQuery extends PageQuery {
  /** mine (default) or all (needs bookings:read-all). */
  scope?: 'mine' | 'all';
  decision?: Decision;
  assetId?: string;
  from?: string;
  to?: string;
}

/** The approval queue, longest waiting first. */
export type ApprovalQueueQuery = PageQuery;

export interface ApprovalQueueItem extends BookingDto {
  waitingMinutes: number;
  /** Past the service target (one working day). */
  overdue: boolean;
  requesterHistory: { approved: number; rejected: number; cancelled: number; pending: number };
  /** Other pending requests for the same assets and overlapping time. */
  conflicts: { bookingId: string; start: string; end: string }[];
}

export interface RejectRequest {
  reason: string;
}
export interface CancelRequest {
  reason?: string;
}
export interface BulkDecisionRequest {
  ids: string[];
  action: 'approve' | 'reject';
  reason?: string;
}
export interface BulkDecisionResult {
  results: { id: string; ok: boolean; status: number; code?: string; decision?: Decision }[];
}

/**
 * `POST /api/bookings/:id/payments` (operations): money received or paid back for a booking. It is
 * posted to settlement's ledger (fees to the budget line of the asset's category) in the same
 * transaction, and the booking's money axis moves (invoiced → paid → refunded).
 */
export interface RecordBookingPaymentRequest {
  kind: PaymentKind;
  method: PaymentMethod;
  amount: number;
  /** `YYYY-MM-DD` in the centre's time zone. */
  receivedOn: string;
  reference?: string;
  payerName?: string;
}

export interface BookingPaymentResult {
  booking: BookingDto;
  payment: PaymentView;
}
