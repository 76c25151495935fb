import { Injectable, Logger } from '@nestjs/common';
import { JobsService } from '../platform/jobs/jobs.service';
import { IncomeService } from './income.service';

/** On the first of every month at 06:00 in the centre's time zone: the month's rent is posted. */
export const RENT_CRON = '0 6 1 * *';
export const RENT_JOB = 'settlement.post_due_rent';

/**
 * Settlement's recurring jobs. Rent posting is idempotent (each schedule's month is posted once,
 * under a lock), so a retried or doubled run posts nothing more; months in a closed period wait.
 */
@Injectable()
export class SettlementJobs {
  private readonly logger = new Logger('SettlementJobs');

  constructor(
    jobs: JobsService,
    private readonly income: IncomeService,
  ) {
    jobs.define<Record<string, never>>({
      name: RENT_JOB,
      policy: 'stately',
      schedule: { cron: RENT_CRON, data: {} },
      handler: async () => {
        await this.postDueRent();
      },
    });
  }

  /** The job's body (also what a test runs twice). */
  async postDueRent(asOf?: string): Promise<{ posted: number; skippedClosed: number }> {
    const result = await this.income.postDueRent(null, asOf);
    if (result.posted > 0 || result.skippedClosed > 0)
      this.logger.log(
        `rent: ${result.posted} month(s) posted, ${result.skippedClosed} waiting on a closed period`,
      );
    return result;
  }
}
