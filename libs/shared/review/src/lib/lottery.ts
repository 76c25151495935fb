import type { LocalizedText } from '@madang/contracts';
import { sha256Hex } from './sha256';

export interface LotteryEntry {
  id: string;
  /** Tickets: a positive whole number (1 for an ordinary entry). */
  weight: number;
}

export interface LotteryRound {
  round: number;
  /** Sum of the weights still in the draw. */
  total: number;
  /** SHA-256 of `${seed}:${round}` mod total. */
  ticket: number;
  winnerId: string;
}

export type LotteryProblemCode = 'empty_seed' | 'duplicate_id' | 'invalid_weight' | 'invalid_winners';

export interface LotteryProblem {
  code: LotteryProblemCode;
  /** `seed`, `entries[3].id`, `entries[3].weight`, `entries` (the sum is too large) or `winners`. */
  field: string;
  message: LocalizedText;
}

const MESSAGES: Record<LotteryProblemCode, LocalizedText> = {
  empty_seed: { ko: '추첨 시드가 비어 있습니다.', en: 'The draw needs a seed.' },
  duplicate_id: { ko: '같은 참가자가 두 번 들어 있습니다.', en: 'An entry appears twice.' },
  invalid_weight: {
    ko: '추첨권 수는 1 이상의 정수여야 합니다.',
    en: 'Weights must be whole numbers of at least 1.',
  },
  invalid_winners: {
    ko: '당첨자 수는 0부터 참가자 수까지의 정수여야 합니다.',
    en: 'The number of winners must be a whole number from 0 to the number of entries.',
  },
};

const problem = (code: LotteryProblemCode, field: string): LotteryProblem => ({
  code,
  field,
  message: MESSAGES[code],
});

export type LotteryResult =
  | { ok: true; algorithm: typeof LOTTERY_ALGORITHM; seed: string; winners: string[]; rounds: LotteryRound[] }
  | { ok: false; problems: LotteryProblem[] };

export const LOTTERY_ALGORITHM = 'madang-weighted-draw-v1';

/**
 * A weighted draw without replacement that anyone can re-run from the published seed:
 *
 * 1. The entries are put in order of `id` (plain string order, as `Array.prototype.sort`).
 * 2. Round r = 1, 2, …: T = the sum of the weights still in; h = SHA-256 of the UTF-8 text
 *    `${seed}:${r}` read as a 256-bit big-endian number; ticket = h mod T. Walking the entries still
 *    in, in order, adding their weights, the winner is the first whose running sum exceeds the ticket.
 *    It leaves the draw.
 * 3. Rounds go on until `winners` are drawn (default: everyone, giving a full order for a waitlist).
 *
 * Same seed and same entries (in any input order) → same result. Each entry's chance in a round is
 * its weight / T (the bias of the modulo is below 2⁻²⁰⁰). Publish the seed before the entries close,
 * or derive it from something nobody controls, so nobody can choose it after seeing the entries.
 */
export function weightedDraw(input: {
  seed: string;
  entries: readonly LotteryEntry[];
  winners?: number;
}): LotteryResult {
  const problems: LotteryProblem[] = [];
  if (typeof input.seed !== 'string' || input.seed.trim().length === 0)
    problems.push(problem('empty_seed', 'seed'));
  const seen = new Set<string>();
  input.entries.forEach((entry, i) => {
    if (seen.has(entry.id)) problems.push(problem('duplicate_id', `entries[${i}].id`));
    seen.add(entry.id);
    if (!Number.isSafeInteger(entry.weight) || entry.weight < 1) {
      problems.push(problem('invalid_weight', `entries[${i}].weight`));
    }
  });
  const count = input.winners ?? input.entries.length;
  if (!Number.isInteger(count) || count < 0 || count > input.entries.length)
    problems.push(problem('invalid_winners', 'winners'));
  const sum = input.entries.reduce((total, e) => total + e.weight, 0);
  if (!Number.isSafeInteger(sum) && !problems.some((p) => p.code === 'invalid_weight')) {
    problems.push(problem('invalid_weight', 'entries'));
  }
  if (problems.length > 0) return { ok: false, problems };

  const remaining = [...input.entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rounds: LotteryRound[] = [];
  let total = sum;
  for (let round = 1; round <= count; round++) {
    const ticket = Number(BigInt(`0x${sha256Hex(`${input.seed}:${round}`)}`) % BigInt(total));
    let running = 0;
    const index = remaining.findIndex((entry) => (running += entry.weight) > ticket);
    const [winner] = remaining.splice(index, 1);
    rounds.push({ round, total, ticket, winnerId: winner.id });
    total -= winner.weight;
  }
  return {
    ok: true,
    algorithm: LOTTERY_ALGORITHM,
    seed: input.seed,
    winners: rounds.map((r) => r.winnerId),
    rounds,
  };
}

/** The lottery tie-break key of an id: SHA-256 of `${seed}:${id}` in hex; the smaller key goes first. */
export function lotteryKey(seed: string, id: string): string {
  return sha256Hex(`${seed}:${id}`);
}
