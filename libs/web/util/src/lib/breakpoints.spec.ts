import { isHandsetRequest } from './breakpoints';

const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });

describe("isHandsetRequest (the server's guess at the first layout)", () => {
  it.each([
    [{ 'sec-ch-ua-mobile': '?1' }, true],
    [{ 'sec-ch-ua-mobile': '?0', 'user-agent': 'Mozilla/5.0 (Linux; Android 11) Mobile Safari' }, true],
    [
      { 'sec-ch-ua-mobile': '?0', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130 Safari/537.36' },
      false,
    ],
    [{ 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148' }, true],
    [{ 'user-agent': 'Mozilla/5.0 (Linux; Android 11; moto g power) Chrome/130 Mobile Safari/537.36' }, true],
    [{ 'user-agent': 'Mozilla/5.0 (Linux; Android 13; SM-X700) Chrome/130 Safari/537.36' }, false],
    [{ 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130 Safari/537.36' }, false],
    [{}, false],
  ])('%j → %s', (values, expected) => {
    expect(isHandsetRequest(headers(values))).toBe(expected);
  });
});
