import type { LocalizedText } from './locale';

/** What a notification is about: a domain's aggregate and its id (null when it is about a list, e.g. a digest). */
export interface NotificationSubject {
  type: string;
  id: string | null;
}

export interface NotificationDto {
  id: string;
  kind: string;
  title: LocalizedText;
  body: LocalizedText;
  subject: NotificationSubject;
  /** The booking, when the subject is one. Kept for clients written before `subject`. */
  bookingId: string | null;
  createdAt: string;
  readAt: string | null;
}

/**
 * How an approver hears of requests waiting for their decision: a notification for each request,
 * one digest a day, or not at all (the queue is still there).
 */
export const APPROVAL_NOTICES = ['each', 'daily_digest', 'off'] as const;
export type ApprovalNotices = (typeof APPROVAL_NOTICES)[number];
