import { countdownText } from './countdown';

describe('countdownText', () => {
  it.each([
    [0, '0:00'],
    [-5_000, '0:00'],
    [999, '0:00'],
    [59_000, '0:59'],
    [29 * 60_000 + 52_000, '29:52'],
    [3_600_000, '1:00:00'],
    [3_600_000 + 4 * 60_000 + 5_000, '1:04:05'],
  ])('%i ms left reads %s', (ms, text) => {
    expect(countdownText(ms)).toBe(text);
  });
});
