import { Pipe, type PipeTransform } from '@angular/core';
import type { Locale } from '@madang/contracts';
import { centreTimeZone, dateTimeFormat } from '@madang/web/util';

const FORMATS: Readonly<Record<'date' | 'dateTime', Intl.DateTimeFormatOptions>> = {
  date: { dateStyle: 'medium' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
};

/** `{{ iso | dateTime: lang() : 'date' }}` — formatted with Intl in the page language, in the centre's time zone (`GET /api/config`). */
@Pipe({ name: 'dateTime' })
export class DateTimePipe implements PipeTransform {
  transform(
    value: string | null | undefined,
    locale: Locale,
    style: 'date' | 'dateTime' = 'dateTime',
  ): string {
    if (!value) return '';
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return value;
    return dateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', {
      ...FORMATS[style],
      timeZone: centreTimeZone(),
    }).format(date);
  }
}
