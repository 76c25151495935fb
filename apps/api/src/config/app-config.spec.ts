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

  it('reads file size caps per purpose and export retention', () => {
    const config = loadConfig({ ...base, FILE_MAX_BYTES_PHOTO: '2048', EXPORT_RETENTION_HOURS: '48' });
    expect(config.FILE_MAX_BYTES_PHOTO).toBe(2048);
    expect(config.FILE_MAX_BYTES_APPLICATION_DOCUMENT).toBe(20 * 1024 * 1024);
    expect(config.EXPORT_RETENTION_HOURS).toBe(48);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['MADANG_DEMO', 'maybe'],
    ['DATABASE_URL', 'mysql://x'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['LOG_LEVEL', 'loud'],
    ['SMTP_URL', 'mail.example.kr'],
    ['MAIL_FROM', 'Madang'],
    ['MAIL_POLL_MS', '10'],
    ['PUBLIC_URL', 'madang.example.kr'],
    ['FILE_MAX_BYTES_PHOTO', '10'],
    ['FILE_MAX_BYTES_EXPORT', '2GB'],
    ['EXPORT_RETENTION_HOURS', '0'],
  ])('rejects %s=%s naming the variable', (key, value) => {
    expect(() => loadConfig({ ...base, [key]: value })).toThrow(ConfigValidationError);
    try {
      loadConfig({ ...base, [key]: value });
    } catch (error) {
      expect((error as ConfigValidationError).problems.join('\n')).toContain(key);
      expect((error as ConfigValidationError).problems.join('\n')).toContain(value);
    }
  });

  it('reads the calendar-feed key, and refuses a short one naming the variable but never echoing it', () => {
    const key = 'k'.repeat(40);
    expect(loadConfig({ ...base, FEED_TOKEN_SECRET: key }).FEED_TOKEN_SECRET).toBe(key);
    expect(loadConfig(base).FEED_TOKEN_SECRET).toBeUndefined();
    let problems = '';
    try {
      loadConfig({ ...base, FEED_TOKEN_SECRET: 'too-short-secret' });
    } catch (error) {
      problems = (error as ConfigValidationError).problems.join('\n');
    }
    expect(problems).toContain('FEED_TOKEN_SECRET');
    expect(problems).not.toContain('too-short-secret');
  });

  it('reads the e-mail settings', () => {
    const config = loadConfig({
      ...base,
      SMTP_URL: 'smtps://madang:s3cret@mail.example.kr:465',
      MAIL_FROM: '마당 <no-reply@example.kr>',
      PUBLIC_URL: 'https://madang.example.kr',
    });
    expect(config.SMTP_URL).toBe('smtps://madang:s3cret@mail.example.kr:465');
    expect(config.MAIL_FROM).toBe('마당 <no-reply@example.kr>');
    expect(loadConfig(base).SMTP_URL).toBeUndefined();
    expect(loadConfig(base).MAIL_POLL_MS).toBe(3000);
  });

  it('never echoes a password from a connection URL', () => {
    for (const [key, value] of [
      ['SMTP_URL', 'smtp://madang:s3cret@mail example'],
      ['DATABASE_URL', 'mysql://madang:s3cret@db'],
    ]) {
      const problems = (() => {
        try {
          loadConfig({ ...base, [key]: value });
          return [];
        } catch (error) {
          return (error as ConfigValidationError).problems;
        }
      })();
      expect(problems.join('\n')).toContain(key);
      expect(problems.join('\n')).toContain('madang:***@');
      expect(problems.join('\n')).not.toContain('s3cret');
    }
  });

  it('requires DATABASE_URL', () => {
    expect(() => loadConfig({})).toThrow(/DATABASE_URL is required/);
  });
});
