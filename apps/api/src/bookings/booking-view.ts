import type {
  BlockReason,
  BookingKind,
  GroupKind,
  BookingDto,
  Decision,
  PaymentStatus,
  Quote,
} from '@madang/contracts';

export interface BookingRow {
  id: string;
  requester_id: string;
  requester_name: string;
  group_id: string | null;
  group_name: string | null;
  group_kind: GroupKind | null;
  purpose: string;
  purpose_tag: string | null;
  attendees: number;
  start_at: Date;
  end_at: Date;
  holds_slot: boolean;
  decision: Decision;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  cancelled_at: Date | null;
  payment_status: PaymentStatus;
  quoted_total: number;
  cancellation_fee: number;
  quote: Quote;
  approval_required: boolean;
  created_at: Date;
  kind: BookingKind;
  block_reason: BlockReason | null;
  items: {
    assetId: string;
    nameKo: string;
    nameEn: string;
    kind: BookingDto['items'][number]['kind'];
    quantity: number;
    rulesVersion: number;
  }[];
  total?: string;
}

export function toBookingDto(r: BookingRow): BookingDto {
  return {
    id: r.id,
    requester: { id: r.requester_id, displayName: r.requester_name },
    group: r.group_id ? { id: r.group_id, name: r.group_name ?? '', kind: r.group_kind as GroupKind } : null,
    items: (r.items ?? []).map((i) => ({
      assetId: i.assetId,
      assetName: { ko: i.nameKo, en: i.nameEn },
      kind: i.kind,
      quantity: i.quantity,
      rulesVersion: i.rulesVersion,
    })),
    start: r.start_at.toISOString(),
    end: r.end_at.toISOString(),
    purpose: r.purpose,
    purposeTag: r.purpose_tag,
    attendees: r.attendees,
    holdsSlot: r.holds_slot,
    decision: r.decision,
    decidedBy: r.decided_by ? { id: r.decided_by, displayName: r.decided_by_name ?? '' } : null,
    decidedAt: r.decided_at?.toISOString() ?? null,
    decisionReason: r.decision_reason,
    payment: { status: r.payment_status, quotedTotal: r.quoted_total, cancellationFee: r.cancellation_fee },
    quote: r.quote,
    approvalRequired: r.approval_required,
    createdAt: r.created_at.toISOString(),
    kind: r.kind,
    blockReason: r.block_reason,
  };
}
