import type { AssetKind, BookingItem, GroupKind, LocalizedText, RentalRules, Role } from '@madang/contracts';

/** The wire shapes the engine computes with live in contracts; re-exported as the engine's own vocabulary. */
export type {
  AssetKind,
  IsoWeekday,
  WallTime,
  LocalDate,
  OpeningHours,
  Closure,
  WindowOverride,
  QuotaScope,
  QuotaPeriod,
  Quota,
  Eligibility,
  ApprovalRule,
  PeakWindow,
  Waiver,
  Pricing,
  CancellationPolicy,
  NoShowConsequence,
  NoShowLimit,
  RentalRules,
  RentalRulesOverride,
  BookingItem,
  QuoteLineKind,
  QuoteLineUnit,
  QuoteLine,
  Quote,
} from '@madang/contracts';

export interface BookingRequest {
  /** ISO 8601 with offset (or Z). */
  start: string;
  end: string;
  items: BookingItem[];
  attendees: number;
  purpose: string;
  /** Machine tag of the purpose, matched by waivers (e.g. 'public_interest'). */
  purposeTag?: string;
  /** The group the booking is for (and that pays); absent = a personal booking. */
  groupId?: string | null;
}

export interface Actor {
  userId: string;
  roles: Role[];
  groups: { id: string; kind: GroupKind }[];
}

export interface AssetForRules {
  id: string;
  kind: AssetKind;
  name: LocalizedText;
  /** People, spaces only; null = not limited. */
  capacity: number | null;
  /** Pools only: how many units exist. */
  poolSize: number | null;
  active: boolean;
  rules: RentalRules;
}

/** An existing booking that holds a slot, for quotas. Exclude the booking being re-evaluated. */
export interface UsageEntry {
  /** Who made the booking. */
  userId: string;
  groupId?: string | null;
  start: string;
  end: string;
  assetIds: string[];
}

export interface BookingEvaluationInput {
  now: string;
  request: BookingRequest;
  actor: Actor;
  assets: AssetForRules[];
  usage: UsageEntry[];
  /**
   * Fair holding: per asset id, how many pending slot-holding requests the actor already has on it
   * (the request being evaluated excluded). Absent: not checked.
   */
  pendingByAsset?: Record<string, number>;
  /** The actor's no-shows (instants), for assets whose rules limit them. Absent: not checked. */
  noShows?: readonly string[];
}
