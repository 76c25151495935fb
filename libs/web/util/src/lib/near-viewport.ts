import {
  DestroyRef,
  type ElementRef,
  PLATFORM_ID,
  type Signal,
  type WritableSignal,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { isPlatformBrowser } from '@angular/common';

/**
 * A flag that turns true, once and for good, when `target` comes within `rootMargin` of the viewport
 * (default: within one screen below it). For heavy parts far down a page, drawn in the browser only
 * when someone scrolls towards them: the page's start-up work stays small on a phone. Always false
 * while the server renders. The flag is writable so a component can also set it for its own reasons
 * (the user asked for that part some other way). Call in an injection context.
 */
export function nearViewport(
  target: Signal<ElementRef<Element> | undefined>,
  rootMargin = '0px 0px 100% 0px',
): WritableSignal<boolean> {
  const near = signal(false);
  if (!isPlatformBrowser(inject(PLATFORM_ID))) return near;
  let observer: IntersectionObserver | null = null;
  const stop = () => {
    observer?.disconnect();
    observer = null;
  };
  inject(DestroyRef).onDestroy(stop);
  const watch = effect(() => {
    const element = target()?.nativeElement;
    if (!element || untracked(near)) return;
    stop();
    if (typeof IntersectionObserver === 'undefined') {
      near.set(true);
      return;
    }
    observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        stop();
        watch.destroy();
        near.set(true);
      },
      { rootMargin },
    );
    observer.observe(element);
  });
  return near;
}
