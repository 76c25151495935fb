import type { NotificationTemplate } from '../platform/notifications/notifications.service';

/** The living-lab notices (registered once by the module). */
export const LAB_NOTICES: Readonly<Record<string, NotificationTemplate>> = {
  'lab.observation_replied': {
    title: { ko: '관찰에 답변이 달렸습니다', en: 'Your observation has a reply' },
    body: {
      ko: '"{title}"에 {team}의 {what}이(가) 등록되었습니다.',
      en: '{team} posted {what} to "{title}".',
    },
  },
  'lab.observation_linked': {
    title: { ko: '관찰이 프로젝트로 이어졌습니다', en: 'Your observation joined a project' },
    body: {
      ko: '"{title}"이(가) 리빙랩 프로젝트 "{project}"에 연결되었습니다.',
      en: '"{title}" is now part of the living-lab project "{project}".',
    },
  },
  'lab.observation_merged': {
    title: { ko: '관찰이 병합되었습니다', en: 'Your observation was merged' },
    body: {
      ko: '"{title}"은(는) 같은 내용의 관찰 "{into}"에 병합되었습니다. 사유: {reason}',
      en: '"{title}" was merged into the observation "{into}" on the same matter. Reason: {reason}',
    },
  },
};
