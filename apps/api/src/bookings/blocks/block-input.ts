import { BLOCK_REASONS, type BlockInput, type BlockReason } from '@madang/contracts';
import { invalidField } from '../../core/domain-error';
import { isExtendedInstant } from '../../core/validators';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SOURCE_TYPE = /^[a-z][a-z0-9_]{0,39}$/;
/** A block may span up to two years (a residency term, a long repair). */
export const MAX_BLOCK_DAYS = 731;
const MAX_ASSETS = 50;

/** A block as the service stores it: validated, times normalised to UTC. */
export interface ValidBlock {
  assetIds: string[];
  start: string;
  end: string;
  reason: BlockReason;
  note: string | null;
  source: { type: string; id: string } | null;
}

/**
 * Checks what another domain (or the HTTP layer) asks to block; every problem is a 400 naming the
 * field, as a DTO would. Pure, so it is table-tested.
 */
export function validBlock(input: BlockInput): ValidBlock {
  if (!Array.isArray(input.assetIds) || input.assetIds.length === 0)
    throw invalidField('assetIds', 'too_few', { min: 1 });
  if (input.assetIds.length > MAX_ASSETS) throw invalidField('assetIds', 'too_many', { max: MAX_ASSETS });
  if (input.assetIds.some((id) => typeof id !== 'string' || !UUID.test(id)))
    throw invalidField('assetIds', 'not_uuid');
  if (!isExtendedInstant(input.start)) throw invalidField('start', 'not_date');
  if (!isExtendedInstant(input.end)) throw invalidField('end', 'not_date');
  const start = Date.parse(input.start);
  const end = Date.parse(input.end);
  if (end <= start) throw invalidField('end', 'invalid');
  if (end - start > MAX_BLOCK_DAYS * 86_400_000)
    throw invalidField('end', 'span_too_long', { days: MAX_BLOCK_DAYS });
  if (!(BLOCK_REASONS as readonly string[]).includes(input.reason))
    throw invalidField('reason', 'not_in', { values: BLOCK_REASONS.join(', ') });
  const note = input.note === undefined ? null : input.note.trim() || null;
  if (note !== null && note.length > 500) throw invalidField('note', 'too_long', { max: 500 });
  if (input.source) {
    if (!SOURCE_TYPE.test(input.source.type)) throw invalidField('source.type', 'invalid');
    if (!UUID.test(input.source.id)) throw invalidField('source.id', 'not_uuid');
  }
  return {
    assetIds: [...new Set(input.assetIds.map((id) => id.toLowerCase()))],
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    reason: input.reason,
    note,
    source: input.source ? { type: input.source.type, id: input.source.id.toLowerCase() } : null,
  };
}
