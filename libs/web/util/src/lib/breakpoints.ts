import { BreakpointObserver } from '@angular/cdk/layout';
import { REQUEST, inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';

/** Phones and narrow tablets: one column, drawer navigation, cards instead of tables. */
export const HANDSET = '(max-width: 839.98px)';

/**
 * Whether the window is handset-narrow now; call in an injection context (a field initialiser).
 * While the server renders there is no window: it goes by what the browser said about itself, so a
 * phone gets the phone layout in its first paint and hydration does not have to redraw the page.
 */
export function injectHandset(): Signal<boolean> {
  const breakpoints = inject(BreakpointObserver);
  const request = inject(REQUEST, { optional: true });
  return toSignal(breakpoints.observe(HANDSET).pipe(map((state) => state.matches)), {
    initialValue: request ? isHandsetRequest(request.headers) : breakpoints.isMatched(HANDSET),
  });
}

/**
 * A phone, by its client hint (`Sec-CH-UA-Mobile: ?1`, sent by Chromium browsers) or else by its
 * User-Agent. Tablets count as wide: most are over the handset width in landscape.
 */
export function isHandsetRequest(headers: Pick<Headers, 'get'>): boolean {
  const hint = headers.get('sec-ch-ua-mobile');
  if (hint === '?1') return true;
  if (hint === '?0') return false;
  return /\bMobi|\biPhone\b|\biPod\b|Android.*Mobile/i.test(headers.get('user-agent') ?? '');
}
