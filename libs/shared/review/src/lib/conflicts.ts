import { interpolate, type LocalizedText } from '@madang/contracts';

/** What Madang's own records say about a reviewer (a person). */
export interface ReviewerFacts {
  personId: string;
  /** Groups the reviewer is a member of. */
  groupIds: readonly string[];
  /** Living-lab projects the reviewer leads or is a member of. */
  projectIds: readonly string[];
  /** Spaces the reviewer currently resides in (current residency agreements). */
  residentSpaceIds: readonly string[];
}

/** What Madang's records say about an application and the people behind it. */
export interface ApplicantFacts {
  /** The person who submitted (and manages) the application. */
  applicantPersonId: string;
  /** The group applying, if any. */
  groupId: string | null;
  /** The applying group's members (and team members named in the application). */
  members: readonly { personId: string; groupIds: readonly string[]; projectIds: readonly string[] }[];
  /** Spaces the applicant group currently resides in, and spaces the application asks for. */
  spaceIds: readonly string[];
  /** People the applicant (group) has paid: payees in settlement. */
  payeePersonIds: readonly string[];
}

export const CONFLICT_CODES = [
  'self',
  'applicant_group_member',
  'shared_group',
  'shared_project',
  'same_space_resident',
  'payee_of_applicant',
  'declared',
] as const;
export type ConflictCode = (typeof CONFLICT_CODES)[number];

export interface ConflictReason {
  code: ConflictCode;
  /** Ids involved: `groupId`, `projectId`, `spaceId`, `memberId`; `note` for a declaration. */
  params: Readonly<Record<string, string>>;
  message: LocalizedText;
}

const MESSAGES: Record<ConflictCode, LocalizedText> = {
  self: {
    ko: '심사위원 본인이 지원자 또는 팀원입니다.',
    en: 'The reviewer is the applicant or a team member.',
  },
  applicant_group_member: {
    ko: '심사위원이 지원 단체 {group}의 구성원입니다.',
    en: 'The reviewer is a member of the applicant group {group}.',
  },
  shared_group: {
    ko: '심사위원이 지원 팀원 {member}과(와) 같은 단체 {group}에 속해 있습니다.',
    en: 'The reviewer shares the group {group} with the applicant member {member}.',
  },
  shared_project: {
    ko: '심사위원이 지원 팀원 {member}과(와) 같은 리빙랩 프로젝트 {project}에 참여하고 있습니다.',
    en: 'The reviewer shares the living-lab project {project} with the applicant member {member}.',
  },
  same_space_resident: {
    ko: '심사위원이 같은 공간 {space}의 현재 입주자입니다.',
    en: 'The reviewer is a current resident of the same space {space}.',
  },
  payee_of_applicant: {
    ko: '심사위원이 지원자로부터 대가를 받은 적이 있습니다.',
    en: 'The reviewer has been paid by the applicant.',
  },
  declared: {
    ko: '심사위원이 이해충돌을 신고했습니다: {note}',
    en: 'The reviewer declared a conflict: {note}',
  },
};

function reason(
  code: ConflictCode,
  params: Record<string, string>,
  labels: Readonly<Record<string, string>>,
): ConflictReason {
  const shown: Record<string, string> = {};
  if (params['groupId']) shown['group'] = labels[params['groupId']] ?? params['groupId'];
  if (params['projectId']) shown['project'] = labels[params['projectId']] ?? params['projectId'];
  if (params['spaceId']) shown['space'] = labels[params['spaceId']] ?? params['spaceId'];
  if (params['memberId']) shown['member'] = labels[params['memberId']] ?? params['memberId'];
  if (params['note'] !== undefined) shown['note'] = params['note'];
  const template = MESSAGES[code];
  return {
    code,
    params,
    message: { ko: interpolate(template.ko, shown), en: interpolate(template.en, shown) },
  };
}

/**
 * Every conflict of interest between a reviewer and an application, from facts the service
 * gathers, one reason per fact (a group shared with two members is reported for each member).
 * `declaration` is the reviewer's own statement, if any. `labels` maps ids to names for the
 * sentences (ids are used where a label is missing). Empty means no known conflict.
 */
export function detectConflicts(input: {
  reviewer: ReviewerFacts;
  applicant: ApplicantFacts;
  declaration?: string | null;
  labels?: Readonly<Record<string, string>>;
}): ConflictReason[] {
  const { reviewer, applicant } = input;
  const labels = input.labels ?? {};
  const reasons: ConflictReason[] = [];
  const reviewerGroups = new Set(reviewer.groupIds);
  const reviewerProjects = new Set(reviewer.projectIds);
  const isSelf =
    reviewer.personId === applicant.applicantPersonId ||
    applicant.members.some((m) => m.personId === reviewer.personId);
  if (isSelf) reasons.push(reason('self', {}, labels));
  if (applicant.groupId !== null && reviewerGroups.has(applicant.groupId)) {
    reasons.push(reason('applicant_group_member', { groupId: applicant.groupId }, labels));
  }
  for (const member of applicant.members) {
    if (member.personId === reviewer.personId) continue;
    for (const groupId of new Set(member.groupIds)) {
      if (groupId !== applicant.groupId && reviewerGroups.has(groupId)) {
        reasons.push(reason('shared_group', { groupId, memberId: member.personId }, labels));
      }
    }
    for (const projectId of new Set(member.projectIds)) {
      if (reviewerProjects.has(projectId)) {
        reasons.push(reason('shared_project', { projectId, memberId: member.personId }, labels));
      }
    }
  }
  const spaces = new Set(applicant.spaceIds);
  for (const spaceId of new Set(reviewer.residentSpaceIds)) {
    if (spaces.has(spaceId)) reasons.push(reason('same_space_resident', { spaceId }, labels));
  }
  if (applicant.payeePersonIds.includes(reviewer.personId))
    reasons.push(reason('payee_of_applicant', {}, labels));
  if (typeof input.declaration === 'string') {
    reasons.push(reason('declared', { note: input.declaration.trim() }, labels));
  }
  return reasons;
}

/** Conflicted pairs for `assignReviewers`, from facts about every reviewer and application. */
export function conflictedPairs(
  reviewers: readonly ReviewerFacts[],
  applications: readonly (ApplicantFacts & { applicationId: string })[],
): { reviewerId: string; applicationId: string; reasons: ConflictReason[] }[] {
  const pairs: { reviewerId: string; applicationId: string; reasons: ConflictReason[] }[] = [];
  for (const reviewer of reviewers) {
    for (const application of applications) {
      const reasons = detectConflicts({ reviewer, applicant: application });
      if (reasons.length > 0)
        pairs.push({ reviewerId: reviewer.personId, applicationId: application.applicationId, reasons });
    }
  }
  return pairs;
}
