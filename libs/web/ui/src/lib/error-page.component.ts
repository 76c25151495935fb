import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { I18nService, type MessageKey, TranslatePipe } from '@madang/web/i18n';

export type ErrorPageStatus = 403 | 404;

const PAGES: Readonly<Record<ErrorPageStatus, { title: MessageKey; text: MessageKey; testId: string }>> = {
  403: { title: 'error.forbiddenTitle', text: 'error.forbiddenText', testId: 'forbidden-title' },
  404: { title: 'error.notFoundTitle', text: 'error.notFoundText', testId: 'not-found-title' },
};

/**
 * The 403 and 404 pages; the route says which: `{ component: ErrorPageComponent, data: { status: 403 } }`.
 * Loaded with the shell (the routes name it), so its link is the global `.action-link`, not Material's button.
 */
@Component({
  selector: 'app-error-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe],
  template: `
    <p class="status-code" aria-hidden="true">{{ status() }}</p>
    <h1 class="page-title" tabindex="-1" [attr.data-testid]="page().testId">
      {{ page().title | t: lang() }}
    </h1>
    <p class="page-lead">{{ page().text | t: lang() }}</p>
    <a class="action-link" routerLink="/">{{ 'error.goHome' | t: lang() }}</a>
  `,
  styles: `
    .status-code {
      margin: 0;
      font: var(--mat-sys-display-medium);
      color: var(--mat-sys-primary);
    }
  `,
})
export class ErrorPageComponent {
  /** Bound from the route's `data`. */
  readonly status = input<ErrorPageStatus>(404);
  protected readonly page = computed(() => PAGES[this.status()]);
  protected readonly lang = inject(I18nService).locale;
}
