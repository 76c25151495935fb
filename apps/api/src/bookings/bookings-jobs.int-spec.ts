import type { JobsHealth } from '@madang/contracts';
import { startTestApp, TestApp } from '../test/test-app';
import { APPROVAL_DIGEST_CRON } from './bookings-jobs';

describe('recurring platform jobs of the domains', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: true });
  });
  afterAll(() => t.close());

  it('schedules the approval digest and the export purge in the centre time zone', async () => {
    const admin = await t.signIn('admin@madang.local');
    const res = await admin.get<JobsHealth>('/api/admin/jobs');
    expect(res.status).toBe(200);
    const byName = new Map(res.body.queues.map((q) => [q.name, q]));
    expect(byName.get('bookings.approval_digest')).toMatchObject({
      policy: 'stately',
      schedule: {
        cron: APPROVAL_DIGEST_CRON,
        timezone: t.config.MADANG_TIMEZONE,
        nextRunAt: expect.any(String),
      },
    });
    const next = new Date(byName.get('bookings.approval_digest')?.schedule?.nextRunAt ?? 0);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(byName.get('exports.purge')).toMatchObject({ schedule: { cron: '17 * * * *' } });
  });
});
