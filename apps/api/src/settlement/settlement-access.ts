import { Injectable } from '@nestjs/common';
import { PERMISSIONS } from '@madang/contracts';
import type { EntityManager } from 'typeorm';
import { Actor, can } from '../core/actor';
import { forbidden, notFound } from '../core/domain-error';

/** What part of settlement an actor may see: everything (operations) or some programmes. */
export interface SettlementScope {
  all: boolean;
  programmeIds: readonly string[];
}

/**
 * Operations see everything; approvers see the programmes they are assigned to; managers of a
 * programme's lead group see that programme. Anyone else has no settlement at all (403).
 */
@Injectable()
export class SettlementAccess {
  async scope(manager: EntityManager, actor: Actor): Promise<SettlementScope> {
    if (can(actor, PERMISSIONS.SETTLEMENT_MANAGE)) return { all: true, programmeIds: [] };
    const leadGroups = actor.groups.filter((g) => g.isManager).map((g) => g.id);
    const rows = (await manager.query(
      `SELECT p.id FROM programmes p
        WHERE EXISTS (SELECT 1 FROM programme_approvers a WHERE a.programme_id = p.id AND a.user_id = $1)
           OR p.lead_group_id = ANY($2::uuid[])`,
      [actor.userId, leadGroups],
    )) as { id: string }[];
    if (rows.length === 0) throw forbidden();
    return { all: false, programmeIds: rows.map((r) => r.id) };
  }

  /** The programme if the actor may see it; another programme is "not found" by construction. */
  async programme(manager: EntityManager, actor: Actor, programmeId: string): Promise<SettlementScope> {
    const scope = await this.scope(manager, actor);
    if (!scope.all && !scope.programmeIds.includes(programmeId)) throw notFound();
    return scope;
  }
}

export function auditActor(actor: Actor) {
  return { userId: actor.userId, requestId: actor.requestId };
}
