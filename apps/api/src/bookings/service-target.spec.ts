import { workingMinutesBetween } from './service-target';

const seoul = 'Asia/Seoul';
const at = (iso: string) => new Date(iso);

describe('workingMinutesBetween', () => {
  it.each([
    ['same working morning', '2026-11-23T10:00:00+09:00', '2026-11-23T11:30:00+09:00', 90],
    ['before opening counts from 09:00', '2026-11-23T07:00:00+09:00', '2026-11-23T10:00:00+09:00', 60],
    ['overnight counts only working hours', '2026-11-23T17:00:00+09:00', '2026-11-24T10:00:00+09:00', 120],
    ['a weekend counts nothing', '2026-11-28T10:00:00+09:00', '2026-11-29T20:00:00+09:00', 0],
    ['Friday afternoon to Monday morning', '2026-11-27T17:00:00+09:00', '2026-11-30T09:30:00+09:00', 90],
    ['a full working day is 540 minutes', '2026-11-23T09:00:00+09:00', '2026-11-23T18:00:00+09:00', 540],
    ['backwards is zero', '2026-11-24T10:00:00+09:00', '2026-11-23T10:00:00+09:00', 0],
  ])('%s', (_name, from, to, expected) => {
    expect(workingMinutesBetween(at(from), at(to), seoul)).toBe(expected);
  });
});
