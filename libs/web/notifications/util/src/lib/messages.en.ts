/** English. Messages of the notifications bell, loaded with the shell (the bell is in its toolbar). This object defines the keys; the Korean one must have exactly the same. */
export const notificationsEn = {
  'notifications.label': 'Notifications',
  'notifications.unread': '{count} unread notifications',
  'notifications.none': 'No notifications.',
  'notifications.markRead': 'Mark as read',
  'notifications.open': 'Open',
} as const;
