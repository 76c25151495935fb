import type { ProbeRequest, RoleName } from '../support/probe';
import type { SettlementContext } from '../support/settlement-context';
import type { LabsContext } from '../support/living-labs-context';

/**
 * The route × role table's vocabulary (route-matrix.ts assembles the table from one file per domain).
 * THE route × role table: for every operation of the OpenAPI description, the status each role must
 * get — for routes on an owned object, once on the role's own object and once on another person's.
 * The matrix test (matrix.harness-spec.ts) fails for an operation without an entry here, for an
 * entry whose operation no longer exists, and for every cell the running API answers differently.
 *
 * Columns, always in this order: anonymous, resident A, resident B, approver, operations, admin
 * (the demo accounts resident@, resident2@, approver@, operations@, admin@madang.local).
 * A cell is one status, or a list when several answers are right (the note says why).
 * "own" = an object of the acting person (anonymous: resident A's); "other" = resident B's object
 * for resident A and resident A's for everyone else.
 */
export type Cell = number | readonly number[];
export type Row = Readonly<Record<RoleName, Cell>>;
export type Variant = 'own' | 'other';
export type Person = Exclude<RoleName, 'anonymous'>;

/** Builds rows in column order: anonymous, resident A, resident B, approver, operations, admin. */
export const cells = (
  anonymous: Cell,
  residentA: Cell,
  residentB: Cell,
  approver: Cell,
  operations: Cell,
  admin: Cell,
): Row => ({
  anonymous,
  residentA,
  residentB,
  approver,
  operations,
  admin,
});

/** What a row's request may use: objects made fresh for each cell, so cells never depend on each other. */
export interface MatrixContext {
  /** The person whose object the cell is about (own → the role itself; other → someone else). */
  owner(role: RoleName, variant: Variant): Person;
  userId(person: Person): string;
  /** A fresh pending booking of `person` on the matrix room (approval required). */
  pendingBooking(person: Person): Promise<string>;
  /** A notification addressed to `person` (from cancelling a fresh booking). */
  notification(person: Person): Promise<string>;
  /** A free one-hour slot on the matrix room. */
  slot(): { start: string; end: string };
  roomId: string;
  categoryId: string;
  /** One registered account outside the demo roles (registered once: registration may be throttled). */
  scratchUser(): Promise<{ id: string; email: string }>;
  group(): Promise<string>;
  freshGroup(): Promise<string>;
  /** A fresh group with the scratch account as a member. */
  membership(): Promise<{ groupId: string; userId: string }>;
  freshCategory(): Promise<string>;
  freshAsset(): Promise<string>;
  photo(): Promise<{ assetId: string; photoId: string }>;
  unique(): string;
  /** Settlement objects (programmes, expenses, periods, bank lines, entries). */
  settlement: SettlementContext;
  /** Living-lab objects (observations, projects led by resident A's team, experiments, outcomes). */
  labs: LabsContext;
}

export interface RouteEntry {
  /** Why the cells are what they are (permission, ownership rule). */
  rule: string;
  /** Object-free routes: one row. Owned-object routes: `own` and `other`. */
  all?: Row;
  own?: Row;
  other?: Row;
  /** The request; `form` bodies are multipart. */
  request(ctx: MatrixContext, role: RoleName, variant: Variant): Promise<ProbeRequest>;
  /** The request replaces or ends the caller's session: sign the role in again afterwards. */
  endsSession?: boolean;
}

export const json = (method: string, url: string, body?: unknown): ProbeRequest => ({
  method,
  url,
  body: body === undefined ? undefined : JSON.stringify(body),
});
export const get = (url: string) => Promise.resolve(json('GET', url));

export const PUBLIC_200 = cells(200, 200, 200, 200, 200, 200);
export const SIGNED_IN_200 = cells(401, 200, 200, 200, 200, 200);
export const APPROVER_ONLY = (ok: number) => cells(401, 403, 403, ok, 403, 403);
export const ADMIN_ONLY = (ok: number) => cells(401, 403, 403, 403, 403, ok);
/** Approvers decide other people's requests, never their own (issue 7, separation of duties). */
export const OWN_DECISION = cells(401, 403, 403, 403, 403, 403);
/**
 * Files and exports: signing in is all the route asks; the owner's policy decides and what the actor
 * may not see is 404. No HTTP route starts an export yet (domains start them in code), so the only
 * registered owner type (export_run) has no object a role could reach: every signed-in role gets 404
 * for an id nobody gave them — knowing an id grants nothing.
 */
export const SIGNED_IN_404 = cells(401, 404, 404, 404, 404, 404);
export const PUBLIC_404 = cells(404, 404, 404, 404, 404, 404);
