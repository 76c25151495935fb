import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { ObservationDeadline } from '@madang/contracts';
import { I18nService } from '@madang/web/i18n';
import { formatDuration, promiseStatus } from '@madang/web/living-labs/util';
import { DateTimePipe } from '@madang/web/ui';

/**
 * One response deadline as a badge: "due in 2 h 10 min", "late by 1 d 3 h", "answered on time".
 * Late uses the API's working-time count; "due in" counts wall-clock time to the deadline.
 */
@Component({
  selector: 'app-labs-promise-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DateTimePipe],
  template: `<span
    class="badge"
    [class]="tone()"
    data-testid="promise-badge"
    [attr.title]="deadline().dueAt | dateTime: lang()"
    >{{ text() }}</span
  >`,
  styles: `
    .badge {
      display: inline-block;
      padding: 0 8px;
      border-radius: 12px;
      font-size: 0.85rem;
      white-space: nowrap;
    }
    .ok {
      background: #e6f4ea;
      color: #1e5b2a;
    }
    .soon {
      background: #fff4e0;
      color: #6b4100;
    }
    .late {
      background: #fdecea;
      color: #8c1d18;
    }
  `,
})
export class PromiseBadgeComponent {
  readonly deadline = input.required<ObservationDeadline>();
  /** The moment the page looked (one per page, so every badge agrees). */
  readonly now = input<Date>(new Date());
  private readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;

  private readonly status = computed(() => {
    const d = this.deadline();
    return promiseStatus(d.dueAt, d.respondedAt, this.now());
  });
  /** Wall-clock minutes left (0 once the clock passed the deadline the API still counts as open). */
  private readonly left = computed(() => (this.status().kind === 'due' ? this.status().minutes : 0));
  protected readonly tone = computed(() => {
    const state = this.deadline().state;
    return state === 'late' || state === 'missed' ? 'late' : state === 'due-soon' ? 'soon' : 'ok';
  });
  protected readonly text = computed(() => {
    const d = this.deadline();
    const lang = this.lang();
    const status = this.status();
    switch (d.state) {
      case 'met':
        return this.i18n.t('labs.promise.answeredOnTime');
      case 'missed':
        return this.i18n.t('labs.promise.answeredLate', {
          time: formatDuration(d.overdueWorkingMinutes || status.minutes, lang),
        });
      case 'late':
        return this.i18n.t('labs.promise.late', {
          time: formatDuration(d.overdueWorkingMinutes || status.minutes, lang),
        });
      case 'due-soon':
        return this.i18n.t('labs.promise.dueSoon', { time: formatDuration(this.left(), lang) });
      case 'on-time':
        return this.i18n.t('labs.promise.due', { time: formatDuration(this.left(), lang) });
    }
  });
}
