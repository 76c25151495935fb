import { Injectable } from '@nestjs/common';
import { PERMISSIONS, type FileInfo, type FilePurpose } from '@madang/contracts';
import type { EntityManager } from 'typeorm';
import { can, type Actor } from '../core/actor';
import type { FileOwnerPolicy } from '../platform/files/files.service';
import { ApplicationsRepository, type ApplicationRow } from './applications.repository';
import { ReviewsRepository } from './reviews.repository';

/** Who may see and change an application. */
export const canReadApplication = (actor: Actor, row: Pick<ApplicationRow, 'applicant_id' | 'group_id'>) =>
  row.applicant_id === actor.userId ||
  actor.groups.some((g) => g.id === row.group_id) ||
  can(actor, PERMISSIONS.RECRUITMENT_MANAGE);

/** The applicant, or a manager of the applying group, may write it. */
export const canEditApplication = (actor: Actor, row: Pick<ApplicationRow, 'applicant_id' | 'group_id'>) =>
  row.applicant_id === actor.userId || actor.groups.some((g) => g.id === row.group_id && g.isManager);

/**
 * Documents of an application (owner type `recruitment_application`): read by those who may read
 * the application and by its assigned reviewers who declared no conflict and have none detected;
 * attached and deleted by its writers while it is a draft or has an open supplement.
 */
@Injectable()
export class ApplicationFilesPolicy implements FileOwnerPolicy {
  readonly purposes: readonly FilePurpose[] = ['application_document'];

  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly reviews: ReviewsRepository,
  ) {}

  async canRead(actor: Actor | undefined, id: string, m: EntityManager): Promise<boolean> {
    if (!actor) return false;
    const row = await this.applications.find(m, id);
    if (!row) return false;
    if (canReadApplication(actor, row)) return true;
    const mine = (await this.reviews.ofApplication(m, id)).find((a) => a.reviewer_id === actor.userId);
    return !!mine && mine.declared_conflict === false && mine.detected_conflicts.length === 0;
  }

  async canAttach(actor: Actor, id: string, _purpose: FilePurpose, m: EntityManager): Promise<boolean> {
    const row = await this.applications.find(m, id, true);
    if (!row || !canEditApplication(actor, row)) return false;
    if (row.state === 'draft') return true;
    const open = (await this.applications.supplements(m, id)).some(
      (s) => s.state === 'requested' && s.due_at.getTime() >= Date.now(),
    );
    return row.state === 'submitted' && open;
  }

  async canDelete(actor: Actor, id: string, _file: FileInfo, m: EntityManager): Promise<boolean> {
    const row = await this.applications.find(m, id, true);
    return !!row && row.state === 'draft' && canEditApplication(actor, row);
  }
}
