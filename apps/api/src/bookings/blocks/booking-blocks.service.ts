import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BLOCK_REASON_LABELS,
  type BlockConflict,
  type BlockInput,
  type OutOfServiceDto,
  type Quote,
} from '@madang/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { CatalogueService } from '../../catalogue/catalogue.service';
import type { Actor } from '../../core/actor';
import { DomainError, notFound } from '../../core/domain-error';
import { AuditService } from '../../platform/audit/audit.service';
import { BookingsService, inTransaction } from '../bookings.service';
import { validBlock, ValidBlock } from './block-input';
import { BlockConflictRow, BlockRow, BookingBlocksRepository } from './booking-blocks.repository';

const FREE: Quote = { currency: 'KRW', lines: [], subtotal: 0, waived: 0, deposit: 0, total: 0 };

const isExclusionViolation = (error: unknown) =>
  error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23P01';

/**
 * Blocks: staff hold assets' time without a resident request — out of service here, residency
 * agreements (recruitment), experiments (living labs). A block is a booking of kind `block` that
 * holds its slot through the same exclusion constraint and pool trigger, skips the resident rules
 * and costs nothing. Other domains call this service (exported by BookingsModule) inside their own
 * transaction by passing its manager; the caller decides who may block (the HTTP routes here
 * require catalogue:manage).
 */
@Injectable()
export class BookingBlocksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly blocks: BookingBlocksRepository,
    private readonly catalogue: CatalogueService,
    private readonly audit: AuditService,
    private readonly bookings: BookingsService,
  ) {}

  /** What a block would collide with now (bookings and other blocks); nothing is written. */
  async checkBlock(input: BlockInput, manager?: EntityManager): Promise<BlockConflict[]> {
    const block = validBlock(input);
    return this.conflicts(manager ?? this.db.manager, block);
  }

  /**
   * Creates the block, all assets or none. A collision is the usual 409 `slot_taken`, listing the
   * colliding bookings (`conflicts`); the caller's transaction stays usable (a savepoint is rolled
   * back), so it may answer differently.
   */
  async createBlock(actor: Actor, input: BlockInput, manager?: EntityManager): Promise<{ id: string }> {
    const block = validBlock(input);
    return inTransaction(this.db, manager, async (tx) => {
      const assets = await this.catalogue.forRules(block.assetIds, tx);
      if (assets.length !== block.assetIds.length) throw notFound();
      const id = randomUUID();
      const during = `[${block.start},${block.end})`;
      const label = BLOCK_REASON_LABELS[block.reason];
      await tx.query(`SAVEPOINT booking_block`);
      try {
        await this.blocks.insert(
          tx,
          {
            id,
            requester_id: actor.userId,
            purpose: `${label.ko} / ${label.en}`,
            start_at: block.start,
            end_at: block.end,
            decided_by: actor.userId,
            decided_at: new Date().toISOString(),
            decision_reason: block.note,
            quote: FREE,
            block_reason: block.reason,
            source_type: block.source?.type ?? null,
            source_id: block.source?.id ?? null,
          },
          assets.map((a) => ({
            asset_id: a.id,
            asset_kind: a.kind,
            quantity: a.kind === 'equipment_pool' ? (a.poolSize ?? 1) : 1,
            rules_version: a.rulesVersion,
            during,
          })),
          [
            this.audit.entry(actor, {
              action: 'booking.block_created',
              entityType: 'booking',
              entityId: id,
              after: { ...block },
            }),
          ],
        );
      } catch (error) {
        if (!isExclusionViolation(error)) throw error;
        await tx.query(`ROLLBACK TO SAVEPOINT booking_block`);
        throw new DomainError('slot_taken', { conflicts: await this.conflicts(tx, block) });
      }
      await tx.query(`RELEASE SAVEPOINT booking_block`);
      return { id };
    });
  }

  /** Ends a block: its slot is released through the ordinary booking transition. 404 for anything else. */
  async releaseBlock(actor: Actor, id: string, manager?: EntityManager): Promise<void> {
    await this.bookings.releaseBlock(actor, id, null, manager);
  }

  // ── out of service (HTTP, catalogue:manage) ────────────────────────────────

  async outOfService(
    actor: Actor,
    assetId: string,
    input: Pick<BlockInput, 'start' | 'end' | 'reason' | 'note'>,
  ): Promise<OutOfServiceDto> {
    const { id } = await this.createBlock(actor, { ...input, assetIds: [assetId] });
    const row = await this.blocks.findOnAsset(this.db.manager, id, assetId);
    if (!row) throw notFound();
    return toOutOfService(row);
  }

  async listForAsset(assetId: string, withReleased: boolean): Promise<OutOfServiceDto[]> {
    const [asset] = await this.catalogue.forRules([assetId]);
    if (!asset) throw notFound();
    const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
    return (await this.blocks.ofAsset(this.db.manager, assetId, since, withReleased)).map(toOutOfService);
  }

  /** Releases a block of this asset that staff made here; one made by another record is ended there. */
  async releaseOutOfService(actor: Actor, assetId: string, blockId: string): Promise<void> {
    await inTransaction(this.db, undefined, async (tx) => {
      const row = await this.blocks.findOnAsset(tx, blockId, assetId);
      if (!row) throw notFound();
      if (row.source_type) throw new DomainError('state_conflict', { source: row.source_type });
      await this.bookings.releaseBlock(actor, blockId, null, tx);
    });
  }

  private async conflicts(tx: EntityManager, block: ValidBlock): Promise<BlockConflict[]> {
    const rows = await this.blocks.conflicts(tx, block.assetIds, block.start, block.end);
    return rows.map(toConflict);
  }
}

function toConflict(r: BlockConflictRow): BlockConflict {
  return {
    assetId: r.asset_id,
    assetName: { ko: r.name_ko, en: r.name_en },
    start: r.start.toISOString(),
    end: r.end.toISOString(),
    ...(r.block_reason ? { blocked: r.block_reason } : {}),
    bookingId: r.booking_id,
    kind: r.kind,
    blockReason: r.block_reason,
  };
}

function toOutOfService(r: BlockRow): OutOfServiceDto {
  return {
    id: r.id,
    assetId: r.asset_id,
    start: r.start_at.toISOString(),
    end: r.end_at.toISOString(),
    reason: r.block_reason,
    note: r.note,
    source: r.source_type && r.source_id ? { type: r.source_type, id: r.source_id } : null,
    active: r.holds_slot,
    createdBy: { id: r.requester_id, displayName: r.requester_name },
    createdAt: r.created_at.toISOString(),
  };
}
