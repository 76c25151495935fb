import { Injectable, Logger } from '@nestjs/common';
import { JobsService } from '../platform/jobs/jobs.service';
import { AgreementsService } from './agreements.service';
import { CallsService } from './calls.service';

/** Every five minutes: calls whose phase dates have come move on (each move audited and announced). */
export const PHASES_CRON = '*/5 * * * *';
export const PHASES_JOB = 'recruitment.move_phases';
/** Every morning at 08:00 (centre time): obligation reminders. */
export const REMINDERS_CRON = '0 8 * * *';
export const REMINDERS_JOB = 'recruitment.obligation_reminders';

/** Recruitment's recurring jobs; both are idempotent (a phase moves once, a reminder is sent once). */
@Injectable()
export class RecruitmentJobs {
  private readonly logger = new Logger('RecruitmentJobs');

  constructor(
    jobs: JobsService,
    private readonly calls: CallsService,
    private readonly agreements: AgreementsService,
  ) {
    jobs.define<Record<string, never>>({
      name: PHASES_JOB,
      policy: 'stately',
      schedule: { cron: PHASES_CRON, data: {} },
      handler: async () => {
        await this.movePhases();
      },
    });
    jobs.define<Record<string, never>>({
      name: REMINDERS_JOB,
      policy: 'stately',
      schedule: { cron: REMINDERS_CRON, data: {} },
      handler: async () => {
        const sent = await this.agreements.remindDueObligations();
        if (sent > 0) this.logger.log(`obligations: ${sent} reminder(s) sent`);
      },
    });
  }

  /** The phase job's body (also what a test runs). */
  async movePhases(now?: Date): Promise<number> {
    const moved = await this.calls.moveDuePhases(now);
    if (moved > 0) this.logger.log(`calls: ${moved} phase move(s)`);
    return moved;
  }
}
