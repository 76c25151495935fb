import { ChangeDetectionStrategy, Component, computed, input, viewChild } from '@angular/core';
import { FullCalendarComponent, FullCalendarModule } from '@fullcalendar/angular';
import type { CalendarOptions, EventInput } from '@fullcalendar/core';
import interactionPlugin from '@fullcalendar/interaction';
import timeGridPlugin from '@fullcalendar/timegrid';
import { CALENDAR_LOCALES, luxonTimeZonePlugin } from '@madang/web/bookings/util';

/**
 * The asset page's week calendar. FullCalendar and its plugins are imported here and nowhere else on the
 * page, so they load with this component, which the page draws only when the calendar scrolls into view
 * (`@defer (on viewport)`): a phone opening the page does not download or run them.
 */
@Component({
  selector: 'app-asset-calendar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FullCalendarModule],
  template: `<full-calendar [options]="calendarOptions()" [events]="events()" />`,
})
export class AssetCalendarComponent {
  /** Everything but the plugins and locales, which come from here. */
  readonly options = input.required<CalendarOptions>();
  readonly events = input.required<EventInput[]>();

  protected readonly calendarOptions = computed<CalendarOptions>(() => ({
    ...this.options(),
    plugins: [timeGridPlugin, interactionPlugin, luxonTimeZonePlugin],
    locales: CALENDAR_LOCALES,
  }));
  private readonly calendar = viewChild(FullCalendarComponent);

  /** Shows the days around `date` (an ISO date-time). */
  goTo(date: string): void {
    this.calendar()?.getApi().gotoDate(date);
  }
}
