import {
  checkAlignment,
  checkCapacity,
  checkClosures,
  checkDuration,
  checkEligibility,
  checkOpeningHours,
  checkQuantity,
  checkPendingCap,
  checkWindow,
  requiresApproval,
  type Standing,
} from './checks';
import { noShowStanding } from './attendance';
import { chooseWaiver, emptyQuote, quoteAsset, sumQuote } from './pricing';
import { checkQuotas } from './quotas';
import { parseInstant } from './time';
import type { AssetForRules, BookingEvaluationInput, Quote, QuoteLine } from './types';
import { makeViolation, type Violation } from './violations';

/** The longest range the engine evaluates at all: no rules allow a longer booking (see schema). */
export const ENGINE_MAX_SPAN_DAYS = 31;
const ENGINE_MAX_SPAN_MS = ENGINE_MAX_SPAN_DAYS * 86_400_000;

export interface BookingEvaluation {
  /** True when there is no violation at all; the request is all or nothing. */
  ok: boolean;
  violations: Violation[];
  /** True when any asset needs a person's approval for this actor. */
  approvalRequired: boolean;
  /** Price of the whole request (every known asset), even when not ok; empty when the time range is invalid. */
  quote: Quote;
}

/**
 * Decides a booking request. Pure and deterministic: the same input gives the same answer in the
 * API (authoritative) and in the browser (instant feedback). Every broken rule is reported.
 *
 * Group-kind privileges (eligibility, window overrides, auto-approval, waivers) count only for the
 * group the request is for, and only when the actor is a member of it.
 *
 * Not checked here (the API's job, with the database): overlaps with other bookings, pool stock
 * left at that time, whether the assets exist in the catalogue beyond `assets`.
 *
 * @throws RangeError when `now` is not an ISO instant with offset or a rules time zone is unknown.
 */
export function evaluateBooking(input: BookingEvaluationInput): BookingEvaluation {
  const { request, actor, assets, usage } = input;
  const now = parseInstant(input.now);
  if (!now) throw new RangeError('evaluateBooking: `now` must be an ISO instant with an offset');
  const violations: Violation[] = [];

  const start = parseInstant(request.start);
  const end = parseInstant(request.end);
  const ordered = start && end && end.toMillis() > start.toMillis() ? { start, end } : null;
  // Defence in depth: nothing below walks the days of a range longer than the engine's hard limit,
  // whatever the caller let through (the API refuses such ranges before they get here).
  const range =
    ordered && ordered.end.toMillis() - ordered.start.toMillis() <= ENGINE_MAX_SPAN_MS ? ordered : null;
  if (!start || !end)
    violations.push(makeViolation('invalid_time', { start: request.start, end: request.end }));
  else if (!ordered)
    violations.push(makeViolation('invalid_range', { start: request.start, end: request.end }));
  else if (!range) violations.push(makeViolation('range_too_long', { maxDays: ENGINE_MAX_SPAN_DAYS }));
  const inThePast = !!range && range.start.toMillis() < now.toMillis();
  if (inThePast) violations.push(makeViolation('in_the_past', { start: request.start, now: input.now }));

  if (request.items.length === 0) violations.push(makeViolation('no_items'));
  if (!Number.isSafeInteger(request.attendees) || request.attendees < 0) {
    violations.push(makeViolation('attendees_invalid', { attendees: String(request.attendees) }));
  }

  let groupKind: Standing['groupKind'] = null;
  let groupId: string | null = null;
  if (request.groupId) {
    const membership = actor.groups.find((g) => g.id === request.groupId);
    if (membership) {
      groupKind = membership.kind;
      groupId = membership.id;
    } else violations.push(makeViolation('group_not_member', { groupId: request.groupId }));
  }
  const standing: Standing = { roles: actor.roles, groupKind };

  const byId = new Map(assets.map((a) => [a.id, a]));
  const seen = new Set<string>();
  const known: { asset: AssetForRules; quantity: number }[] = [];
  for (const item of request.items) {
    const asset = byId.get(item.assetId);
    if (seen.has(item.assetId)) {
      violations.push(
        makeViolation(
          'duplicate_item',
          {},
          { asset: asset ?? { id: item.assetId, name: { ko: item.assetId, en: item.assetId } } },
        ),
      );
      continue;
    }
    seen.add(item.assetId);
    if (!asset) {
      violations.push(
        makeViolation(
          'asset_unknown',
          { assetId: item.assetId },
          { text: () => ({ assetId: item.assetId }) },
        ),
      );
      continue;
    }
    known.push({ asset, quantity: item.quantity });
    if (!asset.active) {
      violations.push(makeViolation('asset_inactive', {}, { asset }));
      continue;
    }
    const found: (Violation | null)[] = [
      checkEligibility(asset, standing),
      checkQuantity(asset, item.quantity),
      checkCapacity(asset, request.attendees),
    ];
    found.push(checkPendingCap(asset, input.pendingByAsset, standing));
    const noShows = input.noShows ? noShowStanding(asset.rules, input.noShows, input.now) : null;
    if (noShows?.consequence === 'suspend')
      found.push(
        makeViolation(
          'no_show_suspended',
          { count: noShows.count, periodDays: noShows.periodDays ?? 0 },
          { asset },
        ),
      );
    if (range) {
      found.push(
        checkOpeningHours(asset, range.start, range.end),
        ...checkClosures(asset, range.start, range.end),
        checkAlignment(asset, range.start, range.end),
        checkDuration(asset, range.start, range.end),
        ...checkWindow(asset, now, range.start, standing, inThePast),
        ...checkQuotas({ asset, start: range.start, end: range.end, userId: actor.userId, groupId, usage }),
      );
    }
    violations.push(...found.filter((v): v is Violation => v !== null));
  }

  // A person over an asset's no-show limit with the `require_approval` consequence waits for a person.
  const approvalRequired = known.some(
    ({ asset }) =>
      requiresApproval(asset.rules, standing) ||
      (!!input.noShows &&
        noShowStanding(asset.rules, input.noShows, input.now).consequence === 'require_approval'),
  );

  let quote = emptyQuote();
  if (range) {
    const lines: QuoteLine[] = known.flatMap(({ asset, quantity }) => {
      const multiplier =
        asset.kind === 'equipment_pool' && Number.isSafeInteger(quantity) && quantity > 0 ? quantity : 1;
      const waiver = chooseWaiver(asset.rules.pricing.waivers, groupKind, request.purposeTag);
      return quoteAsset(asset, multiplier, range.start, range.end, waiver);
    });
    quote = sumQuote(lines);
  }

  return { ok: violations.length === 0, violations, approvalRequired, quote };
}
