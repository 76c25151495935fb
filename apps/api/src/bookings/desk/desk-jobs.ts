import { Injectable, Logger } from '@nestjs/common';
import { JobsService } from '../../platform/jobs/jobs.service';
import { CheckInService } from './check-in.service';
import { CustodyService } from './custody.service';

/** Every minute: bookings past their no-show deadline are released. */
export const NO_SHOW_CRON = '* * * * *';
/** Every quarter hour: borrowers of overdue equipment are reminded (once a day per item). */
export const OVERDUE_CRON = '*/15 * * * *';

/** The desk's recurring jobs; both are idempotent (a re-run finds nothing left to do). */
@Injectable()
export class DeskJobs {
  private readonly logger = new Logger('DeskJobs');

  constructor(jobs: JobsService, checkIns: CheckInService, custody: CustodyService) {
    jobs.define<Record<string, never>>({
      name: 'bookings.no_show',
      policy: 'stately',
      schedule: { cron: NO_SHOW_CRON, data: {} },
      handler: async () => {
        const marked = await checkIns.markNoShows();
        if (marked > 0) this.logger.log(`${marked} booking(s) marked no-show and released`);
      },
    });
    jobs.define<Record<string, never>>({
      name: 'bookings.custody_overdue',
      policy: 'stately',
      schedule: { cron: OVERDUE_CRON, data: {} },
      handler: async () => {
        const told = await custody.remindOverdue();
        if (told > 0) this.logger.log(`${told} overdue borrower(s) reminded`);
      },
    });
  }
}
