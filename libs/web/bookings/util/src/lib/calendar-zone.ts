// FullCalendar's runtime pieces Madang adds: imported only by the components that draw a calendar.
import { type PluginDef, createPlugin } from '@fullcalendar/core';
import { NamedTimeZoneImpl } from '@fullcalendar/core/internal';
import enGbLocale from '@fullcalendar/core/locales/en-gb';
import koLocale from '@fullcalendar/core/locales/ko';
import { zoneNamed } from '@madang/booking-rules';
import { DateTime } from 'luxon';

/**
 * FullCalendar needs a plugin to show named time zones (rules.timeZone) correctly. This is the
 * official luxon3 plugin's algorithm, built on the luxon the rules engine already ships.
 */
class LuxonNamedTimeZone extends NamedTimeZoneImpl {
  offsetForArray(a: number[]): number {
    return DateTime.fromObject(
      { year: a[0], month: a[1] + 1, day: a[2], hour: a[3], minute: a[4], second: a[5], millisecond: a[6] },
      { zone: zoneNamed(this.timeZoneName) },
    ).offset;
  }

  timestampToArray(ms: number): number[] {
    const dt = DateTime.fromMillis(ms, { zone: zoneNamed(this.timeZoneName) });
    return [dt.year, dt.month - 1, dt.day, dt.hour, dt.minute, dt.second, dt.millisecond];
  }
}

export const luxonTimeZonePlugin: PluginDef = createPlugin({
  name: 'madang-luxon-time-zone',
  namedTimeZonedImpl: LuxonNamedTimeZone,
});

export const CALENDAR_LOCALES = [koLocale, enGbLocale];
