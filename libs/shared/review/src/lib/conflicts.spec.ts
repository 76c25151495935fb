import { conflictedPairs, detectConflicts, type ApplicantFacts, type ReviewerFacts } from './conflicts';

const reviewer: ReviewerFacts = { personId: 'p-rev', groupIds: [], projectIds: [], residentSpaceIds: [] };
const applicant: ApplicantFacts = {
  applicantPersonId: 'p-lead',
  groupId: 'g-team',
  members: [
    { personId: 'p-lead', groupIds: ['g-team', 'g-choir'], projectIds: ['lab-shade'] },
    { personId: 'p-mem', groupIds: ['g-team', 'g-choir'], projectIds: [] },
  ],
  spaceIds: ['room-301'],
  payeePersonIds: ['p-designer'],
};

const codes = (r: Partial<ReviewerFacts>, declaration?: string) =>
  detectConflicts({ reviewer: { ...reviewer, ...r }, applicant, declaration }).map((c) => [c.code, c.params]);

describe('detectConflicts', () => {
  it('no facts in common → no conflict', () =>
    expect(codes({ groupIds: ['g-other'], residentSpaceIds: ['room-302'] })).toEqual([]));

  it.each<[string, Partial<ReviewerFacts>, [string, Record<string, string>][]]>([
    ['the applicant', { personId: 'p-lead' }, [['self', {}]]],
    [
      'a member of the applicant group',
      { groupIds: ['g-team'] },
      [['applicant_group_member', { groupId: 'g-team' }]],
    ],
    [
      'in a group with two members (one reason each)',
      { groupIds: ['g-choir'] },
      [
        ['shared_group', { groupId: 'g-choir', memberId: 'p-lead' }],
        ['shared_group', { groupId: 'g-choir', memberId: 'p-mem' }],
      ],
    ],
    [
      'in a living-lab project with a member',
      { projectIds: ['lab-shade'] },
      [['shared_project', { projectId: 'lab-shade', memberId: 'p-lead' }]],
    ],
    [
      'a resident of the same space',
      { residentSpaceIds: ['room-301'] },
      [['same_space_resident', { spaceId: 'room-301' }]],
    ],
    ['a payee of the applicant', { personId: 'p-designer' }, [['payee_of_applicant', {}]]],
  ])('reviewer is %s', (_name, facts, expected) => {
    expect(codes(facts)).toEqual(expected);
  });

  it('a member reviewing is "self" and is not also reported as sharing groups with themself', () => {
    expect(codes({ personId: 'p-mem', groupIds: ['g-team', 'g-choir'] })).toEqual([
      ['self', {}],
      ['applicant_group_member', { groupId: 'g-team' }],
      ['shared_group', { groupId: 'g-choir', memberId: 'p-lead' }],
    ]);
  });

  it('adds a declared conflict and writes sentences in ko and en, with labels when given', () => {
    const [groupReason, declared] = detectConflicts({
      reviewer: { ...reviewer, groupIds: ['g-team'] },
      applicant,
      declaration: ' 전 직장 동료 ',
      labels: { 'g-team': '마당 청년팀' },
    });
    expect(groupReason.message).toEqual({
      ko: '심사위원이 지원 단체 마당 청년팀의 구성원입니다.',
      en: 'The reviewer is a member of the applicant group 마당 청년팀.',
    });
    expect(declared).toMatchObject({ code: 'declared', params: { note: '전 직장 동료' } });
    expect(declared.message.ko).toBe('심사위원이 이해충돌을 신고했습니다: 전 직장 동료');
  });

  it('conflictedPairs lists the pairs to exclude from assignment', () => {
    const pairs = conflictedPairs(
      [reviewer, { ...reviewer, personId: 'p-x', residentSpaceIds: ['room-301'] }],
      [{ ...applicant, applicationId: 'app-1' }],
    );
    expect(pairs.map((p) => [p.reviewerId, p.applicationId, p.reasons.map((r) => r.code)])).toEqual([
      ['p-x', 'app-1', ['same_space_resident']],
    ]);
  });
});
