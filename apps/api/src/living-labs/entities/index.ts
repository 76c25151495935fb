import {
  LabExperimentBookingEntity,
  LabExperimentEntity,
  LabMetricEntity,
  LabMetricReadingEntity,
  LabParticipantEntity,
} from './experiment.entities';
import {
  LabObservationCommentEntity,
  LabObservationEntity,
  LabObservationReplyEntity,
  LabObservationSupportEntity,
} from './observation.entities';
import {
  LabCommitmentEntity,
  LabMilestoneEntity,
  LabOutcomeEntity,
  LabPartnerEntity,
  LabProjectEntity,
  LabProjectMemberEntity,
  LabProjectObservationEntity,
  LabStageChangeEntity,
} from './project.entities';

/** Every living-lab entity, for the entity list in `database/entities.ts`. */
export const LIVING_LAB_ENTITIES = [
  LabObservationEntity,
  LabObservationSupportEntity,
  LabObservationCommentEntity,
  LabObservationReplyEntity,
  LabProjectEntity,
  LabProjectMemberEntity,
  LabProjectObservationEntity,
  LabStageChangeEntity,
  LabPartnerEntity,
  LabCommitmentEntity,
  LabMilestoneEntity,
  LabOutcomeEntity,
  LabExperimentEntity,
  LabExperimentBookingEntity,
  LabParticipantEntity,
  LabMetricEntity,
  LabMetricReadingEntity,
];
