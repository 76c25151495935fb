import { detectHeader, isInterestLine, parseStatementDate, readStatement } from './statement';

describe('bank statements', () => {
  const rows = [
    ['농협은행 거래내역조회'],
    ['계좌번호', '351-0000-0000-00'],
    ['거래일시', '출금금액', '입금금액', '거래후잔액', '거래내용', '거래기록사항'],
    ['2027/11/03 10:22:01', '50,000', '0', '9,950,000', '제주식당', '회의비'],
    ['2027.11.04', '', '120,000', '10,070,000', '홍길동', 'BK-7'],
    ['2027-11-30', '0', '1,234', '10,071,234', '결산이자', ''],
    ['합계', '50,000', '121,234', '', '', ''],
  ];

  it('finds the header and reads deposits and withdrawals as signed amounts', () => {
    const header = detectHeader(rows);
    expect(header).toEqual({
      headerIndex: 2,
      mapping: {
        date: '거래일시',
        deposit: '입금금액',
        withdrawal: '출금금액',
        counterparty: '거래내용',
        memo: '거래기록사항',
        balance: '거래후잔액',
      },
    });
    const { lines, problems } = readStatement(rows, 2, header!.mapping);
    expect(problems).toEqual([]);
    expect(lines.map((l) => [l.row, l.date, l.amount, l.balance, l.counterparty, l.memo])).toEqual([
      [4, '2027-11-03', -50000, 9950000, '제주식당', '회의비'],
      [5, '2027-11-04', 120000, 10070000, '홍길동', 'BK-7'],
      [6, '2027-11-30', 1234, 10071234, '결산이자', ''],
    ]);
    expect(lines.map(isInterestLine)).toEqual([false, false, true]);
  });

  it('reports rows it cannot read', () => {
    const { problems } = readStatement(
      [
        ['date', 'amount'],
        ['2027-13-01', '5'],
        ['2027-01-02', 'x'],
      ],
      0,
      { date: 'date', amount: 'amount' },
    );
    expect(problems).toEqual([
      { row: 2, column: 'date', reason: 'bad_date' },
      { row: 3, column: 'amount', reason: 'bad_amount' },
    ]);
  });

  it.each([
    ['2027-11-03', '2027-11-03'],
    ['2027.1.3', '2027-01-03'],
    ['20271103', '2027-11-03'],
    ['2027년 11월 3일', '2027-11-03'],
    ['2027-02-30', null],
    ['합계', null],
  ])('date %s → %s', (text, expected) => {
    expect(parseStatementDate(text)).toBe(expected);
  });
});
