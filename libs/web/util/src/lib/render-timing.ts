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
