import { BreakpointObserver } from '@angular/cdk/layout';
import { inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';

/** Phones and narrow tablets: one column, drawer navigation, cards instead of tables. */
export const HANDSET = '(max-width: 839.98px)';

/** Whether the window is handset-narrow now; call in an injection context (a field initialiser). */
export function injectHandset(): Signal<boolean> {
  const breakpoints = inject(BreakpointObserver);
  return toSignal(breakpoints.observe(HANDSET).pipe(map((state) => state.matches)), {
    initialValue: breakpoints.isMatched(HANDSET),
  });
}
