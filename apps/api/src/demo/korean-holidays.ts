import type { Closure } from '@madang/contracts';

/** Korean public holidays 2026–2027 (with substitute holidays and the 2026 local election day). */
const HOLIDAYS: [string, string, string, string][] = [
  ['2026-01-01', '2026-01-01', '신정', "New Year's Day"],
  ['2026-02-16', '2026-02-18', '설날 연휴', 'Seollal (Lunar New Year)'],
  ['2026-03-01', '2026-03-02', '삼일절 (대체공휴일 포함)', 'Independence Movement Day (with substitute)'],
  ['2026-05-05', '2026-05-05', '어린이날', "Children's Day"],
  ['2026-05-24', '2026-05-25', '부처님오신날 (대체공휴일 포함)', "Buddha's Birthday (with substitute)"],
  ['2026-06-03', '2026-06-03', '전국동시지방선거일', 'Local election day'],
  ['2026-06-06', '2026-06-06', '현충일', 'Memorial Day'],
  ['2026-08-15', '2026-08-17', '광복절 (대체공휴일 포함)', 'Liberation Day (with substitute)'],
  ['2026-09-24', '2026-09-26', '추석 연휴', 'Chuseok'],
  ['2026-09-28', '2026-09-28', '추석 대체공휴일', 'Chuseok substitute holiday'],
  ['2026-10-03', '2026-10-03', '개천절', 'National Foundation Day'],
  ['2026-10-05', '2026-10-05', '개천절 대체공휴일', 'National Foundation Day substitute holiday'],
  ['2026-10-09', '2026-10-09', '한글날', 'Hangeul Day'],
  ['2026-12-25', '2026-12-25', '성탄절', 'Christmas Day'],
  ['2027-01-01', '2027-01-01', '신정', "New Year's Day"],
  ['2027-02-06', '2027-02-09', '설날 연휴 (대체공휴일 포함)', 'Seollal (with substitute)'],
  ['2027-03-01', '2027-03-01', '삼일절', 'Independence Movement Day'],
  ['2027-05-05', '2027-05-05', '어린이날', "Children's Day"],
  ['2027-05-13', '2027-05-13', '부처님오신날', "Buddha's Birthday"],
  ['2027-06-06', '2027-06-06', '현충일', 'Memorial Day'],
  ['2027-08-15', '2027-08-16', '광복절 (대체공휴일 포함)', 'Liberation Day (with substitute)'],
  ['2027-09-14', '2027-09-16', '추석 연휴', 'Chuseok'],
  ['2027-10-03', '2027-10-04', '개천절 (대체공휴일 포함)', 'National Foundation Day (with substitute)'],
  ['2027-10-09', '2027-10-09', '한글날', 'Hangeul Day'],
  ['2027-10-11', '2027-10-11', '한글날 대체공휴일', 'Hangeul Day substitute holiday'],
  ['2027-12-25', '2027-12-25', '성탄절', 'Christmas Day'],
  ['2027-12-27', '2027-12-27', '성탄절 대체공휴일', 'Christmas substitute holiday'],
];

export const KOREAN_HOLIDAYS_2026_2027: Closure[] = HOLIDAYS.map(([from, to, ko, en]) => ({
  from,
  to,
  reason: { ko, en },
}));
