import type { NotificationTemplate } from '../../platform/notifications/notifications.service';

/** Messages of recurring series: one notice for a whole series, not one per occurrence. */
export const SERIES_NOTICES = {
  'booking_series.requested': {
    title: { ko: '반복 예약 신청을 받았습니다', en: 'Recurring booking request received' },
    body: {
      ko: '{assets} · {rule} {count}회 신청이 승인을 기다립니다.',
      en: '{assets} · {rule}: {count} occurrences are waiting for approval.',
    },
  },
  'booking_series.approved': {
    title: { ko: '반복 예약이 확정되었습니다', en: 'Recurring booking confirmed' },
    body: {
      ko: '{assets} · {rule} {count}회 예약이 확정되었습니다.',
      en: '{assets} · {rule}: {count} occurrences are confirmed.',
    },
  },
  'booking_series.awaiting_decision': {
    title: { ko: '승인할 반복 예약 신청이 있습니다', en: 'A recurring booking request needs your decision' },
    body: {
      ko: '{requester}: {assets} · {rule} {count}회',
      en: '{requester}: {assets} · {rule}, {count} occurrences',
    },
  },
} as const satisfies Record<string, NotificationTemplate>;
export type SeriesNotice = keyof typeof SERIES_NOTICES;
