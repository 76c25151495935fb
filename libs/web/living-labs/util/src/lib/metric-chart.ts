import type { ChartConfiguration } from 'chart.js';

/** One reading of a metric: when it was taken and its value. */
export interface MetricPoint {
  at: string;
  value: number;
}

export interface MetricChartInput {
  readings: readonly MetricPoint[];
  baseline: number | null;
  target: number | null;
}

export interface MetricChartLabels {
  actual: string;
  baseline: string;
  target: string;
}

/** The app's chart palette: actual readings in the primary colour, baseline grey, target green. */
export const METRIC_COLOURS = { actual: '#1565c0', baseline: '#616161', target: '#2e7d32' } as const;

/**
 * A line chart's data for one metric: the readings in time order, with the baseline and the
 * target drawn as flat dashed lines across every reading (omitted when unknown). Readings on the
 * same date keep their order; labels are the dates (`YYYY-MM-DD`).
 */
export function metricChartData(
  input: MetricChartInput,
  labels: MetricChartLabels,
): ChartConfiguration<'line'>['data'] {
  const readings = [...input.readings].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const flat = (value: number) => readings.map(() => value);
  const datasets: ChartConfiguration<'line'>['data']['datasets'] = [
    {
      label: labels.actual,
      data: readings.map((r) => r.value),
      borderColor: METRIC_COLOURS.actual,
      backgroundColor: METRIC_COLOURS.actual,
      pointRadius: 4,
      tension: 0,
    },
  ];
  if (input.baseline !== null)
    datasets.push({
      label: labels.baseline,
      data: flat(input.baseline),
      borderColor: METRIC_COLOURS.baseline,
      backgroundColor: METRIC_COLOURS.baseline,
      borderDash: [6, 4],
      pointRadius: 0,
    });
  if (input.target !== null)
    datasets.push({
      label: labels.target,
      data: flat(input.target),
      borderColor: METRIC_COLOURS.target,
      backgroundColor: METRIC_COLOURS.target,
      borderDash: [2, 3],
      pointRadius: 0,
    });
  return { labels: readings.map((r) => r.at.slice(0, 10)), datasets };
}

/**
 * How far the latest reading has come from the baseline towards the target, in whole percent
 * (0 at the baseline, 100 at the target, beyond 100 when it overshoots, negative when it moved
 * the wrong way); null when there is no reading or baseline and target are unknown or equal.
 */
export function progressTowardsTarget(input: MetricChartInput): number | null {
  if (input.baseline === null || input.target === null || input.baseline === input.target) return null;
  const readings = [...input.readings].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const last = readings.at(-1);
  if (!last) return null;
  return Math.round(((last.value - input.baseline) / (input.target - input.baseline)) * 100);
}
