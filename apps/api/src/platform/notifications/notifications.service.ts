import { Injectable } from '@nestjs/common';
import {
  interpolate,
  LOCALES,
  type Locale,
  type LocalizedText,
  type NotificationDto,
} from '@madang/contracts';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import type { Actor } from '../../core/actor';
import { notFound } from '../../core/domain-error';
import type { EmailState } from './notification.entity';
import { NotificationInsert, NotificationRow, NotificationsRepository } from './notifications.repository';

/** A message a domain owns: `{placeholders}` are filled per language from the notice's values. */
export interface NotificationTemplate {
  title: LocalizedText;
  body: LocalizedText;
}

/** One notification to one person about one subject, written by `notify` inside the caller's transaction. */
export interface Notice {
  recipientId: string;
  /** A registered template kind, e.g. `booking.approved`. */
  kind: string;
  subject: { type: string; id: string | null };
  /** The placeholder values in each language (dates, names and reasons read differently per language). */
  values: (locale: Locale) => Readonly<Record<string, string>>;
}

const LIST_LIMIT = 100;

/**
 * In-app notifications for any subject, e-mailed by the mailer when SMTP is configured. Each domain
 * registers its templates once (at module init) and calls `notify` in the transaction of the change
 * it announces, so no change commits without its notice and no notice survives a rollback. Every notice
 * is rendered in each language the app speaks; the app shows, and the mailer sends, the recipient's.
 */
@Injectable()
export class NotificationsService {
  private readonly templates = new Map<string, NotificationTemplate>();

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly config: AppConfig,
  ) {}

  /** Registers a domain's templates; a kind registered twice with another text is a programming error. */
  registerTemplates(templates: Readonly<Record<string, NotificationTemplate>>): void {
    for (const [kind, template] of Object.entries(templates)) {
      const known = this.templates.get(kind);
      if (known && known !== template) throw new Error(`notification template ${kind} is registered twice`);
      this.templates.set(kind, template);
    }
  }

  /** Writes the notices on the caller's transaction (one statement). */
  async notify(tx: EntityManager, notices: readonly Notice[]): Promise<void> {
    await this.notifications.insert(tx, this.rows(notices));
  }

  /**
   * The rows `notify` writes, rendered from the registered templates, for a hot path that writes them
   * as part of its own single statement (with `insertNotificationRowsFrom`, this platform's own SQL).
   */
  rows(notices: readonly Notice[]): NotificationInsert[] {
    return notices.map((n) => this.render(n));
  }

  async list(actor: Actor): Promise<NotificationDto[]> {
    const rows = await this.notifications.pageFor(actor.userId, LIST_LIMIT, 0);
    return rows.map(toDto);
  }

  async markRead(actor: Actor, id: string): Promise<void> {
    if (!(await this.notifications.markRead(actor.userId, id))) throw notFound();
  }

  private render(notice: Notice): NotificationInsert {
    const template = this.templates.get(notice.kind);
    if (!template) throw new Error(`no notification template ${notice.kind}`);
    const text = Object.fromEntries(
      LOCALES.map((locale) => {
        const values = notice.values(locale);
        return [
          locale,
          {
            title: interpolate(template.title[locale], values).trim(),
            body: interpolate(template.body[locale], values).trim(),
          },
        ];
      }),
    ) as Record<Locale, { title: string; body: string }>;
    return {
      user_id: notice.recipientId,
      kind: notice.kind,
      title_ko: text.ko.title,
      title_en: text.en.title,
      body_ko: text.ko.body,
      body_en: text.en.body,
      subject_type: notice.subject.type,
      subject_id: notice.subject.id,
      // Queued for e-mail only while SMTP is configured; written with e-mail off, it stays in the app.
      email_state: (this.config.SMTP_URL ? 'queued' : 'none') satisfies EmailState,
    };
  }
}

function toDto(n: NotificationRow): NotificationDto {
  return {
    id: n.id,
    kind: n.kind,
    title: { ko: n.title_ko, en: n.title_en },
    body: { ko: n.body_ko, en: n.body_en },
    subject: { type: n.subject_type, id: n.subject_id },
    bookingId: n.subject_type === 'booking' ? n.subject_id : null,
    createdAt: n.created_at.toISOString(),
    readAt: n.read_at?.toISOString() ?? null,
  };
}
