import { notificationLink } from './notification-link';

describe('notificationLink', () => {
  const id = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

  it.each([
    ['booking.approved', { type: 'booking', id }, '/bookings'],
    ['booking.rejected', { type: 'booking', id }, '/bookings'],
    ['booking.cancelled', { type: 'booking', id }, '/bookings'],
    ['booking.requested', { type: 'booking', id }, '/bookings'],
    ['booking.awaiting_decision', { type: 'booking', id }, '/approvals'],
    ['booking.approval_digest', { type: 'approval_queue', id: null }, '/approvals'],
    ['settlement.invoice', { type: 'invoice', id }, null],
  ])('%s about a %o leads to %s', (kind, subject, link) => {
    expect(notificationLink({ kind, subject })).toBe(link);
  });
});
