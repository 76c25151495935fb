import type { NotificationTemplate } from '../../platform/notifications/notifications.service';

/** The desk's messages (registered by CustodyService). */
export const DESK_NOTICES = {
  'custody.overdue': {
    title: { ko: '반납 기한이 지났습니다', en: 'Return overdue' },
    body: {
      ko: '{assets}의 반납 기한({due})이 지났습니다. 가능한 빨리 데스크에 반납해 주세요.',
      en: '{assets} was due back at {due}. Please return it to the desk as soon as you can.',
    },
  },
} as const satisfies Record<string, NotificationTemplate>;
export type DeskNotice = keyof typeof DESK_NOTICES;
