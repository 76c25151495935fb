import { chooseLocale } from './locale-choice';

describe('chooseLocale (the same rule on the server and in the browser)', () => {
  it.each([
    [{ search: '?lang=en', cookies: 'madang_locale=ko', stored: 'ko', acceptLanguage: 'ko' }, 'en'],
    [{ search: '?q=1&lang=ko', acceptLanguage: 'en-US' }, 'ko'],
    [{ search: '?lang=fr', cookies: 'a=1; madang_locale=en', acceptLanguage: 'ko' }, 'en'],
    [{ cookies: 'madang_locale=xx', stored: 'en', acceptLanguage: 'ko' }, 'en'],
    [{ stored: 'zz', acceptLanguage: 'en-US,en;q=0.9' }, 'en'],
    [{ acceptLanguage: 'fr, de' }, 'ko'],
    [{}, 'ko'],
  ])('%j → %s', (hints, expected) => {
    expect(chooseLocale(hints)).toBe(expected);
  });
});
