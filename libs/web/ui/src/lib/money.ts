import { ChangeDetectionStrategy, Component, Pipe, type PipeTransform, inject, input } from '@angular/core';
import { formatWonLenient } from '@madang/money';
import type { Locale } from '@madang/contracts';
import { I18nService } from '@madang/web/i18n';

/**
 * `{{ amount | krw: lang() }}` — an amount of integer won as the page language writes it
 * (`12,000원` / `₩12,000`). For amounts inside a sentence; a standalone amount is `<app-money>`.
 */
@Pipe({ name: 'krw' })
export class KrwPipe implements PipeTransform {
  transform(amount: number | null | undefined, locale: Locale): string {
    return amount === null || amount === undefined ? '' : formatWonLenient(amount, locale);
  }
}

/** `<app-money [amount]="booking.quote.total" />` — an amount of integer won in the page language. */
@Component({
  selector: 'app-money',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [KrwPipe],
  template: `<span class="money">{{ amount() | krw: lang() }}</span>`,
  styles: `
    .money {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
  `,
})
export class MoneyComponent {
  readonly amount = input.required<number>();
  protected readonly lang = inject(I18nService).locale;
}
