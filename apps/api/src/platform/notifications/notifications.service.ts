import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { interpolate, LocalizedText, type NotificationDto } from '@madang/contracts';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { Actor } from '../../core/actor';
import { notFound } from '../../core/domain-error';
import { AppConfig } from '../../config/app-config';
import { EmailState, NotificationEntity } from './notification.entity';

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
} as const satisfies Record<string, { title: LocalizedText; body: LocalizedText }>;
export type BookingNotice = keyof typeof BOOKING_NOTICES;

/** In-app notifications, written in the same transaction as the change they announce. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async notify(
    manager: EntityManager,
    userId: string,
    kind: BookingNotice,
    values: { ko: Record<string, string>; en: Record<string, string> },
    bookingId: string | null,
  ): Promise<void> {
    await manager.insert(NotificationEntity, { ...this.row(userId, kind, values), bookingId, readAt: null });
  }

  /** The notification's text in both languages, for callers that insert it inside a larger statement. */
  row(
    userId: string,
    kind: BookingNotice,
    values: { ko: Record<string, string>; en: Record<string, string> },
  ) {
    const template = BOOKING_NOTICES[kind];
    return {
      userId,
      kind,
      titleKo: template.title.ko,
      titleEn: template.title.en,
      bodyKo: interpolate(template.body.ko, values.ko).trim(),
      bodyEn: interpolate(template.body.en, values.en).trim(),
      // E-mailed too when SMTP is configured; MailerService picks queued notifications up.
      emailState: (this.config.SMTP_URL ? 'queued' : 'none') as EmailState,
    };
  }

  async list(actor: Actor): Promise<NotificationDto[]> {
    const rows = await this.db.getRepository(NotificationEntity).find({
      where: { userId: actor.userId },
      order: { createdAt: 'DESC' },
      take: 100,
    });
    return rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: { ko: n.titleKo, en: n.titleEn },
      body: { ko: n.bodyKo, en: n.bodyEn },
      bookingId: n.bookingId,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    }));
  }

  async markRead(actor: Actor, id: string): Promise<void> {
    const repo = this.db.getRepository(NotificationEntity);
    const found = await repo.findOneBy({ id, userId: actor.userId });
    if (!found) throw notFound();
    await repo.update({ id, userId: actor.userId, readAt: IsNull() }, { readAt: new Date() });
  }
}
