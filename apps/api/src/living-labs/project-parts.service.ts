import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CommitmentKind,
  type CommitmentStatus,
  type MilestoneStatus,
  type OutcomeType,
  type PartnerSector,
  type PartnerStatus,
  type ProjectMilestone,
  type ProjectOutcome,
  type ProjectPartner,
} from '@madang/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../core/actor';
import { invalidField, notFound } from '../core/domain-error';
import { AuditService } from '../platform/audit/audit.service';
import { FilesService } from '../platform/files/files.service';
import { NotificationsService } from '../platform/notifications/notifications.service';
import {
  CreateCommitmentDto,
  CreateMilestoneDto,
  CreateOutcomeDto,
  CreatePartnerDto,
  UpdateCommitmentDto,
  UpdateMilestoneDto,
  UpdatePartnerDto,
} from './dto/projects.dto';
import { LabAccess } from './lab-access';
import { labRule, withLabRules } from './lab-errors';
import { ProjectsRepository } from './projects.repository';

export const OUTCOME_OWNER = 'lab_outcome';

type PartnerRow = Awaited<ReturnType<ProjectsRepository['partners']>>[number];
type MilestoneRow = Awaited<ReturnType<ProjectsRepository['milestones']>>[number];

const seoulToday = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);

/** The parts of a project: linked observations, partners and commitments, milestones, outcomes. */
@Injectable()
export class ProjectPartsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly projects: ProjectsRepository,
    private readonly access: LabAccess,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly files: FilesService,
  ) {}

  /** Links an observation inside the caller's transaction and tells its poster (once). */
  async link(
    m: EntityManager,
    actor: Actor,
    projectId: string,
    projectTitle: string,
    observationId: string,
    field: string,
  ): Promise<void> {
    const rows = (await m.query(`SELECT id, title, posted_by, state FROM lab_observations WHERE id = $1`, [
      observationId,
    ])) as { id: string; title: string; posted_by: string; state: string }[];
    const o = rows[0];
    if (!o) throw invalidField(field, 'invalid');
    if (o.state === 'merged') throw labRule('observation_merged', actor.locale);
    if (!(await this.projects.linkObservation(m, projectId, observationId, actor.userId))) return;
    await this.audit.record(m, actor, {
      action: 'lab_project.observation_linked',
      entityType: 'lab_project',
      entityId: projectId,
      after: { observationId },
    });
    if (o.posted_by !== actor.userId)
      await this.notifications.notify(m, [
        {
          recipientId: o.posted_by,
          kind: 'lab.observation_linked',
          subject: { type: 'lab_observation', id: o.id },
          values: () => ({ title: o.title, project: projectTitle }),
        },
      ]);
  }

  async addPartner(actor: Actor, projectId: string, dto: CreatePartnerDto): Promise<ProjectPartner> {
    const id = await this.db.transaction(async (m) => {
      await this.access.editable(m, actor, projectId);
      if (dto.groupId && !(await this.projects.groupExists(m, dto.groupId)))
        throw invalidField('groupId', 'invalid');
      const [row] = (await m.query(
        `INSERT INTO lab_partners (project_id, name, sector, status, group_id, contact) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          projectId,
          dto.name.trim(),
          dto.sector,
          dto.status ?? 'invited',
          dto.groupId ?? null,
          dto.contact?.trim() ?? null,
        ],
      )) as { id: string }[];
      for (const c of dto.commitments ?? []) await this.insertCommitment(m, row.id, c);
      await this.audit.record(m, actor, {
        action: 'lab_project.partner_added',
        entityType: 'lab_project',
        entityId: projectId,
        after: { partnerId: row.id, ...dto },
      });
      return row.id;
    });
    return this.partner(id);
  }

  async updatePartner(actor: Actor, partnerId: string, dto: UpdatePartnerDto): Promise<ProjectPartner> {
    await this.db.transaction(async (m) => {
      const p = await this.access.editableOf(m, actor, 'partner', partnerId);
      await m.query(
        `UPDATE lab_partners SET name = coalesce($2, name), sector = coalesce($3, sector), status = coalesce($4, status),
                contact = CASE WHEN $5 THEN $6 ELSE contact END WHERE id = $1`,
        [
          partnerId,
          dto.name?.trim() ?? null,
          dto.sector ?? null,
          dto.status ?? null,
          dto.contact !== undefined,
          dto.contact?.trim() ?? null,
        ],
      );
      await this.audit.record(m, actor, {
        action: 'lab_project.partner_updated',
        entityType: 'lab_project',
        entityId: p.id,
        after: { partnerId, ...dto },
      });
    });
    return this.partner(partnerId);
  }

  async addCommitment(actor: Actor, partnerId: string, dto: CreateCommitmentDto): Promise<ProjectPartner> {
    await this.db.transaction(async (m) => {
      const p = await this.access.editableOf(m, actor, 'partner', partnerId);
      const id = await this.insertCommitment(m, partnerId, dto);
      await this.audit.record(m, actor, {
        action: 'lab_project.commitment_added',
        entityType: 'lab_project',
        entityId: p.id,
        after: { partnerId, commitmentId: id, ...dto },
      });
    });
    return this.partner(partnerId);
  }

  async updateCommitment(
    actor: Actor,
    commitmentId: string,
    dto: UpdateCommitmentDto,
  ): Promise<ProjectPartner> {
    const partnerId = await this.db.transaction(async (m) => {
      const p = await this.access.editableOf(m, actor, 'commitment', commitmentId);
      await m.query(
        `UPDATE lab_commitments SET description = coalesce($2, description), status = coalesce($3, status),
                amount = CASE WHEN $4 THEN $5::bigint ELSE amount END
          WHERE id = $1`,
        [
          commitmentId,
          dto.description?.trim() ?? null,
          dto.status ?? null,
          dto.amount !== undefined,
          dto.amount ?? null,
        ],
      );
      await this.audit.record(m, actor, {
        action: 'lab_project.commitment_updated',
        entityType: 'lab_project',
        entityId: p.id,
        after: { commitmentId, ...dto },
      });
      const [row] = (await m.query(`SELECT partner_id FROM lab_commitments WHERE id = $1`, [
        commitmentId,
      ])) as {
        partner_id: string;
      }[];
      return row.partner_id;
    });
    return this.partner(partnerId);
  }

  async addMilestone(actor: Actor, projectId: string, dto: CreateMilestoneDto): Promise<ProjectMilestone> {
    const id = await this.db.transaction(async (m) => {
      await this.access.editable(m, actor, projectId);
      const status = dto.status ?? 'planned';
      const [row] = (await m.query(
        `INSERT INTO lab_milestones (project_id, title, due_on, status, done_on) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [projectId, dto.title.trim(), dto.dueOn, status, status === 'done' ? seoulToday() : null],
      )) as { id: string }[];
      await this.audit.record(m, actor, {
        action: 'lab_project.milestone_added',
        entityType: 'lab_project',
        entityId: projectId,
        after: { milestoneId: row.id, ...dto },
      });
      return row.id;
    });
    return this.milestone(id);
  }

  async updateMilestone(
    actor: Actor,
    milestoneId: string,
    dto: UpdateMilestoneDto,
  ): Promise<ProjectMilestone> {
    await this.db.transaction(async (m) => {
      const p = await this.access.editableOf(m, actor, 'milestone', milestoneId);
      const [current] = (await m.query(`SELECT status, done_on::text FROM lab_milestones WHERE id = $1`, [
        milestoneId,
      ])) as { status: string; done_on: string | null }[];
      const status = dto.status ?? current.status;
      const doneOn = status === 'done' ? (dto.doneOn ?? current.done_on ?? seoulToday()) : null;
      await m.query(
        `UPDATE lab_milestones SET title = coalesce($2, title), due_on = coalesce($3::date, due_on), status = $4, done_on = $5 WHERE id = $1`,
        [milestoneId, dto.title?.trim() ?? null, dto.dueOn ?? null, status, doneOn],
      );
      await this.audit.record(m, actor, {
        action: 'lab_project.milestone_updated',
        entityType: 'lab_project',
        entityId: p.id,
        after: { milestoneId, ...dto },
      });
    });
    return this.milestone(milestoneId);
  }

  async addOutcome(actor: Actor, projectId: string, dto: CreateOutcomeDto): Promise<ProjectOutcome> {
    const id = await this.db.transaction(async (m) => {
      await this.access.editable(m, actor, projectId);
      const [row] = (await m.query(
        `INSERT INTO lab_outcomes (project_id, type, title, description, occurred_on, responsible_body, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          projectId,
          dto.type,
          dto.title.trim(),
          dto.description.trim(),
          dto.occurredOn,
          dto.responsibleBody.trim(),
          actor.userId,
        ],
      )) as { id: string }[];
      await this.audit.record(m, actor, {
        action: 'lab_project.outcome_recorded',
        entityType: 'lab_project',
        entityId: projectId,
        after: { outcomeId: row.id, ...dto },
      });
      return row.id;
    });
    return this.outcome(actor, id);
  }

  /**
   * A staff member verifies an outcome: never whoever recorded it, nor the project's lead user or
   * creator (the service says so first; the database refuses it anyway).
   */
  async verifyOutcome(actor: Actor, outcomeId: string): Promise<ProjectOutcome> {
    await withLabRules(actor.locale, () =>
      this.db.transaction(async (m) => {
        const p = await this.access.editableOf(m, actor, 'outcome', outcomeId);
        const [o] = (await m.query(
          `SELECT recorded_by, verified_by FROM lab_outcomes WHERE id = $1 FOR UPDATE`,
          [outcomeId],
        )) as { recorded_by: string; verified_by: string | null }[];
        if (o.verified_by) throw labRule('outcome_already_verified', actor.locale);
        if (o.recorded_by === actor.userId) throw labRule('verifier_is_recorder', actor.locale);
        if (p.lead_user_id === actor.userId || p.created_by === actor.userId)
          throw labRule('verifier_is_lead', actor.locale);
        await m.query(`UPDATE lab_outcomes SET verified_by = $2, verified_at = now() WHERE id = $1`, [
          outcomeId,
          actor.userId,
        ]);
        await this.audit.record(m, actor, {
          action: 'lab_project.outcome_verified',
          entityType: 'lab_project',
          entityId: p.id,
          after: { outcomeId },
        });
      }),
    );
    return this.outcome(actor, outcomeId);
  }

  async outcomeViews(actor: Actor | undefined, projectId: string): Promise<ProjectOutcome[]> {
    const rows = await this.projects.outcomes(this.db.manager, projectId);
    return Promise.all(
      rows.map(async (o) => ({
        id: o.id,
        type: o.type as OutcomeType,
        title: o.title,
        description: o.description,
        occurredOn: o.occurred_on,
        responsibleBody: o.responsible_body,
        recordedBy: { id: o.recorded_by, displayName: o.recorder_name },
        verifiedBy: o.verified_by ? { id: o.verified_by, displayName: o.verifier_name ?? '' } : null,
        verifiedAt: o.verified_at?.toISOString() ?? null,
        // The public sees the evidence of verified outcomes only (the file policy agrees).
        files: actor || o.verified_by ? await this.files.list(actor, OUTCOME_OWNER, o.id) : [],
      })),
    );
  }

  partnerView(pa: PartnerRow): ProjectPartner {
    return {
      id: pa.id,
      name: pa.name,
      sector: pa.sector as PartnerSector,
      status: pa.status as PartnerStatus,
      groupId: pa.group_id,
      contact: pa.contact,
      commitments: pa.commitments.map((c) => ({
        id: c.id,
        kind: c.kind as CommitmentKind,
        description: c.description,
        amount: c.amount === null ? null : Number(c.amount),
        status: c.status as CommitmentStatus,
      })),
    };
  }

  milestoneView(ms: MilestoneRow): ProjectMilestone {
    return {
      id: ms.id,
      title: ms.title,
      dueOn: ms.due_on,
      status: ms.status as MilestoneStatus,
      doneOn: ms.done_on,
    };
  }

  private async insertCommitment(
    m: EntityManager,
    partnerId: string,
    c: CreateCommitmentDto,
  ): Promise<string> {
    const [row] = (await m.query(
      `INSERT INTO lab_commitments (partner_id, kind, description, amount, status) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [partnerId, c.kind, c.description.trim(), c.amount ?? null, c.status ?? 'proposed'],
    )) as { id: string }[];
    return row.id;
  }

  private async partner(id: string): Promise<ProjectPartner> {
    const m = this.db.manager;
    const [projectId] = (await m.query(`SELECT project_id FROM lab_partners WHERE id = $1`, [id])) as {
      project_id: string;
    }[];
    if (!projectId) throw notFound();
    const row = (await this.projects.partners(m, [projectId.project_id])).find((pa) => pa.id === id);
    if (!row) throw notFound();
    return this.partnerView(row);
  }

  private async milestone(id: string): Promise<ProjectMilestone> {
    const rows = (await this.db.manager.query(
      `SELECT id, title, due_on::text, status, done_on::text, created_at FROM lab_milestones WHERE id = $1`,
      [id],
    )) as MilestoneRow[];
    if (!rows[0]) throw notFound();
    return this.milestoneView(rows[0]);
  }

  private async outcome(actor: Actor, id: string): Promise<ProjectOutcome> {
    const [row] = (await this.db.manager.query(`SELECT project_id FROM lab_outcomes WHERE id = $1`, [
      id,
    ])) as {
      project_id: string;
    }[];
    if (!row) throw notFound();
    const found = (await this.outcomeViews(actor, row.project_id)).find((o) => o.id === id);
    if (!found) throw notFound();
    return found;
  }
}
