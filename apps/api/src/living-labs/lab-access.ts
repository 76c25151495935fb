import { Injectable } from '@nestjs/common';
import { PERMISSIONS } from '@madang/contracts';
import type { EntityManager } from 'typeorm';
import { can, type Actor } from '../core/actor';
import { notFound } from '../core/domain-error';
import { labRule } from './lab-errors';
import { OwnedKind, ProjectRow, ProjectsRepository, Viewer } from './projects.repository';

export const viewerOf = (actor: Actor): Viewer => ({
  userId: actor.userId,
  staff: can(actor, PERMISSIONS.LABS_MANAGE),
  groupIds: actor.groups.map((g) => g.id),
});

/**
 * Who may do what with a project. Inside the scope (lead user, member, member of the lead group,
 * labs:manage) a person edits; everyone else gets 404 — the project does not exist for them in the
 * signed-in API. Team changes are for the lead user, the lead group's managers and labs:manage.
 */
@Injectable()
export class LabAccess {
  constructor(private readonly projects: ProjectsRepository) {}

  canManageTeam(actor: Actor, p: Pick<ProjectRow, 'lead_user_id' | 'lead_group_id'>): boolean {
    return (
      can(actor, PERMISSIONS.LABS_MANAGE) ||
      p.lead_user_id === actor.userId ||
      actor.groups.some((g) => g.id === p.lead_group_id && g.isManager)
    );
  }

  /** The project if the actor may work on it (locked FOR UPDATE when asked), else 404. */
  async project(
    m: EntityManager,
    actor: Actor,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<ProjectRow> {
    const row = await this.projects.findScoped(m, viewerOf(actor), id, options.lock ?? false);
    if (!row) throw notFound();
    return row;
  }

  /** The project for a change: in scope, locked, and not discontinued. */
  async editable(m: EntityManager, actor: Actor, id: string): Promise<ProjectRow> {
    const row = await this.project(m, actor, id, { lock: true });
    if (row.stage === 'discontinued') throw labRule('project_closed', actor.locale);
    return row;
  }

  /** The project an owned object belongs to, for a change (404 when the object or project is out of scope). */
  async editableOf(m: EntityManager, actor: Actor, kind: OwnedKind, id: string): Promise<ProjectRow> {
    const projectId = await this.projects.projectOf(m, kind, id);
    if (!projectId) throw notFound();
    return this.editable(m, actor, projectId);
  }

  async readableOf(m: EntityManager, actor: Actor, kind: OwnedKind, id: string): Promise<ProjectRow> {
    const projectId = await this.projects.projectOf(m, kind, id);
    if (!projectId) throw notFound();
    return this.project(m, actor, projectId);
  }
}
