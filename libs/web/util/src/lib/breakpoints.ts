import { BreakpointObserver } from '@angular/cdk/layout';
import { REQUEST, inject, signal, type Signal } from '@angular/core';
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
  const request = inject(REQUEST, { optional: true });
  // On the server the observer would answer "no match" at once (there is no window): not asked there.
  if (request) return signal(isHandsetRequest(request.headers)).asReadonly();
  const breakpoints = inject(BreakpointObserver);
  return toSignal(breakpoints.observe(HANDSET).pipe(map((state) => state.matches)), {
    initialValue: breakpoints.isMatched(HANDSET),
  });
}

/**
 * A phone, by its client hint (`Sec-CH-UA-Mobile: ?1`, sent by Chromium browsers) or by its
 * User-Agent (either is enough: an emulated phone may send one without the other). Tablets count as
 * wide: most are over the handset width in landscape.
 */
export function isHandsetRequest(headers: Pick<Headers, 'get'>): boolean {
  if (headers.get('sec-ch-ua-mobile') === '?1') return true;
  return /\bMobi|\biPhone\b|\biPod\b|Android.*Mobile/i.test(headers.get('user-agent') ?? '');
}
