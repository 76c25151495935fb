import { Pipe, type PipeTransform } from '@angular/core';
import type { Locale, LocalizedText } from '@madang/contracts';

/** `{{ ROLE_LABELS[role] | localized: lang() }}` — picks one language from a contracts text. */
@Pipe({ name: 'localized' })
export class LocalizedPipe implements PipeTransform {
  transform(text: LocalizedText, locale: Locale): string {
    return text[locale];
  }
}
