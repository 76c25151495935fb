import {
  GroupPrivilegeEntity,
  RecruitmentAgreementEntity,
  RecruitmentObligationEntity,
} from './agreement.entities';
import {
  RecruitmentApplicationEntity,
  RecruitmentObjectionEntity,
  RecruitmentSupplementEntity,
} from './application.entities';
import {
  RecruitmentCallEntity,
  RecruitmentFormEntity,
  RecruitmentPhaseMoveEntity,
  RecruitmentReviewerEntity,
} from './call.entities';
import { RecruitmentAssignmentEntity } from './review.entities';

export const RECRUITMENT_ENTITIES = [
  RecruitmentCallEntity,
  RecruitmentPhaseMoveEntity,
  RecruitmentFormEntity,
  RecruitmentReviewerEntity,
  RecruitmentApplicationEntity,
  RecruitmentSupplementEntity,
  RecruitmentObjectionEntity,
  RecruitmentAssignmentEntity,
  RecruitmentAgreementEntity,
  RecruitmentObligationEntity,
  GroupPrivilegeEntity,
];
