import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { JobsHealth } from '@madang/contracts';
import { registerMessages } from '@madang/web/i18n';
import { PLATFORM_MESSAGES } from '@madang/web/platform/util';
import { JobsComponent } from './jobs.component';

const health: JobsHealth = {
  checkedAt: '2026-12-01T03:00:00.000Z',
  workersEnabled: false,
  queues: [
    {
      name: 'booking-reminders',
      policy: 'standard',
      depth: { created: 0, retry: 0, active: 0 },
      lastRun: {
        jobId: 'j1',
        state: 'completed',
        startedAt: '2026-12-01T02:00:00.000Z',
        finishedAt: '2026-12-01T02:00:01.000Z',
      },
      failures: { last24h: 0, gaveUpLast24h: 0, lastError: null },
      schedule: { cron: '0 * * * *', timezone: 'Asia/Seoul', nextRunAt: '2026-12-01T04:00:00.000Z' },
      nextDueAt: null,
    },
    {
      name: 'mail',
      policy: 'short',
      depth: { created: 2, retry: 1, active: 0 },
      lastRun: {
        jobId: 'j2',
        state: 'failed',
        startedAt: '2026-12-01T02:50:00.000Z',
        finishedAt: '2026-12-01T02:50:02.000Z',
      },
      failures: {
        last24h: 3,
        gaveUpLast24h: 1,
        lastError: { jobId: 'j2', at: '2026-12-01T02:50:02.000Z', message: 'SMTP refused', willRetry: false },
      },
      schedule: null,
      nextDueAt: '2026-12-01T03:05:00.000Z',
    },
  ],
};

beforeAll(() => registerMessages(PLATFORM_MESSAGES));

describe('JobsComponent', () => {
  let fixture: ComponentFixture<JobsComponent>;
  let http: HttpTestingController;
  let root: HTMLElement;

  beforeEach(async () => {
    localStorage.setItem('madang.locale', 'en');
    TestBed.configureTestingModule({
      imports: [JobsComponent],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(JobsComponent);
    root = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  const text = (testId: string) => root.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim();

  it('shows each queue with its state, failures, last error, depth and next run', async () => {
    http.expectOne('/api/admin/jobs').flush(health);
    await fixture.whenStable();

    const table = root.querySelector('table') as HTMLTableElement;
    expect(table.querySelector('caption')?.textContent).toContain('Background job queues');
    expect(Array.from(table.querySelectorAll('thead th')).map((th) => th.getAttribute('scope'))).toEqual(
      Array(6).fill('col'),
    );
    expect(table.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(text('job-status-booking-reminders')).toBe('Healthy');
    expect(text('job-status-mail')).toBe('Failing');
    expect(text('job-error-mail')).toContain('SMTP refused');
    expect(text('job-error-mail')).toContain('no retries left');
    const mailRow = root.querySelector('[data-testid="job-row-mail"]')?.textContent ?? '';
    expect(mailRow).toContain('3 failed runs');
    expect(mailRow).toContain('1 gave up');
    expect(mailRow).toContain('2 queued · 1 to retry · 0 running');
    expect(mailRow).toContain('On demand');
    const remindersRow = root.querySelector('[data-testid="job-row-booking-reminders"]')?.textContent ?? '';
    expect(remindersRow).toContain('Schedule 0 * * * * (Asia/Seoul)');
    expect(text('workers-off')).toContain('JOBS_ENABLED');
  });

  it('says when the report cannot be read, and reads it again on request', async () => {
    http.expectOne('/api/admin/jobs').flush(null, { status: 0, statusText: 'Unknown Error' });
    await fixture.whenStable();
    expect(text('load-error')).toContain('could not be reached');
    (root.querySelector('[data-testid="jobs-refresh"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    http.expectOne('/api/admin/jobs').flush(health);
    await fixture.whenStable();
    expect(root.querySelectorAll('tbody tr')).toHaveLength(2);
  });
});
