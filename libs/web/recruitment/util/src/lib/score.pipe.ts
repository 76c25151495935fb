import { Pipe, type PipeTransform } from '@angular/core';
import type { Locale } from '@madang/contracts';

const formats = new Map<Locale, Intl.NumberFormat>();

/**
 * A score as people read it: at most two decimals, in the language's digits and separators
 * (66.6667 → "66.67"); "–" when there is none. The API keeps four decimals, and the exports carry them.
 */
export function formatScore(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    formats.set(locale, format);
  }
  return format.format(value);
}

/** `{{ row.score | score: lang() }}`: see `formatScore`. */
@Pipe({ name: 'score' })
export class ScorePipe implements PipeTransform {
  transform(value: number | null | undefined, locale: Locale): string {
    return formatScore(value, locale);
  }
}
