import { formatScore, ScorePipe } from './score.pipe';

describe('formatScore', () => {
  it('shows at most two decimals, rounded', () => {
    expect(formatScore(66.6667, 'ko')).toBe('66.67');
    expect(formatScore(33.3333, 'en')).toBe('33.33');
    expect(formatScore(12.125, 'en')).toBe('12.13');
  });

  it('drops trailing zeros and keeps whole scores whole', () => {
    expect(formatScore(75, 'ko')).toBe('75');
    expect(formatScore(62.5, 'en')).toBe('62.5');
    expect(formatScore(0, 'en')).toBe('0');
  });

  it('groups thousands the way the language does', () => {
    expect(formatScore(1234.5678, 'en')).toBe('1,234.57');
    expect(formatScore(1234.5678, 'ko')).toBe('1,234.57');
  });

  it('shows a dash when there is no score', () => {
    expect(formatScore(null, 'ko')).toBe('–');
    expect(formatScore(undefined, 'en')).toBe('–');
    expect(formatScore(Number.NaN, 'en')).toBe('–');
  });

  it('is what the pipe shows', () => {
    expect(new ScorePipe().transform(66.6667, 'en')).toBe('66.67');
  });
});
