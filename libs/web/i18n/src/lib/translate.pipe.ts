import { Pipe, type PipeTransform, inject } from '@angular/core';
import type { Locale } from '@madang/contracts';
import { I18nService, type MessageParams } from './i18n.service';
import type { MessageKey } from './messages';

/**
 * `{{ 'nav.home' | t: lang() }}` or `{{ 'users.count' | t: lang() : { count: n } }}`.
 *
 * The pipe is pure, so Angular only re-runs it when an argument changes; passing the current
 * language (a signal read in the template) is what makes the text follow a language switch.
 */
@Pipe({ name: 't' })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(key: MessageKey, locale: Locale, params?: MessageParams): string {
    return this.i18n.translate(locale, key, params);
  }
}
