import type { NotificationTemplate } from '../platform/notifications/notifications.service';
import { AGREEMENT_SIGNED, OBLIGATION_DUE } from './agreements.service';
import { APPLICATION_SCREENED, SUPPLEMENT_REQUESTED } from './applications.service';
import { PHASE_MOVED } from './calls.service';
import { OBJECTION_ANSWERED } from './results.service';
import { REVIEW_ASSIGNED } from './reviews.service';

/** Recruitment's notices; on blind calls none of them names an applicant to a reviewer. */
export const RECRUITMENT_NOTICES: Readonly<Record<string, NotificationTemplate>> = {
  [PHASE_MOVED]: {
    title: { ko: '공모 단계 변경: {call}', en: 'Call moved on: {call}' },
    body: { ko: '{call} 공모가 "{phase}" 단계로 넘어갔습니다.', en: 'The call {call} is now in "{phase}".' },
  },
  [SUPPLEMENT_REQUESTED]: {
    title: { ko: '보완 요청: {call}', en: 'Supplement requested: {call}' },
    body: {
      ko: '지원서 보완이 요청되었습니다. 기한: {due}',
      en: 'Please supplement your application by {due}.',
    },
  },
  [APPLICATION_SCREENED]: {
    title: { ko: '자격 심사 결과: {call}', en: 'Eligibility screening: {call}' },
    body: { ko: '자격 심사 결과: {result}', en: 'Screening result: {result}' },
  },
  [REVIEW_ASSIGNED]: {
    title: { ko: '심사 배정: {call}', en: 'Review assigned: {call}' },
    body: {
      ko: '새 지원서가 배정되었습니다. 이해충돌 여부를 먼저 신고해 주세요.',
      en: 'An application was assigned to you. Please declare any conflict of interest first.',
    },
  },
  [OBJECTION_ANSWERED]: {
    title: { ko: '이의 신청 답변: {call}', en: 'Your objection was answered: {call}' },
    body: { ko: '이의 신청에 대한 답변이 등록되었습니다.', en: 'Staff answered your objection.' },
  },
  [AGREEMENT_SIGNED]: {
    title: { ko: '협약 체결: {call}', en: 'Agreement signed: {call}' },
    body: { ko: '협약 기간: {from} ~ {to}', en: 'Term: {from} to {to}' },
  },
  [OBLIGATION_DUE]: {
    title: { ko: '협약 의무 기한 안내: {title}', en: 'Obligation due: {title}' },
    body: { ko: '{title} — 기한 {due}', en: '{title} — due {due}' },
  },
};
