import { Injectable } from '@nestjs/common';
import { PERMISSIONS, type FileInfo, type FilePurpose } from '@madang/contracts';
import type { EntityManager } from 'typeorm';
import { can, type Actor } from '../../core/actor';
import type { FileOwnerPolicy } from '../../platform/files/files.service';

/** Owner type of hand-out photos (condition at hand-out and return) in the files service. */
export const CUSTODY_OWNER = 'custody_handout';

/** Photos of a hand-out: the desk (bookings:decide) attaches and deletes; the borrower may look. */
@Injectable()
export class CustodyFilesPolicy implements FileOwnerPolicy {
  readonly purposes: readonly FilePurpose[] = ['photo'];

  async canRead(actor: Actor | undefined, handoutId: string, m: EntityManager): Promise<boolean> {
    if (!actor) return false;
    const rows = (await m.query(
      `SELECT b.requester_id FROM custody_handouts h JOIN bookings b ON b.id = h.booking_id WHERE h.id = $1`,
      [handoutId],
    )) as { requester_id: string }[];
    if (!rows[0]) return false;
    return rows[0].requester_id === actor.userId || can(actor, PERMISSIONS.BOOKINGS_READ_ALL);
  }

  async canAttach(
    actor: Actor,
    handoutId: string,
    _purpose: FilePurpose,
    m: EntityManager,
  ): Promise<boolean> {
    return can(actor, PERMISSIONS.BOOKINGS_DECIDE) && (await this.canRead(actor, handoutId, m));
  }

  async canDelete(actor: Actor, handoutId: string, _file: FileInfo, m: EntityManager): Promise<boolean> {
    return this.canAttach(actor, handoutId, 'photo', m);
  }
}
