import { type Injector, afterNextRender } from '@angular/core';

/**
 * Measures how long a page takes from "its data is here" to the first frame that shows it, as a
 * `performance.measure(name)` a browser test (or a person in DevTools) can read. Call it when the
 * data has arrived, before the view renders it.
 */
export function measureRender(name: string, injector: Injector): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  const start = `${name}:data`;
  performance.mark(start);
  afterNextRender(
    () => {
      const done = () => {
        performance.mark(`${name}:painted`);
        performance.measure(name, start, `${name}:painted`);
      };
      if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(done, 0));
      else done();
    },
    { injector },
  );
}

/**
 * Resolves in a new task, after the browser has had a turn (painting, input). Start-up work split at such
 * points runs as several short tasks instead of one long one, which a phone's user feels as a page that
 * does not freeze. `scheduler.yield()` where the browser has it (it resumes ahead of other queued tasks),
 * else a zero-delay timer.
 */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The attribute a page component's host carries (`host: { 'data-no-intl-at-start': '' }`) when its
 * server-rendered page hydrates without formatting anything with Intl: dates, numbers and collation wait
 * for the first interaction. The browser's first Intl object costs a phone 60–90 ms (ICU starts); main.ts
 * pays it in a task of its own before the app starts, except on pages that say they do not need it.
 */
export const NO_INTL_AT_START = 'data-no-intl-at-start';
