import { dateTimeFormat } from './intl-formats';

describe('dateTimeFormat', () => {
  it('builds a formatter once per locale and options, and formats as Intl does', () => {
    const options = { dateStyle: 'medium', timeZone: 'Asia/Seoul' } as const;
    const first = dateTimeFormat('ko-KR', options);
    expect(dateTimeFormat('ko-KR', { ...options })).toBe(first);
    expect(dateTimeFormat('en-GB', options)).not.toBe(first);
    expect(dateTimeFormat('ko-KR', { ...options, timeZone: 'UTC' })).not.toBe(first);
    const instant = new Date('2027-03-31T15:30:00Z');
    expect(first.format(instant)).toBe(new Intl.DateTimeFormat('ko-KR', options).format(instant));
    expect(dateTimeFormat('en-GB', { ...options, timeZone: 'UTC' }).format(instant)).toBe('31 Mar 2027');
    expect(dateTimeFormat('en-GB', options).format(instant)).toBe('1 Apr 2027');
  });

  it('refuses what Intl refuses, and keeps nothing for it', () => {
    expect(() => dateTimeFormat('en', { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => dateTimeFormat('en', { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});
