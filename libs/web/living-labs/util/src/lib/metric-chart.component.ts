import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { MetricDirection } from '@madang/contracts';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import type { ChartConfiguration } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';
import { metricChartData, progressTowardsTarget } from './metric-chart';

/** What the chart needs of a metric: the public and the team's view both have it. */
export interface ChartableMetric {
  name: string;
  unit: string;
  baseline: number;
  target: number;
  direction: MetricDirection;
  readings: readonly { measuredOn: string; value: number }[];
  actual: number | null;
  targetReached: boolean;
}

let nextId = 0;

/**
 * One metric as a line chart of its readings against flat baseline and target lines, with the
 * same figures in a table for screen readers and small screens. The route that shows it provides
 * Chart.js's line parts (`provideLabCharts()`).
 */
@Component({
  selector: 'app-lab-metric-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BaseChartDirective, TranslatePipe],
  template: `
    @let m = metric();
    <figure class="metric" [attr.data-testid]="'metric-' + m.name">
      <figcaption>
        <strong>{{ m.name }}</strong> ({{ m.unit }}) · {{ 'labs.metric.baseline' | t: lang() }}
        {{ m.baseline }} → {{ 'labs.metric.target' | t: lang() }} {{ m.target }}
        @if (m.actual !== null) {
          · {{ 'labs.metric.actual' | t: lang() }} <strong>{{ m.actual }}</strong>
        }
        <span class="badge" [class.reached]="m.targetReached" data-testid="metric-reached">
          {{ (m.targetReached ? 'labs.metric.reached' : 'labs.metric.notReached') | t: lang() }}
        </span>
        @if (progress() !== null) {
          <span class="muted">· {{ 'labs.metric.progress' | t: lang() : { percent: progress() ?? 0 } }}</span>
        }
      </figcaption>
      <div class="chart-box">
        <canvas
          baseChart
          type="line"
          role="img"
          [attr.aria-label]="'labs.metric.chart' | t: lang() : { name: m.name }"
          [attr.aria-describedby]="tableId"
          [data]="data()"
          [options]="options"
        ></canvas>
      </div>
      <table class="readings" [id]="tableId">
        <caption class="cdk-visually-hidden">
          {{
            'labs.metric.readings' | t: lang()
          }}
          ·
          {{
            m.name
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'labs.metric.date' | t: lang() }}</th>
            <th scope="col" class="num">{{ 'labs.metric.value' | t: lang() }} ({{ m.unit }})</th>
          </tr>
        </thead>
        <tbody>
          @for (r of m.readings; track $index) {
            <tr>
              <td>{{ r.measuredOn }}</td>
              <td class="num">{{ r.value }}</td>
            </tr>
          }
        </tbody>
      </table>
    </figure>
  `,
  styles: `
    .metric {
      margin: 0 0 24px;
    }
    figcaption {
      margin-bottom: 8px;
    }
    .chart-box {
      position: relative;
      height: 240px;
      max-width: 640px;
    }
    .badge {
      display: inline-block;
      margin-inline-start: 8px;
      padding: 0 8px;
      border-radius: 12px;
      background: #fdecea;
      color: #8c1d18;
      font-size: 0.85rem;
    }
    .badge.reached {
      background: #e6f4ea;
      color: #1e5b2a;
    }
    .muted {
      color: #555;
    }
    .readings {
      border-collapse: collapse;
      margin-top: 8px;
      font-size: 0.9rem;
    }
    .readings th,
    .readings td {
      padding: 2px 16px 2px 0;
      text-align: start;
    }
    .readings .num {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class LabMetricChartComponent {
  readonly metric = input.required<ChartableMetric>();
  protected readonly lang = inject(I18nService).locale;
  private readonly i18n = inject(I18nService);
  protected readonly tableId = `lab-metric-${nextId++}`;

  private readonly input = computed(() => {
    const m = this.metric();
    return {
      readings: m.readings.map((r) => ({ at: r.measuredOn, value: r.value })),
      baseline: m.baseline,
      target: m.target,
    };
  });
  protected readonly progress = computed(() => progressTowardsTarget(this.input()));
  protected readonly data = computed<ChartConfiguration<'line'>['data']>(() => {
    this.lang();
    return metricChartData(this.input(), {
      actual: this.i18n.t('labs.metric.actual'),
      baseline: this.i18n.t('labs.metric.baseline'),
      target: this.i18n.t('labs.metric.target'),
    });
  });
  protected readonly options: ChartConfiguration<'line'>['options'] = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { legend: { position: 'bottom' } },
  };
}
