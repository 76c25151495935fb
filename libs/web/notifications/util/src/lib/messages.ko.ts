import type { notificationsEn } from './messages.en';

/** Korean. Messages of the notifications bell. Typed by the English keys: a missing or extra key fails the compile. */
export const notificationsKo: Readonly<Record<keyof typeof notificationsEn, string>> = {
  'notifications.label': '알림',
  'notifications.unread': '읽지 않은 알림 {count}개',
  'notifications.none': '알림이 없습니다.',
  'notifications.markRead': '읽음으로 표시',
  'notifications.open': '열기',
};
