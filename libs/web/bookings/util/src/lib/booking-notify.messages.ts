import { defineMessages, registerMessages } from '@madang/web/i18n';

/** English: waitlists, offers and the calendar feed (issue 12). The Korean one must have the same keys. */
export const bookingNotifyEn = {
  'waitlist.join': 'Join the waitlist',
  'waitlist.joinHint': 'If this time frees up, you get a timed offer to book it.',
  'waitlist.joined': 'You are on the waitlist (number {position} in line).',
  'waitlist.title': 'My waitlist & offers',
  'waitlist.empty': 'You are not waiting for any slot.',
  'waitlist.position': 'Number {position} in line',
  'waitlist.state.waiting': 'Waiting',
  'waitlist.state.offered': 'Offered to you',
  'waitlist.state.booked': 'Booked',
  'waitlist.state.lapsed': 'Passed on',
  'waitlist.state.withdrawn': 'Left',
  'waitlist.offer': 'The slot is free for you. Accept within {left}.',
  'waitlist.accept': 'Accept and book',
  'waitlist.acceptLabel': 'Accept the offer for {name}, {when}',
  'waitlist.accepted': 'Booked from the waitlist.',
  'waitlist.leave': 'Leave',
  'waitlist.leaveLabel': 'Leave the waitlist for {name}, {when}',
  'waitlist.left': 'You left the waitlist.',
  'waitlist.expired': 'The offer expired.',
  'feed.title': 'Calendar feed',
  'feed.lead':
    'Subscribe to this secret address in your calendar app to see your bookings there. Anyone with the address can read it: rotate it if it leaks.',
  'feed.url': 'Feed address',
  'feed.copy': 'Copy address',
  'feed.copied': 'Address copied.',
  'feed.rotate': 'New address',
  'feed.rotated': 'New address made; the old one no longer works.',
};

export const bookingNotifyKo: Record<keyof typeof bookingNotifyEn, string> = {
  'waitlist.join': '대기 신청',
  'waitlist.joinHint': '이 시간이 비면 일정 시간 안에 예약할 수 있는 제안을 받습니다.',
  'waitlist.joined': '대기 명단에 올랐습니다 ({position}번째).',
  'waitlist.title': '내 대기 신청과 제안',
  'waitlist.empty': '기다리는 시간이 없습니다.',
  'waitlist.position': '대기 {position}번째',
  'waitlist.state.waiting': '대기 중',
  'waitlist.state.offered': '제안 받음',
  'waitlist.state.booked': '예약됨',
  'waitlist.state.lapsed': '다음 순서로 넘어감',
  'waitlist.state.withdrawn': '대기 취소',
  'waitlist.offer': '시간이 비었습니다. {left} 안에 수락하세요.',
  'waitlist.accept': '수락하고 예약',
  'waitlist.acceptLabel': '{name}, {when} 제안 수락',
  'waitlist.accepted': '대기 명단에서 예약했습니다.',
  'waitlist.leave': '대기 취소',
  'waitlist.leaveLabel': '{name}, {when} 대기 취소',
  'waitlist.left': '대기를 취소했습니다.',
  'waitlist.expired': '제안 시간이 지났습니다.',
  'feed.title': '캘린더 구독',
  'feed.lead':
    '이 비밀 주소를 캘린더 앱에서 구독하면 내 예약이 표시됩니다. 주소를 아는 사람은 누구나 볼 수 있으니, 유출되면 새 주소를 만드세요.',
  'feed.url': '구독 주소',
  'feed.copy': '주소 복사',
  'feed.copied': '주소를 복사했습니다.',
  'feed.rotate': '새 주소 만들기',
  'feed.rotated': '새 주소를 만들었습니다. 이전 주소는 더 이상 쓸 수 없습니다.',
};

declare module '@madang/web/i18n' {
  interface MessageCatalogue {
    bookingNotify: typeof bookingNotifyEn;
  }
}

export const BOOKING_NOTIFY_MESSAGES = defineMessages('bookingNotify', {
  en: bookingNotifyEn,
  ko: bookingNotifyKo,
});

/** Loads these messages (once) for a component that may appear on pages of other parts. */
export function useBookingNotifyMessages(): void {
  registerMessages(BOOKING_NOTIFY_MESSAGES);
}
