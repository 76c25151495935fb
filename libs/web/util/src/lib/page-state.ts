import { type WritableSignal, computed, signal } from '@angular/core';

/** Page sizes a list offers unless it says otherwise. */
export const DEFAULT_PAGE_SIZES: readonly number[] = [10, 25, 50];

/**
 * Which page of a server-paged list is shown, as signals: feed `query()` (`limit`, `offset`) to
 * the list call and hand the state to `<app-paginator>`, which moves it.
 */
export class PageState {
  readonly index = signal(0);
  readonly size: WritableSignal<number>;
  readonly query = computed(() => ({ limit: this.size(), offset: this.index() * this.size() }));

  constructor(readonly sizes: readonly number[] = DEFAULT_PAGE_SIZES) {
    this.size = signal(sizes[0]);
  }

  /** Back to the first page (after the filters change). */
  first(): void {
    this.index.set(0);
  }

  show(index: number, size: number): void {
    this.size.set(size);
    this.index.set(index);
  }
}
