import type { Request } from 'express';
import { publicOriginOf } from './public-origin';

const req = (host: string | undefined, protocol = 'http') => ({ host, protocol }) as unknown as Request;

describe('publicOriginOf (absolute links in pages and the sitemap)', () => {
  it('prefers PUBLIC_URL, without a trailing slash', () => {
    expect(publicOriginOf(req('evil.example'), { PUBLIC_URL: 'https://madang.example.kr/' })).toBe(
      'https://madang.example.kr',
    );
  });

  it('else uses the host and protocol the request came with', () => {
    expect(publicOriginOf(req('localhost:3000'), {})).toBe('http://localhost:3000');
    expect(publicOriginOf(req('[::1]:8080', 'https'), {})).toBe('https://[::1]:8080');
  });

  it('never echoes a Host header that cannot be part of a URL', () => {
    expect(publicOriginOf(req('x"><script>'), {})).toBeNull();
    expect(publicOriginOf(req('a b'), {})).toBeNull();
    expect(publicOriginOf(req(undefined), {})).toBeNull();
  });
});
