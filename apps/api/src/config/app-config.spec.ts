import { ConfigValidationError, loadConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://u:p@localhost:5432/madang' };

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig(base);
    expect(config.PORT).toBe(3000);
    expect(config.MADANG_TIMEZONE).toBe('Asia/Seoul');
    expect(config.MADANG_DEMO).toBe(false);
    expect(config.SESSION_IDLE_MINUTES).toBe(120);
  });

  it('parses numbers and booleans', () => {
    const config = loadConfig({ ...base, PORT: '8080', MADANG_DEMO: 'true', COOKIE_SECURE: '1' });
    expect(config.PORT).toBe(8080);
    expect(config.MADANG_DEMO).toBe(true);
    expect(config.COOKIE_SECURE).toBe(true);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['MADANG_DEMO', 'maybe'],
    ['DATABASE_URL', 'mysql://x'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['LOG_LEVEL', 'loud'],
  ])('rejects %s=%s naming the variable', (key, value) => {
    expect(() => loadConfig({ ...base, [key]: value })).toThrow(ConfigValidationError);
    try {
      loadConfig({ ...base, [key]: value });
    } catch (error) {
      expect((error as ConfigValidationError).problems.join('\n')).toContain(key);
      expect((error as ConfigValidationError).problems.join('\n')).toContain(value);
    }
  });

  it('requires DATABASE_URL', () => {
    expect(() => loadConfig({})).toThrow(/DATABASE_URL is required/);
  });
});
