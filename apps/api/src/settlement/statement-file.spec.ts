import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { decodeStatementText, readStatementFile } from './statement-file';

describe('statement files', () => {
  const header = ['거래일시', '출금금액', '입금금액', '거래후잔액', '거래내용', '거래기록사항'];
  const row = ['2027/11/05 11:02:13', '180,000', '0', '9,820,000', '제주밥상', '회의비'];
  const csv = [header, row].map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\r\n');

  it.each([
    ['EUC-KR', iconv.encode(csv, 'euc-kr'), 'euc-kr'],
    ['UTF-8', Buffer.from(csv, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]), 'utf-8'],
  ])('reads a %s CSV', async (_name, buffer, encoding) => {
    const read = await readStatementFile(buffer);
    expect(read).toEqual({ format: 'csv', encoding, rows: [header, row] });
  });

  it('reads CP949 characters outside EUC-KR proper', () => {
    expect(decodeStatementText(iconv.encode('똠방각하', 'cp949')).text).toBe('똠방각하');
  });

  it('reads the first sheet of an XLSX, dates and numbers as text', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('거래내역');
    sheet.addRow(['농협은행 거래내역']);
    sheet.addRow(header);
    sheet.addRow([new Date(Date.UTC(2027, 10, 5)), 180000, 0, 9820000, '제주밥상', '회의비']);
    const read = await readStatementFile(Buffer.from(await book.xlsx.writeBuffer()));
    expect(read.format).toBe('xlsx');
    expect(read.rows).toEqual([
      ['농협은행 거래내역'],
      header,
      ['2027-11-05', '180000', '0', '9820000', '제주밥상', '회의비'],
    ]);
  });
});
