import { evaluateBooking, type BookingEvaluation } from '../lib/evaluate-booking';
import { DEFAULT_RULES, mergeRules } from '../lib/rules';
import type {
  Actor,
  AssetForRules,
  BookingEvaluationInput,
  BookingRequest,
  RentalRulesOverride,
  UsageEntry,
} from '../lib/types';

/** Test fixtures (not exported from the lib). Monday 2026-06-01 09:00 in Seoul. */
export const NOW = '2026-06-01T09:00:00+09:00';

export function asset(
  id: string,
  overrides: Partial<Omit<AssetForRules, 'rules'>> = {},
  rules: RentalRulesOverride = {},
): AssetForRules {
  return {
    id,
    kind: 'space',
    name: { ko: id, en: id },
    capacity: null,
    poolSize: null,
    active: true,
    ...overrides,
    rules: mergeRules(DEFAULT_RULES, { approval: { required: false } }, rules),
  };
}

export const roomA = (rules: RentalRulesOverride = {}, o: Partial<AssetForRules> = {}) =>
  asset(
    'room-a',
    { name: { ko: '회의실 A', en: 'Meeting Room A' }, capacity: 12, ...o },
    {
      pricing: { rate: 20_000 },
      ...rules,
    },
  );

export const projector = (rules: RentalRulesOverride = {}) =>
  asset(
    'projector',
    { kind: 'equipment_item', name: { ko: '빔프로젝터', en: 'Projector' } },
    {
      pricing: { rate: 5_000, deposit: 10_000 },
      ...rules,
    },
  );

export const chairs = (rules: RentalRulesOverride = {}) =>
  asset(
    'chairs',
    { kind: 'equipment_pool', name: { ko: '접이식 의자', en: 'Folding chairs' }, poolSize: 20 },
    {
      pricing: { unit: 'day', rate: 1_000, deposit: 2_000 },
      maxDurationMinutes: 7 * 24 * 60,
      ...rules,
    },
  );

export const resident: Actor = {
  userId: 'u1',
  roles: ['resident'],
  groups: [
    { id: 'g1', kind: 'resident_team' },
    { id: 'g2', kind: 'ngo' },
  ],
};

export const baseRequest: BookingRequest = {
  start: '2026-06-02T10:00:00+09:00',
  end: '2026-06-02T12:00:00+09:00',
  items: [{ assetId: 'room-a', quantity: 1 }],
  attendees: 5,
  purpose: '주민 모임',
};

export interface Scenario {
  now?: string;
  request?: Partial<BookingRequest>;
  actor?: Actor;
  assets?: AssetForRules[];
  usage?: UsageEntry[];
  pendingByAsset?: Record<string, number>;
  noShows?: string[];
}

export function scenario(s: Scenario = {}): BookingEvaluationInput {
  return {
    now: s.now ?? NOW,
    request: { ...baseRequest, ...s.request },
    actor: s.actor ?? resident,
    assets: s.assets ?? [roomA()],
    usage: s.usage ?? [],
    ...(s.pendingByAsset ? { pendingByAsset: s.pendingByAsset } : {}),
    ...(s.noShows ? { noShows: s.noShows } : {}),
  };
}

export function run(s: Scenario = {}): BookingEvaluation {
  return evaluateBooking(scenario(s));
}

export function codes(result: BookingEvaluation): string[] {
  return result.violations.map((v) => v.code).sort();
}
