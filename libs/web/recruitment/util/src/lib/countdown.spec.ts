import {
  charCount,
  countdown,
  countdownText,
  formatInCentre,
  fromCentreInput,
  toCentreInput,
} from './countdown';
import { TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { FALLBACK_SITE_CONFIG, SiteConfigService } from '@madang/web/util';

let config: SiteConfigService;
beforeEach(() => {
  TestBed.configureTestingModule({ providers: [provideHttpClient()] });
  config = TestBed.inject(SiteConfigService);
});
afterEach(() => config.set(FALLBACK_SITE_CONFIG));

describe('countdown', () => {
  const deadline = '2027-03-31T18:00:00+09:00';

  it('splits what is left into days, hours, minutes and seconds', () => {
    const now = new Date('2027-03-29T15:58:57+09:00');
    expect(countdown(deadline, now)).toEqual({ passed: false, days: 2, hours: 2, minutes: 1, seconds: 3 });
  });

  it('has passed at the deadline itself and after it', () => {
    expect(countdown(deadline, new Date('2027-03-31T18:00:00+09:00')).passed).toBe(true);
    expect(countdown(deadline, new Date('2027-03-31T18:00:01+09:00')).passed).toBe(true);
    expect(countdown(deadline, new Date('2027-03-31T17:59:59+09:00'))).toEqual({
      passed: false,
      days: 0,
      hours: 0,
      minutes: 0,
      seconds: 1,
    });
  });

  it('reads an unparseable deadline as passed rather than open', () => {
    expect(countdown('not a date', new Date()).passed).toBe(true);
  });

  it('writes the units in the page language, leaving out leading zero units', () => {
    const left = countdown(deadline, new Date('2027-03-31T16:59:00+09:00'));
    expect(countdownText(left, 'ko')).toBe('1시간 1분 0초');
    expect(countdownText(left, 'en')).toBe('1h 1m 0s');
    expect(countdownText(countdown(deadline, new Date(deadline)), 'en')).toBe('0s');
  });
});

describe('formatInCentre', () => {
  it('shows the instant in the centre zone whatever the browser zone (default: the fallback, Seoul)', () => {
    const text = formatInCentre('2027-03-31T09:00:00Z', 'en');
    expect(text).toContain('31 March 2027');
    expect(text).toContain('18:00');
    // To the minute, with the zone named in words (not "18:00:00 GMT+9").
    expect(text).not.toContain('18:00:00');
    expect(text).toContain('Korean Standard Time');
    expect(formatInCentre('2027-03-31T09:00:00Z', 'ko')).toMatch(/^2027년 3월 31일 .*18:00/);
  });

  it('follows the zone the server configured, not a hard-coded one', () => {
    config.set({ ...FALLBACK_SITE_CONFIG, timeZone: 'America/New_York' });
    const text = formatInCentre('2027-03-31T09:00:00Z', 'en');
    expect(text).toContain('05:00');
    expect(text).not.toContain('18:00');
    expect(formatInCentre('2027-03-31T09:00:00Z', 'en', 'Europe/Berlin')).toContain('11:00');
  });
});

describe('charCount', () => {
  it('counts Hangul syllables and emoji as one character each', () => {
    expect(charCount('마당')).toBe(2);
    expect(charCount('a😀b')).toBe(3);
  });
});

describe('centre wall-clock inputs', () => {
  it('shows an instant on the Korean wall clock and reads it back to the same instant', () => {
    expect(toCentreInput('2027-03-31T09:00:00Z')).toBe('2027-03-31T18:00');
    const back = fromCentreInput('2027-03-31T18:00');
    expect(back).toBe('2027-03-31T18:00:00+09:00');
    expect(new Date(back as string).toISOString()).toBe('2027-03-31T09:00:00.000Z');
  });

  it("reads the wall clock in the configured zone, with that day's offset (summer time)", () => {
    config.set({ ...FALLBACK_SITE_CONFIG, timeZone: 'Europe/Berlin' });
    // 31 March 2027 is summer time in Berlin (+02:00), 1 January is winter time (+01:00).
    expect(toCentreInput('2027-03-31T09:00:00Z')).toBe('2027-03-31T11:00');
    expect(fromCentreInput('2027-03-31T11:00')).toBe('2027-03-31T11:00:00+02:00');
    expect(fromCentreInput('2027-01-01T11:00')).toBe('2027-01-01T11:00:00+01:00');
    expect(new Date(fromCentreInput('2027-01-01T11:00') as string).toISOString()).toBe(
      '2027-01-01T10:00:00.000Z',
    );
    expect(toCentreInput('2027-03-31T09:00:00Z', 'America/Los_Angeles')).toBe('2027-03-31T02:00');
    expect(fromCentreInput('2027-03-31T02:00', 'America/Los_Angeles')).toBe('2027-03-31T02:00:00-07:00');
  });

  it('refuses what is not a wall-clock time', () => {
    expect(fromCentreInput('')).toBeNull();
    expect(fromCentreInput('2027-03-31')).toBeNull();
    expect(toCentreInput('nope')).toBe('');
  });
});
