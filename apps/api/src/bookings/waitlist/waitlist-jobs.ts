import { Injectable } from '@nestjs/common';
import { JobsService } from '../../platform/jobs/jobs.service';
import { WaitlistService } from './waitlist.service';

/** Every minute: offers past their time expire and pass on (an offer lasts at least 5 minutes). */
export const WAITLIST_EXPIRY_CRON = '* * * * *';

@Injectable()
export class WaitlistJobs {
  constructor(jobs: JobsService, waitlist: WaitlistService) {
    jobs.define<Record<string, never>>({
      name: 'bookings.waitlist_expiry',
      policy: 'stately',
      schedule: { cron: WAITLIST_EXPIRY_CRON, data: {} },
      handler: async () => {
        await waitlist.expireDue();
      },
    });
  }
}
