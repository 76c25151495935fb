import type { LocalizedText } from './locale';
import type { PersonRef } from './bookings';

/**
 * The desk (issue 12): kits and their parts, hand-out and return of equipment (custody), deposit
 * kept for damage or loss, check-in and no-shows. Times are ISO 8601 in UTC; money is integer KRW.
 */

export const PART_CHECK_STAGES = ['out', 'in'] as const;
export type PartCheckStage = (typeof PART_CHECK_STAGES)[number];
export const PART_CHECK_STATES = ['ok', 'missing', 'damaged'] as const;
export type PartCheckState = (typeof PART_CHECK_STATES)[number];

/** A part of a kit (`GET /api/assets/:id/parts`, public like the catalogue). */
export interface AssetPartDto {
  id: string;
  name: LocalizedText;
  quantity: number;
  serial: string;
}

/** `PUT /api/assets/:id/parts` (catalogue:manage): the kit's parts in order; parts left out are removed. */
export interface PutAssetPartsRequest {
  parts: { id?: string; name: LocalizedText; quantity?: number; serial?: string }[];
}

export interface PartCheckInput {
  partId: string;
  state: PartCheckState;
  note?: string;
}

/** `POST /api/bookings/:id/handouts` (bookings:decide): hand an item of an approved booking out. */
export interface HandOutRequest {
  /** The booked asset handed out. */
  assetId: string;
  /** Who took it, as they name themselves. */
  receivedBy: string;
  condition?: string;
  /** Every active part of a kit, each once. */
  parts?: PartCheckInput[];
}

/** `POST /api/handouts/:id/return` (bookings:decide). */
export interface ReturnRequest {
  condition: string;
  /** Every part checked out, each once. */
  parts?: PartCheckInput[];
}

export interface PartCheckDto {
  partId: string;
  name: LocalizedText;
  quantity: number;
  state: PartCheckState;
  note: string;
}

export interface CustodyDto {
  id: string;
  bookingId: string;
  assetId: string;
  assetName: LocalizedText;
  handedOutAt: string;
  handedOutBy: PersonRef;
  receivedBy: string;
  conditionOut: string;
  out: PartCheckDto[];
  returnedAt: string | null;
  returnedBy: PersonRef | null;
  conditionIn: string | null;
  in: PartCheckDto[];
  /** Photos in the files service: owner type `custody_handout`, purpose `photo`. */
  photoIds: string[];
}

/** `POST /api/bookings/:id/deposit-retentions` (bookings:decide): keep part or all of the deposit. */
export interface RetainDepositRequest {
  amount: number;
  reason: string;
  handoutId?: string;
}

export interface DepositRetentionDto {
  id: string;
  bookingId: string;
  handoutId: string | null;
  amount: number;
  reason: string;
  decidedBy: PersonRef;
  decidedAt: string;
  /** The settlement payment (`deposit_kept`) it was posted as. */
  paymentId: string;
}

/** One booked item on the desk's day. */
export interface DeskItem {
  bookingId: string;
  assetId: string;
  assetName: LocalizedText;
  requester: PersonRef;
  start: string;
  end: string;
  /** When it is overdue if not back (end + the rules' grace). */
  returnDue: string;
  parts: AssetPartDto[];
  /** The latest hand-out of the item, open or returned. */
  custody: CustodyDto | null;
  deposit: number;
  depositKept: number;
}

/** `GET /api/desk?date=YYYY-MM-DD` (bookings:decide): the centre's day at the equipment desk. */
export interface DeskDayDto {
  date: string;
  /** Equipment bookings starting that day (to hand out, or handed out). */
  handOuts: DeskItem[];
  /** Items due back that day, and any still out. */
  returns: DeskItem[];
  /** Out past their return time (any day). */
  overdue: DeskItem[];
}

/** `POST /api/bookings/:id/check-in` (the booker, or bookings:decide). */
export interface CheckInRequest {
  attendance?: number;
}

/** `GET /api/bookings/:id/check-in`: the window and the state of a booking's check-in. */
export interface CheckInDto {
  bookingId: string;
  opens: string;
  closes: string;
  /** Null when the asset's rules do not track no-shows. */
  noShowAt: string | null;
  noShowDeadline: string | null;
  checkedInAt: string | null;
  checkedInBy: PersonRef | null;
  attendance: number | null;
  /** The page a booker opens to check in (also the QR code's target). */
  path: string;
}
