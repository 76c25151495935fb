import { ElementRef, Injector, type Signal, inject, signal } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import type { Locale, ProblemDetails } from '@madang/contracts';
import { I18nService } from '@madang/web/i18n';
import { focusFirstProblem } from './focus';
import { type AppliedProblem, applyProblemToForm } from './form-errors';
import { toProblem } from './problem';

export interface FormSubmitterOptions {
  /** Puts a failure onto the form; `applyProblemToForm` unless a page needs its own mapping. */
  mapProblem?: (form: FormGroup, problem: ProblemDetails, locale: Locale) => AppliedProblem;
}

/**
 * The one way a form is sent: refuse (and focus the first problem) while it is invalid, run the
 * action with `submitting` set, and on failure put the server's field errors under their fields,
 * show what is left at form level (`error`) and focus it. Create it in a field initialiser with
 * `injectFormSubmitter(this.form)`; it uses the component's element to find what to focus.
 */
export class FormSubmitter {
  private readonly busy = signal(false);
  private readonly message = signal<string | null>(null);

  /** True while the action runs (disable the submit button). */
  readonly submitting: Signal<boolean> = this.busy.asReadonly();
  /** The form-level message of the last failure, or null. */
  readonly error: Signal<string | null> = this.message.asReadonly();

  constructor(
    private readonly form: FormGroup,
    private readonly host: ElementRef<HTMLElement>,
    private readonly injector: Injector,
    private readonly i18n: I18nService,
    private readonly options: FormSubmitterOptions = {},
  ) {}

  /** Resolves true when the form was valid and the action succeeded. Never rejects. */
  async submit(action: () => Promise<unknown>): Promise<boolean> {
    this.message.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focus();
      return false;
    }
    this.busy.set(true);
    try {
      await action();
      return true;
    } catch (error: unknown) {
      const map = this.options.mapProblem ?? applyProblemToForm;
      this.message.set(map(this.form, toProblem(error), this.i18n.locale()).formMessage);
      this.focus();
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  /** Shows a form-level message the form's own validators cannot express, and focuses it. */
  fail(message: string): void {
    this.message.set(message);
    this.focus();
  }

  /** Clears the form-level message (e.g. when the user changes what it was about). */
  clear(): void {
    this.message.set(null);
  }

  private focus(): void {
    focusFirstProblem(this.host, this.injector);
  }
}

/** A `FormSubmitter` for `form` in this component; call in an injection context. */
export function injectFormSubmitter(form: FormGroup, options?: FormSubmitterOptions): FormSubmitter {
  return new FormSubmitter(
    form,
    inject<ElementRef<HTMLElement>>(ElementRef),
    inject(Injector),
    inject(I18nService),
    options,
  );
}
