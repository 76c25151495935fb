import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { I18nService, TranslatePipe } from '@madang/web/i18n';

@Component({
  selector: 'app-not-found',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, TranslatePipe],
  template: `
    <p class="status-code" aria-hidden="true">404</p>
    <h1 class="page-title" tabindex="-1" data-testid="not-found-title">
      {{ 'error.notFoundTitle' | t: lang() }}
    </h1>
    <p class="page-lead">{{ 'error.notFoundText' | t: lang() }}</p>
    <a mat-flat-button routerLink="/">{{ 'error.goHome' | t: lang() }}</a>
  `,
  styles: `
    .status-code {
      margin: 0;
      font: var(--mat-sys-display-medium);
      color: var(--mat-sys-primary);
    }
  `,
})
export class NotFoundComponent {
  protected readonly lang = inject(I18nService).locale;
}
