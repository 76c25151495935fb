import { DOCUMENT } from '@angular/common';
import { InjectionToken, REQUEST_CONTEXT, inject } from '@angular/core';
import type { RenderContext } from '@madang/contracts';

/**
 * Where people reach Madang (`https://madang.example.kr`), for absolute links in a page (canonical,
 * hreflang, Open Graph). While the server renders, the API says (PUBLIC_URL, else the request's origin);
 * in the browser it is the page's own origin.
 */
export const PUBLIC_ORIGIN = new InjectionToken<string>('PUBLIC_ORIGIN', {
  providedIn: 'root',
  factory: () => {
    const context = inject(REQUEST_CONTEXT, { optional: true }) as RenderContext | null;
    return context?.origin ?? inject(DOCUMENT).location?.origin ?? '';
  },
});
