import { type ElementRef, type Injector, afterNextRender } from '@angular/core';

/** After the next render, focuses the form-level error or the first invalid field inside `host`. */
export function focusFirstProblem(host: ElementRef<HTMLElement>, injector: Injector): void {
  afterNextRender(
    () => {
      const target = host.nativeElement.querySelector<HTMLElement>(
        // Material leaves aria-invalid off empty required inputs, so look for the invalid field class.
        '[data-testid="form-error"], .mat-form-field-invalid input, .mat-form-field-invalid textarea, .mat-form-field-invalid mat-select',
      );
      target?.focus();
    },
    { injector },
  );
}
