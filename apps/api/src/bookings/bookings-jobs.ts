import { Injectable, Logger } from '@nestjs/common';
import { JobsService } from '../platform/jobs/jobs.service';
import { BookingsService } from './bookings.service';

/** Weekday mornings at 09:00 in the centre's time zone: approvers who chose a digest hear what waits. */
export const APPROVAL_DIGEST_CRON = '0 9 * * 1-5';

/**
 * The bookings domain's recurring jobs. The digest writes its notifications in one transaction, so a
 * failed run leaves nothing behind and its retry starts clean.
 */
@Injectable()
export class BookingsJobs {
  private readonly logger = new Logger('BookingsJobs');

  constructor(jobs: JobsService, bookings: BookingsService) {
    jobs.define<Record<string, never>>({
      name: 'bookings.approval_digest',
      policy: 'stately',
      schedule: { cron: APPROVAL_DIGEST_CRON, data: {} },
      handler: async () => {
        const told = await bookings.sendApprovalDigest();
        if (told > 0) this.logger.log(`approval digest sent to ${told} approver(s)`);
      },
    });
  }
}
