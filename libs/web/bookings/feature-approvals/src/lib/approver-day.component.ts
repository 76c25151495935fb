import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { FullCalendarModule } from '@fullcalendar/angular';
import type { CalendarOptions, EventInput } from '@fullcalendar/core';
import type { BookingDto } from '@madang/contracts';
import { DateTime } from 'luxon';
import { BookingsService } from '@madang/web/bookings/data-access';
import { centreTimeZone, failureText } from '@madang/web/util';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import {
  DECISION_KEYS,
  formatRange,
  CALENDAR_LOCALES,
  bookingEvent,
  calendarLocale,
  luxonTimeZonePlugin,
} from '@madang/web/bookings/util';
import timeGridPlugin from '@fullcalendar/timegrid';

/** The approver's day: every booking of every asset on one local date. */
@Component({
  selector: 'app-approver-day',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    FullCalendarModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslatePipe,
  ],
  templateUrl: './approver-day.component.html',
  styleUrl: './approver-day.component.scss',
})
export class ApproverDayComponent {
  private readonly bookings = inject(BookingsService);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly decisionKeys = DECISION_KEYS;

  protected readonly date = signal(DateTime.now().setZone(centreTimeZone()).toISODate() ?? '');
  private readonly window = computed(() => {
    const day = DateTime.fromISO(this.date(), { zone: centreTimeZone() });
    if (!day.isValid) return undefined;
    return {
      from: day.startOf('day').toUTC().toISO() ?? '',
      to: day.plus({ days: 1 }).startOf('day').toUTC().toISO() ?? '',
    };
  });

  protected readonly list = rxResource({
    params: () => this.window(),
    stream: ({ params }) =>
      this.bookings.list({ scope: 'all', from: params.from, to: params.to, limit: 200 }),
  });
  protected readonly items = computed<BookingDto[]>(() =>
    this.list.hasValue() ? this.list.value().items : [],
  );
  protected readonly loadError = computed(() =>
    this.list.error() ? failureText(this.list.error(), this.lang()) : null,
  );

  protected readonly byAsset = computed(() => {
    const lang = this.lang();
    const groups = new Map<string, { name: string; bookings: BookingDto[] }>();
    for (const b of this.items()) {
      for (const item of b.items) {
        const entry = groups.get(item.assetId) ?? { name: item.assetName[lang], bookings: [] };
        entry.bookings.push(b);
        groups.set(item.assetId, entry);
      }
    }
    return [...groups.entries()]
      .map(([id, g]) => ({ id, ...g, bookings: g.bookings.sort((a, b) => a.start.localeCompare(b.start)) }))
      .sort((a, b) => a.name.localeCompare(b.name));
  });

  protected readonly calendarOptions = computed<CalendarOptions>(() => ({
    plugins: [timeGridPlugin, luxonTimeZonePlugin],
    initialView: 'timeGridDay',
    initialDate: this.date(),
    locales: CALENDAR_LOCALES,
    locale: calendarLocale(this.lang()),
    timeZone: centreTimeZone(),
    headerToolbar: false,
    allDaySlot: false,
    height: 'auto',
    slotMinTime: '07:00:00',
    slotMaxTime: '24:00:00',
    nowIndicator: true,
    eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
  }));

  protected readonly events = computed<EventInput[]>(() => {
    const lang = this.lang();
    return this.items().map((b) =>
      bookingEvent(
        b,
        `${b.items.map((i) => i.assetName[lang]).join(', ')} — ${b.requester.displayName} (${this.i18n.t(DECISION_KEYS[b.decision])})`,
      ),
    );
  });

  protected setDate(value: string): void {
    if (DateTime.fromISO(value).isValid) this.date.set(value);
  }

  protected shift(days: number): void {
    const next = DateTime.fromISO(this.date()).plus({ days }).toISODate();
    if (next) this.date.set(next);
  }

  protected today(): void {
    this.date.set(DateTime.now().setZone(centreTimeZone()).toISODate() ?? this.date());
  }

  protected when(b: BookingDto): string {
    return formatRange(b.start, b.end, this.lang());
  }
}
