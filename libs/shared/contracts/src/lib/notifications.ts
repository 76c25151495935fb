import type { LocalizedText } from './locale';

export interface NotificationDto {
  id: string;
  kind: string;
  title: LocalizedText;
  body: LocalizedText;
  bookingId: string | null;
  createdAt: string;
  readAt: string | null;
}
