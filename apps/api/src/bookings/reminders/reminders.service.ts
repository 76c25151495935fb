import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { zoneNamed } from '@madang/booking-rules';
import type { ReminderPreferences } from '@madang/contracts';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import type { Actor } from '../../core/actor';
import { invalidField } from '../../core/domain-error';
import { AuditService } from '../../platform/audit/audit.service';
import { JobsService } from '../../platform/jobs/jobs.service';
import { NotificationsService } from '../../platform/notifications/notifications.service';
import type { BookingNotifyNotice } from '../waitlist/waitlist-notices';
import type { ReminderPreferencesDto } from './reminders.dto';
import { PreferenceRow, RemindersRepository } from './reminders.repository';

/** Every five minutes: reminders whose time has come (the window is the person's chosen hours). */
export const REMINDER_CRON = '*/5 * * * *';

const toDto = (p: PreferenceRow): ReminderPreferences => ({
  hoursBefore: p.reminder_hours,
  email: p.reminder_email,
  inApp: p.reminder_in_app,
});

/**
 * Reminders before a booking starts and before equipment is due back, per the person's preference
 * (stored with the user). A scheduled sweep claims due reminders and writes their notifications in
 * one transaction: a reminder row exists exactly when its notification does, and never twice.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger('Reminders');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reminders: RemindersRepository,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    jobs: JobsService,
  ) {
    jobs.define<Record<string, never>>({
      name: 'bookings.reminders',
      policy: 'stately',
      schedule: { cron: REMINDER_CRON, data: {} },
      handler: async () => {
        const sent = await this.sendDue();
        if (sent > 0) this.logger.log(`${sent} reminder(s) sent`);
      },
    });
  }

  async preferences(actor: Actor): Promise<ReminderPreferences> {
    return toDto(await this.reminders.preferences(actor.userId));
  }

  async setPreferences(actor: Actor, dto: ReminderPreferencesDto): Promise<ReminderPreferences> {
    if (dto.hoursBefore !== null && !dto.email && !dto.inApp) throw invalidField('inApp', 'invalid');
    return this.db.transaction(async (tx) => {
      const before = await this.reminders.preferences(actor.userId, tx);
      const after: PreferenceRow = {
        reminder_hours: dto.hoursBefore,
        reminder_email: dto.email,
        reminder_in_app: dto.inApp,
      };
      await this.reminders.setPreferences(tx, actor.userId, after);
      await this.audit.record(tx, actor, {
        action: 'user.reminders_updated',
        entityType: 'user',
        entityId: actor.userId,
        before: toDto(before),
        after: toDto(after),
      });
      return toDto(after);
    });
  }

  /** Sends every reminder due now, each exactly once; returns how many. */
  async sendDue(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const due = await this.reminders.claimDue(tx);
      if (!due.length) return 0;
      const zone = zoneNamed(this.config.MADANG_TIMEZONE);
      const local = (at: Date, format: string) => DateTime.fromJSDate(at, { zone }).toFormat(format);
      const rows = this.notifications.rows(
        due.map((r) => ({
          recipientId: r.user_id,
          kind: (r.kind === 'start'
            ? 'booking.reminder'
            : 'booking.return_due') satisfies BookingNotifyNotice,
          subject: { type: 'booking', id: r.booking_id },
          values: (locale) => ({
            assets: r.names.map((n) => n[locale]).join(', '),
            when: `${local(r.start_at, 'yyyy-MM-dd HH:mm')}–${local(r.end_at, 'HH:mm')}`,
            due: local(r.end_at, 'yyyy-MM-dd HH:mm'),
          }),
        })),
      );
      const channelled = rows.map((row, i) =>
        due[i].email ? row : { ...row, email_state: 'none' as const },
      );
      const emailOnly = due.flatMap((r, i) => (r.in_app ? [] : [i]));
      await this.reminders.insertNotifications(tx, channelled, emailOnly);
      return due.length;
    });
  }
}
