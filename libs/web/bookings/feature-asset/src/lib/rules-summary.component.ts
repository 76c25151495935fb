import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { formatDuration, formatKrw } from '@madang/booking-rules';
import { interpolate, type IsoWeekday, type RentalRules } from '@madang/contracts';
import { I18nService, type MessageKey, dictionary } from '@madang/web/i18n';

const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/** The rules of one asset in plain sentences: hours, durations, notice, cancellation, price. */
@Component({
  selector: 'app-rules-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dl class="rules-list" data-testid="rules-summary">
      <dt>{{ m()['asset.openingHours'] }}</dt>
      <dd>
        <ul class="hours">
          @for (row of hours(); track row.day) {
            <li>
              <span class="day">{{ row.day }}</span> <span>{{ row.text }}</span>
            </li>
          }
        </ul>
      </dd>
      <dt>{{ m()['asset.duration'] }}</dt>
      <dd>
        {{ duration() }}<br />
        <span class="muted">{{ step() }}</span>
      </dd>
      <dt>{{ m()['asset.window'] }}</dt>
      <dd>{{ notice() }}</dd>
      @if (buffers(); as text) {
        <dd class="muted">{{ text }}</dd>
      }
      <dt>{{ m()['asset.cancellation'] }}</dt>
      <dd>{{ cancellation() }}</dd>
      <dt>{{ m()['asset.price'] }}</dt>
      <dd data-testid="rules-price">{{ price() }}</dd>
    </dl>
  `,
  styles: `
    .rules-list {
      margin: 0;
      display: grid;
      grid-template-columns: minmax(7rem, max-content) 1fr;
      gap: 8px 16px;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
      grid-column: 2;
    }
    dt + dd {
      grid-column: 2;
    }
    .hours {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .day {
      display: inline-block;
      min-width: 5.5rem;
    }
    @media (max-width: 520px) {
      .rules-list {
        grid-template-columns: 1fr;
      }
      dd,
      dt + dd {
        grid-column: 1;
      }
    }
  `,
})
export class RulesSummaryComponent {
  private readonly i18n = inject(I18nService);
  readonly rules = input.required<RentalRules>();
  protected readonly m = computed(() => dictionary(this.i18n.locale()));

  protected readonly hours = computed(() => {
    const rules = this.rules();
    const m = this.m();
    return WEEKDAYS.map((weekday) => {
      const spans = rules.openingHours
        .filter((h) => h.weekday === weekday)
        .sort((a, b) => a.open.localeCompare(b.open))
        .map((h) => `${h.open}–${h.close}`);
      return {
        day: m[`rules.weekday${weekday}` as MessageKey],
        text: spans.length ? spans.join(', ') : m['asset.closed'],
      };
    });
  });

  protected readonly duration = computed(() => {
    const r = this.rules();
    const lang = this.i18n.locale();
    return interpolate(this.m()['asset.durationRange'], {
      min: formatDuration(r.minDurationMinutes, lang),
      max: formatDuration(r.maxDurationMinutes, lang),
    });
  });

  protected readonly step = computed(() =>
    interpolate(this.m()['asset.slotStep'], {
      step: formatDuration(this.rules().slotStepMinutes, this.i18n.locale()),
    }),
  );

  protected readonly notice = computed(() => {
    const r = this.rules();
    return interpolate(this.m()['asset.notice'], {
      notice: formatDuration(r.minNoticeMinutes, this.i18n.locale()),
      days: r.maxAdvanceDays,
    });
  });

  protected readonly buffers = computed(() => {
    const r = this.rules();
    if (!r.bufferBeforeMinutes && !r.bufferAfterMinutes) return null;
    const lang = this.i18n.locale();
    return interpolate(this.m()['asset.buffers'], {
      before: formatDuration(r.bufferBeforeMinutes, lang),
      after: formatDuration(r.bufferAfterMinutes, lang),
    });
  });

  protected readonly cancellation = computed(() => {
    const c = this.rules().cancellation;
    const key = c.feePercent > 0 ? 'asset.cancellationFee' : 'asset.cancellationFree';
    return interpolate(this.m()[key], { hours: c.freeUntilHoursBefore, percent: c.feePercent });
  });

  protected readonly price = computed(() => {
    const p = this.rules().pricing;
    const lang = this.i18n.locale();
    const m = this.m();
    const parts = [
      p.rate === 0
        ? m['catalogue.free']
        : interpolate(m[p.unit === 'day' ? 'catalogue.perDay' : 'catalogue.perHour'], {
            price: formatKrw(p.rate, lang),
          }),
    ];
    if (p.deposit > 0) parts.push(interpolate(m['catalogue.deposit'], { price: formatKrw(p.deposit, lang) }));
    for (const w of p.waivers) parts.push(`${w.label[lang]} (−${w.percent}%)`);
    return parts.join(' · ');
  });
}
