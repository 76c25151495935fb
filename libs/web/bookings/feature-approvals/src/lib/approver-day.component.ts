import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  computed,
  effect,
  inject,
  linkedSignal,
  signal,
  untracked,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  type AssetSummary,
  type BookingDto,
  type Decision,
  type LocalizedText,
  PERMISSIONS,
} from '@madang/contracts';
import { DateTime } from 'luxon';
import { firstValueFrom, forkJoin, map } from 'rxjs';
import { BookingsService, CatalogueService } from '@madang/web/bookings/data-access';
import { centreTimeZone, failureText, measureRender } from '@madang/web/util';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { AuthService } from '@madang/web/session';
import {
  IconComponent,
  type IconName,
  iconPath,
  type ReasonDialogData,
  ReasonDialogComponent,
  type ReasonDialogResult,
} from '@madang/web/ui';
import {
  DECISION_KEYS,
  TIMELINE_DECISIONS,
  type TimelineWindow,
  formatRange,
  layoutDay,
} from '@madang/web/bookings/util';

/** One day's rows and bars as loaded: the date asked for, every active asset, the day's bookings. */
interface DayData {
  readonly date: string;
  readonly assets: AssetSummary[];
  readonly bookings: BookingDto[];
}

export const DECISION_ICONS: Readonly<Record<Decision, IconName>> = {
  pending: 'schedule',
  approved: 'check',
  rejected: 'block',
  cancelled: 'close',
};

/**
 * The approver's day: one row per asset, the hours across, every booking a bar coloured and marked
 * by its state; a bar opens the booking with its actions (approve, reject). Built on a CSS grid of
 * its own (FullCalendar's resource views are a paid plugin).
 */
@Component({
  selector: 'app-approver-day',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslatePipe,
    IconComponent,
  ],
  templateUrl: './approver-day.component.html',
  styleUrl: './approver-day.component.scss',
})
export class ApproverDayComponent {
  private readonly bookings = inject(BookingsService);
  private readonly catalogue = inject(CatalogueService);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly injector = inject(Injector);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly decisionKeys = DECISION_KEYS;
  protected readonly decisionIcons = DECISION_ICONS;
  protected readonly legend = TIMELINE_DECISIONS;
  protected readonly zone = centreTimeZone();
  protected readonly canDecide = computed(() => this.auth.permissions().has(PERMISSIONS.BOOKINGS_DECIDE));

  protected readonly date = signal(DateTime.now().setZone(this.zone).toISODate() ?? '');
  private readonly day = computed(() => {
    const day = DateTime.fromISO(this.date(), { zone: this.zone });
    if (!day.isValid) return undefined;
    return {
      date: this.date(),
      from: day.startOf('day').toUTC().toISO() ?? '',
      to: day.plus({ days: 1 }).startOf('day').toUTC().toISO() ?? '',
    };
  });

  /** Every active asset (the rows) and every booking of the day (the bars), loaded together. */
  protected readonly data = rxResource({
    params: () => this.day(),
    stream: ({ params }) =>
      forkJoin({
        assets: this.catalogue.assets(),
        bookings: this.bookings.listAll({ scope: 'all', from: params.from, to: params.to }),
      }).pipe(map((loaded): DayData => ({ date: params.date, ...loaded }))),
  });
  /**
   * The day the timeline shows: the one loaded last, kept (dimmed, `aria-busy`) while the next one loads,
   * nothing after an error. The rows stay in the page from day to day and are updated, not rebuilt: no
   * blank flash between days, and for 200 assets some 17,000 DOM nodes fewer to throw away per day.
   */
  protected readonly shown = linkedSignal<
    { value: DayData | undefined; loading: boolean },
    DayData | undefined
  >({
    source: () => ({
      value: this.data.hasValue() ? this.data.value() : undefined,
      loading: this.data.isLoading(),
    }),
    computation: (now, previous) => now.value ?? (now.loading ? previous?.value : undefined),
  });
  /** Decisions taken here, shown at once without reloading the day. */
  private readonly updated = signal<ReadonlyMap<string, BookingDto>>(new Map());
  protected readonly loadError = computed(() =>
    this.data.error() ? failureText(this.data.error(), this.lang()) : null,
  );
  private readonly items = computed<BookingDto[]>(() => {
    const updated = this.updated();
    return this.shown()?.bookings.map((b) => updated.get(b.id) ?? b) ?? [];
  });

  /** Hours shown: 07–24, widened to midnight when a booking starts earlier. */
  protected readonly window = computed<TimelineWindow | null>(() => {
    const shown = this.shown();
    if (!shown) return null;
    const day = DateTime.fromISO(shown.date, { zone: this.zone });
    if (!day.isValid) return null;
    const midnight = day.startOf('day');
    const earliest = Math.min(
      7,
      ...this.items().map((b) => {
        const s = DateTime.fromISO(b.start).setZone(this.zone);
        return s < midnight ? 0 : s.hour;
      }),
    );
    return {
      start: midnight.plus({ hours: earliest }).toMillis(),
      end: midnight.plus({ days: 1 }).toMillis(),
      fromHour: earliest,
      toHour: 24,
    };
  });
  protected readonly hours = computed(() => {
    const w = this.window();
    if (!w) return [];
    const count = w.toHour - w.fromHour;
    return Array.from({ length: count }, (_, i) => ({
      label: `${String(w.fromHour + i).padStart(2, '0')}`,
      left: (i / count) * 100,
    }));
  });

  /** Asset names by id: the catalogue's, or a booking's for an asset no longer listed. */
  private readonly names = computed(() => {
    const names = new Map<string, LocalizedText>();
    for (const a of this.shown()?.assets ?? []) names.set(a.id, a.name);
    for (const b of this.items())
      for (const i of b.items) if (!names.has(i.assetId)) names.set(i.assetId, i.assetName);
    return names;
  });

  /** One `<symbol>` per state, drawn once; each bar `<use>`s it (hundreds of bars stay cheap). */
  protected readonly symbols = TIMELINE_DECISIONS.map((d) => ({
    id: `tl-${d}`,
    path: iconPath(DECISION_ICONS[d]),
  }));

  /** Rows with everything a bar shows computed once per data change, not per render. */
  protected readonly rows = computed(() => {
    const w = this.window();
    if (!w || !this.shown()) return [];
    const lang = this.lang();
    const names = this.names();
    const hhmm = new Intl.DateTimeFormat('en-GB', {
      timeZone: this.zone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const t = (iso: string) => hhmm.format(new Date(iso));
    const states = new Map(TIMELINE_DECISIONS.map((d) => [d, this.i18n.t(DECISION_KEYS[d])]));
    return layoutDay([...names.keys()], this.items(), w).map((row) => {
      const name = names.get(row.assetId)?.[lang] ?? row.assetId;
      return {
        assetId: row.assetId,
        lanes: row.lanes,
        name,
        bars: row.bars.map((bar) => {
          const b = bar.booking;
          const from = t(b.start);
          return {
            booking: b,
            left: bar.left,
            width: bar.width,
            lane: bar.lane,
            cls: `tl-bar state-${b.decision}${bar.clippedStart ? ' clip-start' : ''}${bar.clippedEnd ? ' clip-end' : ''}`,
            icon: `#tl-${b.decision}`,
            text: `${from} ${b.requester.displayName} · ${b.purpose}`,
            label: `${name}, ${from}–${t(b.end)}, ${b.requester.displayName}, ${states.get(b.decision)}: ${b.purpose}`,
          };
        }),
      };
    });
  });
  protected readonly bookingCount = computed(() => this.items().length);

  /** Where "now" is on the track (percent), when the day shown is today. */
  protected readonly nowAt = computed(() => {
    const w = this.window();
    const now = Date.now();
    return w && now >= w.start && now < w.end ? ((now - w.start) / (w.end - w.start)) * 100 : null;
  });

  protected readonly selected = signal<BookingDto | null>(null);
  protected readonly busy = signal(false);

  constructor() {
    // Time from the day's data to its first painted frame: read by the browser performance test.
    effect(() => {
      if (!this.data.hasValue()) return;
      this.data.value();
      untracked(() => measureRender('approver-day', this.injector));
    });
  }

  protected setDate(value: string): void {
    if (DateTime.fromISO(value).isValid) {
      this.date.set(value);
      this.selected.set(null);
    }
  }

  protected shift(days: number): void {
    const next = DateTime.fromISO(this.date()).plus({ days }).toISODate();
    if (next) this.setDate(next);
  }

  protected today(): void {
    this.setDate(DateTime.now().setZone(this.zone).toISODate() ?? this.date());
  }

  protected when(b: BookingDto): string {
    return formatRange(b.start, b.end, this.lang(), this.zone);
  }

  protected time(iso: string): string {
    return DateTime.fromISO(iso).setZone(this.zone).toFormat('HH:mm');
  }

  protected open(b: BookingDto): void {
    this.selected.set(b);
  }

  protected async approve(b: BookingDto): Promise<void> {
    await this.decide(b, () => firstValueFrom(this.bookings.approve(b.id)), 'approvals.approved');
  }

  protected async reject(b: BookingDto): Promise<void> {
    const ref = this.dialog.open<ReasonDialogComponent, ReasonDialogData, ReasonDialogResult>(
      ReasonDialogComponent,
      {
        data: {
          title: this.i18n.t('approvals.rejectTitle'),
          message: `${b.requester.displayName} · ${this.when(b)}`,
          reasonLabel: this.i18n.t('approvals.reason'),
          reasonRequired: true,
          confirmLabel: this.i18n.t('approvals.reject'),
          cancelLabel: this.i18n.t('form.cancel'),
        },
      },
    );
    const result = await firstValueFrom(ref.afterClosed());
    if (!result) return;
    await this.decide(
      b,
      () => firstValueFrom(this.bookings.reject(b.id, result.reason)),
      'approvals.rejected',
    );
  }

  private async decide(
    b: BookingDto,
    call: () => Promise<BookingDto>,
    done: 'approvals.approved' | 'approvals.rejected',
  ): Promise<void> {
    this.busy.set(true);
    try {
      const next = await call();
      this.updated.update((map) => new Map([...map, [next.id, next]]));
      this.selected.set(next);
      this.snackBar.open(this.i18n.t(done), undefined, { duration: 4000 });
    } catch (error: unknown) {
      this.snackBar.open(failureText(error, this.lang()), this.i18n.t('error.dismiss'), { duration: 8000 });
      this.data.reload();
    } finally {
      this.busy.set(false);
    }
  }
}
