import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  computed,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { FullCalendarModule } from '@fullcalendar/angular';
import type { CalendarOptions, DatesSetArg, EventInput } from '@fullcalendar/core';
import type { BookingDto } from '@madang/contracts';
import { firstValueFrom } from 'rxjs';
import { centreTimeZone, failureText, injectHandset, measureRender, PageState } from '@madang/web/util';
import { I18nService, type MessageKey, TranslatePipe } from '@madang/web/i18n';
import {
  DECISION_KEYS,
  PAYMENT_KEYS,
  formatInstant,
  formatRange,
  CALENDAR_LOCALES,
  bookingEvent,
  calendarLocale,
  capPerDay,
  luxonTimeZonePlugin,
} from '@madang/web/bookings/util';
import {
  type ReasonDialogData,
  ReasonDialogComponent,
  type ReasonDialogResult,
  PaginatorComponent,
  MoneyComponent,
} from '@madang/web/ui';
import { BookingsService } from '@madang/web/bookings/data-access';
import { formatKrw } from '@madang/booking-rules';
import dayGridPlugin from '@fullcalendar/daygrid';
import { CalendarFeedCardComponent } from './calendar-feed-card.component';
import { WaitlistPanelComponent } from './waitlist-panel.component';

/** Bookings drawn per day in the month view; the rest are counted. */
const MAX_PER_DAY = 4;

@Component({
  selector: 'app-my-bookings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    RouterLink,
    FullCalendarModule,
    MatTableModule,
    MatButtonModule,
    MatButtonToggleModule,
    PaginatorComponent,
    MoneyComponent,
    MatProgressBarModule,
    TranslatePipe,
    WaitlistPanelComponent,
    CalendarFeedCardComponent,
  ],
  templateUrl: './my-bookings.component.html',
  styleUrl: './my-bookings.component.scss',
})
export class MyBookingsComponent {
  private readonly bookings = inject(BookingsService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly columns = ['what', 'when', 'decision', 'payment', 'total', 'actions'];

  protected readonly handset = injectHandset();
  protected readonly view = signal<'list' | 'calendar'>('list');
  protected readonly paging = new PageState();
  private readonly waitlist = viewChild(WaitlistPanelComponent);
  private readonly updated = signal<ReadonlyMap<string, BookingDto>>(new Map());

  protected readonly page = rxResource({
    params: () => ({ ...this.paging.query() }),
    stream: ({ params }) => this.bookings.list({ scope: 'mine', ...params }),
  });
  protected readonly rows = computed(() => {
    const items = this.page.hasValue() ? this.page.value().items : [];
    const updated = this.updated();
    return items.map((b) => updated.get(b.id) ?? b);
  });
  protected readonly total = computed(() => (this.page.hasValue() ? this.page.value().total : 0));
  protected readonly loadError = computed(() =>
    this.page.error() ? failureText(this.page.error(), this.lang()) : null,
  );

  private readonly monthRange = signal<{ from: string; to: string } | null>(null);
  protected readonly month = rxResource({
    params: () => (this.view() === 'calendar' ? (this.monthRange() ?? undefined) : undefined),
    // A month can hold thousands of bookings (a team's recurring series): all of them, paged in parallel.
    stream: ({ params }) => this.bookings.listAll({ scope: 'mine', from: params.from, to: params.to }),
  });

  protected readonly calendarOptions = computed<CalendarOptions>(() => ({
    plugins: [dayGridPlugin, luxonTimeZonePlugin],
    initialView: 'dayGridMonth',
    locales: CALENDAR_LOCALES,
    locale: calendarLocale(this.lang()),
    timeZone: centreTimeZone(),
    firstDay: 1,
    height: 'auto',
    displayEventEnd: true,
    eventDisplay: 'block',
    eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
    headerToolbar: { left: 'prev,next today', center: 'title', right: '' },
    buttonIcons: false,
    buttonText: {
      prev: this.i18n.t('calendar.prev'),
      next: this.i18n.t('calendar.next'),
      today: this.i18n.t('calendar.today'),
    },
    datesSet: (info: DatesSetArg) => {
      const current = this.monthRange();
      if (current?.from === info.startStr && current.to === info.endStr) return;
      queueMicrotask(() => this.monthRange.set({ from: info.startStr, to: info.endStr }));
    },
  }));
  protected readonly calendarEvents = computed<EventInput[]>(() => {
    const items = this.month.hasValue() ? this.month.value() : [];
    const lang = this.lang();
    // A busy day shows its first bookings and a "+n" marker: the calendar lays out a handful per
    // day however many there are (a month of 2,000 still renders at once); the list view has all.
    const { shown, more } = capPerDay(items, centreTimeZone(), MAX_PER_DAY);
    const events = shown.map((b) =>
      bookingEvent(
        b,
        `${b.items.map((i) => i.assetName[lang]).join(', ')} (${this.i18n.t(DECISION_KEYS[b.decision])})`,
      ),
    );
    for (const day of more)
      events.push({
        id: `more-${day.date}`,
        start: day.date,
        allDay: true,
        title: this.i18n.t('bookings.moreOnDay', { count: day.count }),
        classNames: ['more-on-day'],
        display: 'block',
        backgroundColor: '#e6e1e5',
        borderColor: '#79747e',
        textColor: '#1d1b20',
      });
    return events;
  });

  constructor() {
    // Time from a month's data to its first painted frame: read by the browser performance test.
    const injector = inject(Injector);
    effect(() => {
      if (!this.month.hasValue()) return;
      this.month.value();
      untracked(() => measureRender('my-bookings-month', injector));
    });
  }

  protected decisionKey(booking: BookingDto): MessageKey {
    return DECISION_KEYS[booking.decision];
  }

  protected paymentKey(booking: BookingDto): MessageKey {
    return PAYMENT_KEYS[booking.payment.status];
  }

  protected assetNames(booking: BookingDto): string {
    const lang = this.lang();
    return booking.items
      .map((i) => (i.quantity > 1 ? `${i.assetName[lang]} × ${i.quantity}` : i.assetName[lang]))
      .join(', ');
  }

  protected when(booking: BookingDto): string {
    return formatRange(booking.start, booking.end, this.lang());
  }

  protected canCancel(booking: BookingDto): boolean {
    return (
      (booking.decision === 'pending' || booking.decision === 'approved') &&
      new Date(booking.start) > new Date()
    );
  }

  protected async cancel(booking: BookingDto): Promise<void> {
    let message = '';
    let started = false;
    try {
      const terms = await firstValueFrom(this.bookings.cancellationTerms(booking.id));
      if (!terms.allowed) {
        started = true;
        message = this.i18n.t('bookings.cancelStarted');
      } else if (terms.fee > 0) {
        message = this.i18n.t('bookings.cancelFee', { fee: formatKrw(terms.fee, this.lang()) });
      } else if (terms.freeUntil) {
        message = this.i18n.t('bookings.cancelFreeUntil', {
          until: formatInstant(terms.freeUntil, this.lang()),
        });
      } else {
        message = this.i18n.t('bookings.cancelFree');
      }
    } catch {
      message = '';
    }
    const data: ReasonDialogData = {
      title: this.i18n.t('bookings.cancelTitle'),
      message: `${this.assetNames(booking)} · ${this.when(booking)}${message ? `\n${message}` : ''}`,
      reasonLabel: started ? undefined : this.i18n.t('bookings.cancelReason'),
      confirmLabel: this.i18n.t('bookings.cancelConfirm'),
      cancelLabel: this.i18n.t('bookings.keep'),
      confirmDisabled: started,
    };
    const ref = this.dialog.open<ReasonDialogComponent, ReasonDialogData, ReasonDialogResult>(
      ReasonDialogComponent,
      {
        data,
        autoFocus: 'first-tabbable',
      },
    );
    const result = await firstValueFrom(ref.afterClosed());
    if (!result) return;
    try {
      const cancelled = await firstValueFrom(this.bookings.cancel(booking.id, result.reason || undefined));
      this.updated.update((map) => new Map(map).set(cancelled.id, cancelled));
      this.waitlist()?.reload();
      this.snackBar.open(this.i18n.t('bookings.cancelled'), undefined, { duration: 4000 });
    } catch (error: unknown) {
      this.snackBar.open(failureText(error, this.lang()), this.i18n.t('error.dismiss'), { duration: 8000 });
    }
  }
}
