import type {
  AgreementState,
  ApplicationState,
  AssignmentState,
  EligibilityState,
  FormFieldType,
  ObjectionState,
  RecruitmentConflictCode,
  SupplementState,
} from '@madang/contracts';

/** Message keys of the recruitment states, typed so a template cannot ask for one that does not exist. */
export const applicationStateKey = (s: ApplicationState) => `recruitment.state.${s}` as const;
export const eligibilityKey = (s: EligibilityState) => `recruitment.eligibility.${s}` as const;
export const supplementStateKey = (s: SupplementState) => `recruitment.supplement.${s}` as const;
export const assignmentStateKey = (s: AssignmentState) => `recruitment.assignment.${s}` as const;
export const objectionStateKey = (s: ObjectionState) => `recruitment.objection.${s}` as const;
export const agreementStateKey = (s: AgreementState) => `recruitment.agreement.${s}` as const;
export const fieldTypeKey = (t: FormFieldType) => `recruitment.fieldType.${t}` as const;
export const conflictKey = (c: RecruitmentConflictCode) => `recruitment.conflict.${c}` as const;
