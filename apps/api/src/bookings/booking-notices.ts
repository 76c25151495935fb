import type { NotificationTemplate } from '../platform/notifications/notifications.service';

/** The bookings domain's messages, registered with the notifications platform by BookingsModule. */
export const BOOKING_NOTICES = {
  'booking.requested': {
    title: { ko: '예약 신청을 받았습니다', en: 'Booking request received' },
    body: {
      ko: '{assets} · {when} 신청이 승인을 기다립니다.',
      en: '{assets} · {when} is waiting for approval.',
    },
  },
  'booking.approved': {
    title: { ko: '예약이 승인되었습니다', en: 'Booking approved' },
    body: { ko: '{assets} · {when} 예약이 확정되었습니다.', en: '{assets} · {when} is confirmed.' },
  },
  'booking.rejected': {
    title: { ko: '예약이 거절되었습니다', en: 'Booking rejected' },
    body: { ko: '{assets} · {when}: {reason}', en: '{assets} · {when}: {reason}' },
  },
  'booking.cancelled': {
    title: { ko: '예약이 취소되었습니다', en: 'Booking cancelled' },
    body: {
      ko: '{assets} · {when} 예약이 취소되었습니다. {reason}',
      en: '{assets} · {when} was cancelled. {reason}',
    },
  },
  'booking.no_show': {
    title: { ko: '체크인하지 않아 예약이 풀렸습니다', en: 'Not checked in: booking released' },
    body: {
      ko: '{assets} · {when} 예약에 제때 체크인하지 않아 다른 사람이 쓸 수 있게 풀었습니다.',
      en: '{assets} · {when} was not checked in in time and has been released for others.',
    },
  },
  'booking.awaiting_decision': {
    title: { ko: '승인할 예약 신청이 있습니다', en: 'A booking request needs your decision' },
    body: {
      ko: '{requester}: {assets} · {when}',
      en: '{requester}: {assets} · {when}',
    },
  },
  'booking.approval_digest': {
    title: { ko: '승인을 기다리는 예약 {count}건', en: '{count} booking requests waiting' },
    body: {
      ko: '승인을 기다리는 신청이 {count}건 있습니다. 가장 오래된 신청: {oldest}.',
      en: '{count} requests are waiting for a decision. The oldest was made {oldest}.',
    },
  },
} as const satisfies Record<string, NotificationTemplate>;
export type BookingNotice = keyof typeof BOOKING_NOTICES;
