import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type { JobQueueHealth, JobRunSummary } from '@madang/contracts';
import { I18nService, type MessageKey, TranslatePipe } from '@madang/web/i18n';
import { JobsService } from '@madang/web/platform/data-access';
import {
  JOB_POLICY_KEYS,
  JOB_STATE_KEYS,
  QUEUE_STATUS_KEYS,
  type QueueStatus,
  queueStatus,
} from '@madang/web/platform/util';
import { DateTimePipe } from '@madang/web/ui';
import { failureText, injectHandset } from '@madang/web/util';

export interface QueueRow {
  queue: JobQueueHealth;
  status: QueueStatus;
}

/** Admins: the health of every background-job queue, one row (or card, on a phone) per queue. */
@Component({
  selector: 'app-jobs',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    MatButtonModule,
    MatProgressBarModule,
    MatTableModule,
    TranslatePipe,
    DateTimePipe,
  ],
  templateUrl: './jobs.component.html',
  styleUrl: './jobs.component.scss',
})
export class JobsComponent {
  private readonly jobs = inject(JobsService);
  protected readonly lang = inject(I18nService).locale;
  protected readonly handset = injectHandset();
  protected readonly columns = ['queue', 'status', 'lastRun', 'failures', 'depth', 'next'];

  protected readonly health = rxResource({ stream: () => this.jobs.health() });
  protected readonly report = computed(() => (this.health.hasValue() ? this.health.value() : null));
  protected readonly rows = computed<QueueRow[]>(() => {
    const report = this.report();
    if (!report) return [];
    return report.queues.map((queue) => ({
      queue,
      status: queueStatus(queue, report.checkedAt, report.workersEnabled),
    }));
  });
  protected readonly loadError = computed(() =>
    this.health.error() ? failureText(this.health.error(), this.lang()) : null,
  );

  protected policyKey(row: QueueRow): MessageKey {
    return JOB_POLICY_KEYS[row.queue.policy];
  }

  protected statusKey(row: QueueRow): MessageKey {
    return QUEUE_STATUS_KEYS[row.status];
  }

  protected stateKey(run: JobRunSummary): MessageKey {
    return JOB_STATE_KEYS[run.state];
  }
}
