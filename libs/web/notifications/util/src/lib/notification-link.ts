import type { NotificationDto } from '@madang/contracts';

/**
 * Where a notification leads, from what it is about (its subject), or null when there is no page
 * for that subject. A booking leads to the recipient's bookings, except the "awaiting your
 * decision" notice, which is about someone else's booking and leads to the approval queue.
 */
export function notificationLink(notification: Pick<NotificationDto, 'kind' | 'subject'>): string | null {
  switch (notification.subject.type) {
    case 'booking':
      return notification.kind === 'booking.awaiting_decision' ? '/approvals' : '/bookings';
    case 'approval_queue':
      return '/approvals';
    default:
      return null;
  }
}
