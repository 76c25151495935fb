import { type ElementRef, type Injector, afterNextRender } from '@angular/core';

/** After the next render, focuses the form-level error or the first invalid field inside `host`. */
export function focusFirstProblem(host: ElementRef<HTMLElement>, injector: Injector): void {
  afterNextRender(
    () => {
      const target = host.nativeElement.querySelector<HTMLElement>(
        '[data-testid="form-error"], input[aria-invalid="true"], textarea[aria-invalid="true"], mat-select[aria-invalid="true"]',
      );
      target?.focus();
    },
    { injector },
  );
}
