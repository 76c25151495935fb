import type { NotificationTemplate } from '../../platform/notifications/notifications.service';

/** The waitlist's and the reminders' messages (registered with the notifications platform). */
export const BOOKING_NOTIFY_NOTICES = {
  'waitlist.offered': {
    title: { ko: '기다리던 시간이 비었습니다', en: 'The slot you waited for is free' },
    body: {
      ko: '{assets} · {when}: {expires}까지 수락하면 예약됩니다. 지나면 다음 대기자에게 넘어갑니다.',
      en: '{assets} · {when}: accept by {expires} to book it; after that it passes to the next in line.',
    },
  },
  'waitlist.offer_expired': {
    title: { ko: '대기 제안이 만료되었습니다', en: 'Your waitlist offer expired' },
    body: {
      ko: '{assets} · {when} 제안을 수락하지 않아 다음 대기자에게 넘어갔습니다.',
      en: '{assets} · {when} was not accepted in time and passed to the next in line.',
    },
  },
  'booking.reminder': {
    title: { ko: '곧 예약 시간입니다', en: 'Your booking starts soon' },
    body: { ko: '{assets} · {when}', en: '{assets} · {when}' },
  },
  'booking.return_due': {
    title: { ko: '장비 반납 시간이 다가옵니다', en: 'Equipment is due back soon' },
    body: {
      ko: '{assets}: {due}까지 반납해 주세요.',
      en: '{assets}: please return it by {due}.',
    },
  },
} as const satisfies Record<string, NotificationTemplate>;
export type BookingNotifyNotice = keyof typeof BOOKING_NOTIFY_NOTICES;
