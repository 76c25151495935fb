import { Inject, Injectable, Optional } from '@nestjs/common';
import type { ConflictReasonView } from '@madang/contracts';
import { detectConflicts, type ApplicantFacts, type ReviewerFacts } from '@madang/review';
import type { EntityManager } from 'typeorm';
import type { ApplicationRow } from './applications.repository';
import { ApplicationsRepository } from './applications.repository';
import type { CallRow } from './calls.repository';
import { ReviewsRepository } from './reviews.repository';
import { teamUserIds } from './recruitment-rules';

/**
 * EXTENSION POINT for conflicts from other domains' records. Living labs (when that domain lands)
 * provides `projectsOf` (the living-lab projects each person leads or belongs to); settlement may
 * provide `payeesOf` (people the applying group has paid) once payees are linked to accounts.
 * Register a provider for `CONFLICT_FACT_SOURCES` in the domain's module; until then both are empty.
 */
export interface ConflictFactSource {
  projectsOf(m: EntityManager, userIds: readonly string[]): Promise<Map<string, string[]>>;
  payeesOf(m: EntityManager, groupId: string): Promise<string[]>;
}
export const CONFLICT_FACT_SOURCES = Symbol('CONFLICT_FACT_SOURCES');

/** Gathers what Madang's own records say about a reviewer and an application, and detects conflicts. */
@Injectable()
export class ConflictFacts {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly reviews: ReviewsRepository,
    @Optional() @Inject(CONFLICT_FACT_SOURCES) private readonly sources?: ConflictFactSource[],
  ) {}

  /**
   * Conflicts Madang detects (no declaration). On blind calls the sentences name nobody: every
   * group, member and space is shown as "•••".
   */
  async detect(
    m: EntityManager,
    reviewerId: string,
    call: Pick<CallRow, 'offer' | 'blind'>,
    app: ApplicationRow,
    formSections: Parameters<typeof teamUserIds>[0],
  ): Promise<ConflictReasonView[]> {
    const members = await this.applications.groupMembers(m, app.group_id);
    const named = teamUserIds(formSections, app.answers).filter(
      (id) => !members.some((x) => x.user_id === id),
    );
    const namedGroups = await this.applications.groupsOf(m, named);
    const people = [...members.map((x) => x.user_id), ...named, reviewerId];
    const projects = await this.projectsOf(m, people);
    const reviewerGroups = (await this.applications.groupsOf(m, [reviewerId])).get(reviewerId) ?? [];
    const reviewer: ReviewerFacts = {
      personId: reviewerId,
      groupIds: reviewerGroups,
      projectIds: projects.get(reviewerId) ?? [],
      residentSpaceIds: await this.reviews.residentSpaces(m, reviewerId),
    };
    const applicant: ApplicantFacts = {
      applicantPersonId: app.applicant_id,
      groupId: app.group_id,
      members: [
        ...members.map((x) => ({
          personId: x.user_id,
          groupIds: x.group_ids,
          projectIds: projects.get(x.user_id) ?? [],
        })),
        ...named.map((id) => ({
          personId: id,
          groupIds: namedGroups.get(id) ?? [],
          projectIds: projects.get(id) ?? [],
        })),
      ],
      spaceIds: [...call.offer.assetIds, ...(await this.reviews.groupSpaces(m, app.group_id))],
      payeePersonIds: await this.payeesOf(m, app.group_id),
    };
    const labels = call.blind
      ? {}
      : Object.fromEntries([
          ...(
            await this.applications.groupNames(m, [...new Set([...reviewerGroups, app.group_id])])
          ).entries(),
          ...(await this.applications.userNames(m, people)).entries(),
        ]);
    const reasons = detectConflicts({ reviewer, applicant, labels });
    return reasons.map((r) => ({
      code: r.code,
      message: call.blind
        ? {
            ko: r.message.ko.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, '•••'),
            en: r.message.en.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, '•••'),
          }
        : r.message,
    }));
  }

  private async projectsOf(m: EntityManager, userIds: readonly string[]): Promise<Map<string, string[]>> {
    const merged = new Map<string, string[]>();
    for (const source of this.sources ?? [])
      for (const [k, v] of await source.projectsOf(m, userIds))
        merged.set(k, [...(merged.get(k) ?? []), ...v]);
    return merged;
  }

  private async payeesOf(m: EntityManager, groupId: string): Promise<string[]> {
    const all: string[] = [];
    for (const source of this.sources ?? []) all.push(...(await source.payeesOf(m, groupId)));
    return all;
  }
}
