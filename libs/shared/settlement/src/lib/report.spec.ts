import { aggregateSettlement, ReportCell } from './report';

const cell = (over: Partial<ReportCell>): ReportCell => ({
  lineId: 'L1',
  lineName: '회의비',
  categoryCode: '200-06',
  categoryName: '회의비',
  parentCode: '200',
  parentName: '운영비',
  sourceId: 'N',
  sourceKind: 'national',
  sourceName: '국비',
  returnable: true,
  initial: 0,
  amended: 0,
  executed: 0,
  disallowed: 0,
  ...over,
});

describe('aggregateSettlement', () => {
  const cells = [
    cell({ sourceId: 'N', initial: 1000, amended: 1200, executed: 900, disallowed: 100 }),
    cell({
      sourceId: 'L',
      sourceKind: 'local',
      sourceName: '지방비',
      initial: 1000,
      amended: 800,
      executed: 700,
    }),
    cell({
      sourceId: 'O',
      sourceKind: 'own',
      sourceName: '자부담',
      returnable: false,
      initial: 500,
      amended: 500,
      executed: 600,
    }),
    cell({
      lineId: 'L2',
      lineName: '강사료',
      categoryCode: '200-05',
      categoryName: '강사료',
      sourceId: 'N',
      initial: 2000,
      amended: 2000,
      executed: 2000,
    }),
    cell({
      lineId: 'L3',
      lineName: '국내여비',
      categoryCode: '300-01',
      categoryName: '국내여비',
      parentCode: '300',
      parentName: '여비',
      sourceId: 'L',
      sourceKind: 'local',
      sourceName: '지방비',
      initial: 300,
      amended: 300,
      executed: 0,
    }),
  ];
  const report = aggregateSettlement(
    cells,
    new Map([
      ['N', 37],
      ['L', 13],
    ]),
  );

  it('sums by funding source with balance, interest and the amount to return', () => {
    expect(
      report.bySource.map((s) => [s.sourceId, s.amended, s.recognised, s.balance, s.interest, s.toReturn]),
    ).toEqual([
      ['N', 3200, 2800, 400, 37, 437],
      ['L', 1100, 700, 400, 13, 413],
      ['O', 500, 600, -100, 0, 0],
    ]);
  });

  it('sums by 비목 and 세목', () => {
    expect(
      report.byCategory.map((c) => [c.code, c.amended, c.executed, c.subcategories.map((s) => s.code)]),
    ).toEqual([
      ['200', 4500, 4200, ['200-05', '200-06']],
      ['300', 300, 0, ['300-01']],
    ]);
  });

  it('totals agree across every section', () => {
    const { total } = report;
    expect(total).toMatchObject({
      initial: 4800,
      amended: 4800,
      executed: 4200,
      disallowed: 100,
      recognised: 4100,
      balance: 700,
      interest: 50,
      toReturn: 850,
    });
    const s = (xs: { amended: number; recognised: number }[]) => [
      xs.reduce((a, x) => a + x.amended, 0),
      xs.reduce((a, x) => a + x.recognised, 0),
    ];
    expect(s(report.bySource)).toEqual([total.amended, total.recognised]);
    expect(s(report.byCategory)).toEqual([total.amended, total.recognised]);
    expect(s(report.byLine)).toEqual([total.amended, total.recognised]);
    expect(total.rateBp).toBe(8542);
  });
});
