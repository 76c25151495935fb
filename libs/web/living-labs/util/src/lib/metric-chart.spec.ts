import { metricChartData, progressTowardsTarget } from './metric-chart';

const labels = { actual: 'Actual', baseline: 'Baseline', target: 'Target' };

describe('metricChartData', () => {
  it('sorts readings by time and draws baseline and target flat across them', () => {
    const data = metricChartData(
      {
        readings: [
          { at: '2026-06-15T00:00:00Z', value: 31 },
          { at: '2026-06-01T00:00:00Z', value: 35 },
          { at: '2026-07-01T00:00:00Z', value: 28 },
        ],
        baseline: 36,
        target: 30,
      },
      labels,
    );
    expect(data.labels).toEqual(['2026-06-01', '2026-06-15', '2026-07-01']);
    expect(data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Actual', [35, 31, 28]],
      ['Baseline', [36, 36, 36]],
      ['Target', [30, 30, 30]],
    ]);
  });

  it('leaves out a baseline or target that is not known', () => {
    const data = metricChartData(
      { readings: [{ at: '2026-06-01', value: 1 }], baseline: null, target: 5 },
      labels,
    );
    expect(data.datasets.map((d) => d.label)).toEqual(['Actual', 'Target']);
  });
});

describe('progressTowardsTarget', () => {
  const readings = [
    { at: '2026-06-01', value: 35 },
    { at: '2026-07-01', value: 33 },
  ];

  it.each([
    ['halfway down from 36 to 30 is 50%', { readings, baseline: 36, target: 30 }, 50],
    ['the wrong way is negative', { readings, baseline: 34, target: 40 }, -17],
    ['no reading, no progress', { readings: [], baseline: 36, target: 30 }, null],
    ['no baseline, no progress', { readings, baseline: null, target: 30 }, null],
    ['baseline equals target, no progress', { readings, baseline: 30, target: 30 }, null],
  ] as const)('%s', (_name, input, expected) => {
    expect(progressTowardsTarget(input)).toBe(expected);
  });
});
