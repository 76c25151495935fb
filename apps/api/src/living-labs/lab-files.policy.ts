import { Injectable } from '@nestjs/common';
import { PERMISSIONS, type FileInfo, type FilePurpose } from '@madang/contracts';
import type { EntityManager } from 'typeorm';
import { can, type Actor } from '../core/actor';
import type { FileOwnerPolicy } from '../platform/files/files.service';
import { viewerOf } from './lab-access';
import { OwnedKind, ProjectsRepository } from './projects.repository';
import { PublicLabsRepository } from './public-labs.repository';

const staff = (actor: Actor | undefined) => !!actor && can(actor, PERMISSIONS.LABS_MANAGE);

/** Photos and files of an observation: read as the observation is; attached by its poster or staff. */
@Injectable()
export class ObservationFilesPolicy implements FileOwnerPolicy {
  readonly purposes: readonly FilePurpose[] = ['photo', 'project_evidence'];

  private async row(m: EntityManager, id: string) {
    const rows = (await m.query(`SELECT is_public, posted_by, state FROM lab_observations WHERE id = $1`, [
      id,
    ])) as {
      is_public: boolean;
      posted_by: string;
      state: string;
    }[];
    return rows[0] ?? null;
  }

  async canRead(actor: Actor | undefined, id: string, m: EntityManager): Promise<boolean> {
    const o = await this.row(m, id);
    return !!o && (o.is_public || staff(actor) || actor?.userId === o.posted_by);
  }

  async canAttach(actor: Actor, id: string, _purpose: FilePurpose, m: EntityManager): Promise<boolean> {
    const o = await this.row(m, id);
    return !!o && o.state !== 'merged' && (o.posted_by === actor.userId || staff(actor));
  }

  async canDelete(actor: Actor, id: string, file: FileInfo, m: EntityManager): Promise<boolean> {
    const o = await this.row(m, id);
    return !!o && (file.uploadedBy === actor.userId || staff(actor));
  }
}

/**
 * Evidence on a project, an experiment or an outcome: the team reads and attaches; the public reads
 * the evidence of published projects (of outcomes once verified).
 */
export class LabEvidencePolicy implements FileOwnerPolicy {
  readonly purposes: readonly FilePurpose[] = ['project_evidence', 'photo'];

  constructor(
    private readonly kind: 'project' | 'experiment' | 'outcome',
    private readonly projects: ProjectsRepository,
    private readonly archive: PublicLabsRepository,
  ) {}

  private async projectId(m: EntityManager, id: string): Promise<string | null> {
    if (this.kind === 'project') return id;
    return this.projects.projectOf(m, this.kind as OwnedKind, id);
  }

  private async inScope(actor: Actor, id: string, m: EntityManager): Promise<{ stage: string } | null> {
    const projectId = await this.projectId(m, id);
    return projectId ? this.projects.findScoped(m, viewerOf(actor), projectId) : null;
  }

  async canRead(actor: Actor | undefined, id: string, m: EntityManager): Promise<boolean> {
    if (actor && (await this.inScope(actor, id, m))) return true;
    return this.archive.isPublished(m, this.kind, id);
  }

  async canAttach(actor: Actor, id: string, _purpose: FilePurpose, m: EntityManager): Promise<boolean> {
    const p = await this.inScope(actor, id, m);
    return !!p && p.stage !== 'discontinued';
  }

  async canDelete(actor: Actor, id: string, _file: FileInfo, m: EntityManager): Promise<boolean> {
    const p = await this.inScope(actor, id, m);
    return !!p && p.stage !== 'discontinued';
  }
}
