import { Injectable } from '@nestjs/common';
import type { SlotConflict } from '@madang/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CatalogueService } from '../../catalogue/catalogue.service';
import type { Actor } from '../../core/actor';
import { BookingsRepository } from '../bookings.repository';
import {
  checkOccurrences,
  duringOf,
  type CheckedOccurrence,
  type PlannedOccurrence,
  type RuledAsset,
  type SeriesFacts,
  quotaReachMs,
  UsageWindow,
} from './series-plan';
import { SeriesRepository, type ConflictProbe } from './series.repository';

/** Occurrences judged between two turns of the event loop. */
const CHUNK = 2;

/**
 * Gathers the facts the rules engine and the database give about a set of occurrences — assets and
 * their rules, quota usage over the whole span, the pending cap, held windows — in a fixed number
 * of queries whatever the number of occurrences, and judges each occurrence (series-plan.ts).
 */
@Injectable()
export class SeriesChecker {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly series: SeriesRepository,
    private readonly bookings: BookingsRepository,
    private readonly catalogue: CatalogueService,
  ) {}

  async check(
    tx: EntityManager | undefined,
    actor: Actor,
    facts: Omit<SeriesFacts, 'items'>,
    planned: readonly PlannedOccurrence[],
    options: {
      /** New requests count against the pending cap (one for the whole series); changes do not. */
      pendingCap: boolean;
      /** Bookings not counted in quota usage (those being changed). */
      excludeBookingIds?: string[];
    },
  ): Promise<{ checked: CheckedOccurrence[]; assets: RuledAsset[] }> {
    const ids = [...new Set(planned.flatMap((p) => p.items.map((i) => i.assetId)))];
    const assets = await this.catalogue.forRules(ids, tx);
    if (planned.length === 0) return { checked: [], assets };
    const byId = new Map(assets.map((a) => [a.id, a]));

    const probes: ConflictProbe[] = planned.flatMap((p, index) =>
      p.items.flatMap((item) => {
        const asset = byId.get(item.assetId);
        return asset
          ? [{ index, assetId: asset.id, during: duringOf(asset, p.start, p.end), self: p.bookingId }]
          : [];
      }),
    );
    const conflicts = new Map<number, SlotConflict[]>();
    for (const row of await this.series.conflicts(probes, tx)) {
      const asset = byId.get(row.asset_id);
      if (!asset) continue;
      const quantity = planned[row.index].items.find((i) => i.assetId === asset.id)?.quantity ?? 1;
      if (asset.kind === 'equipment_pool' && row.held + quantity <= (asset.poolSize ?? 0)) continue;
      const list = conflicts.get(row.index) ?? [];
      list.push({
        assetId: asset.id,
        assetName: asset.name,
        start: row.start.toISOString(),
        end: row.end.toISOString(),
      });
      conflicts.set(row.index, list);
    }

    const withQuotas = assets.filter((a) => a.rules.quotas.length > 0).map((a) => a.id);
    const starts = planned.map((p) => p.start).sort();
    const usage = withQuotas.length
      ? (
          await this.series.usageBetween(
            tx,
            actor.userId,
            facts.groupId,
            starts[0],
            starts[starts.length - 1],
            withQuotas,
            options.excludeBookingIds ?? [],
          )
        ).map((r) => ({
          userId: r.requester_id,
          groupId: r.group_id,
          start: r.start_at.toISOString(),
          end: r.end_at.toISOString(),
          assetIds: r.asset_ids,
        }))
      : [];
    const pendingByAsset = options.pendingCap
      ? await this.bookings.pendingByAsset(tx ?? this.db.manager, actor.userId, ids)
      : undefined;
    const usageWindow = new UsageWindow(usage, quotaReachMs(assets));
    const checked: CheckedOccurrence[] = [];
    const now = new Date().toISOString();
    for (let offset = 0; offset < planned.length; offset += CHUNK) {
      // Give the event loop back between chunks: a long series never holds up other requests.
      if (offset > 0) await new Promise((resolve) => setImmediate(resolve));
      checked.push(
        ...checkOccurrences({
          now,
          planned: planned.slice(offset, offset + CHUNK),
          offset,
          facts,
          actor: {
            userId: actor.userId,
            roles: actor.roles,
            groups: actor.groups.map((g) => ({ id: g.id, kind: g.kind })),
          },
          assets,
          usage: usageWindow,
          pendingByAsset,
          conflicts,
        }),
      );
    }
    return { checked, assets };
  }
}
