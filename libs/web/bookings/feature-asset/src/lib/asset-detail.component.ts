import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { httpResource } from '@angular/common/http';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { CalendarOptions, DateSelectArg, DatesSetArg, EventInput } from '@fullcalendar/core';
import { type BookingEvaluation, evaluateBooking } from '@madang/booking-rules';
import {
  PERMISSIONS,
  type AssetDetail,
  type AssetSummary,
  type BookingDto,
  type BookingItem,
  type CreateBookingRequest,
  type QuoteResponse,
  type SlotConflict,
  type Violation,
  type JoinWaitlistRequest,
} from '@madang/contracts';
import { catchError, debounceTime, firstValueFrom, map, of, startWith, switchMap } from 'rxjs';
import { AuthService } from '@madang/web/session';
import {
  applyProblemToForm,
  centreTimeZone,
  toProblem,
  failureText,
  injectHandset,
  fieldErrorText,
  focusFirstProblem,
  PageMetaService,
  nearViewport,
} from '@madang/web/util';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { MoneyComponent } from '@madang/web/ui';
import {
  BookingsService,
  newIdempotencyKey,
  CatalogueService,
  photoSrcset,
  photoVariantUrl,
} from '@madang/web/bookings/data-access';
import {
  formatRange,
  fromLocalInput,
  priceSummaryText,
  toLocalInput,
  businessHoursOf,
  busyEvents,
  calendarLocale,
  visibleHours,
  assetFactsText,
} from '@madang/web/bookings/util';
import { AssetCalendarComponent } from './asset-calendar.component';
import { RulesSummaryComponent } from './rules-summary.component';
import { type ExtraItem, RequestItemsComponent } from './request-items.component';

import { JoinWaitlistComponent } from './join-waitlist.component';
import { assetPageMeta } from './asset-meta';
/**
 * Named outside `imports` on purpose: a dependency used only in a @defer block from a shared library is
 * loaded by a dynamic import of that library's whole index. The money component is small and the ui
 * library is loaded anyway; referenced here it stays a static import.
 */
const EAGER_DEPENDENCIES = [MoneyComponent] as const;

@Component({
  selector: 'app-asset-detail',
  // Hydrates without Intl (nothing formatted until someone reaches for it): see NO_INTL_AT_START.
  host: { 'data-no-intl-at-start': '' },
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    AssetCalendarComponent,
    // Standalone pieces used only in the booking form's @defer block: they load with the form.
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatProgressBar,
    TranslatePipe,
    ...EAGER_DEPENDENCIES,
    RulesSummaryComponent,
    JoinWaitlistComponent,
    RequestItemsComponent,
  ],
  templateUrl: './asset-detail.component.html',
  styleUrl: './asset-detail.component.scss',
})
export class AssetDetailComponent {
  private readonly catalogue = inject(CatalogueService);
  private readonly bookings = inject(BookingsService);
  private readonly auth = inject(AuthService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly me = this.auth.me;
  protected readonly facts = assetFactsText;
  protected readonly photoSrcset = photoSrcset;
  protected readonly photoVariantUrl = photoVariantUrl;
  protected readonly canBook = computed(() => this.auth.permissions().has(PERMISSIONS.BOOKINGS_CREATE));
  private readonly handset = injectHandset();

  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  // httpResource, not rxResource: the first render in the browser gets what the server rendered with.
  protected readonly asset = httpResource<AssetDetail>(() => this.catalogue.assetRequest(this.id()));
  protected readonly detail = computed<AssetDetail | null>(() =>
    this.asset.hasValue() ? this.asset.value() : null,
  );
  protected readonly loadError = computed(() =>
    this.asset.error() ? failureText(this.asset.error(), this.lang()) : null,
  );
  private readonly pageMeta = inject(PageMetaService);

  /** The range the calendar shows, from its `datesSet`. */
  private readonly range = signal<{ start: string; end: string } | null>(null);
  protected readonly availability = rxResource({
    params: () => {
      const asset = this.detail();
      const range = this.range();
      return asset && range ? { id: asset.id, ...range } : undefined;
    },
    stream: ({ params }) => this.catalogue.availability(params.start, params.end, [params.id]),
  });

  protected readonly timeForm = this.fb.group({ start: [''], end: [''] });
  private readonly times = toSignal(
    this.timeForm.valueChanges.pipe(
      map(() => this.timeForm.getRawValue()),
      startWith(this.timeForm.getRawValue()),
    ),
    { requireSync: true },
  );

  protected readonly requestForm = this.fb.group({
    purpose: ['', [Validators.required, Validators.maxLength(500)]],
    attendees: [1, [Validators.required, Validators.min(0), Validators.pattern(/^\d+$/)]],
    groupId: [''],
    quantity: [1, [Validators.required, Validators.min(1), Validators.pattern(/^\d+$/)]],
  });
  private readonly request = toSignal(
    this.requestForm.valueChanges.pipe(
      map(() => this.requestForm.getRawValue()),
      startWith(this.requestForm.getRawValue()),
    ),
    { requireSync: true },
  );

  /** The chosen range as instants, or null while incomplete. */
  protected readonly chosen = computed(() => {
    const asset = this.detail();
    if (!asset) return null;
    const { start, end } = this.times();
    const s = fromLocalInput(start, asset.rules.timeZone);
    const e = fromLocalInput(end, asset.rules.timeZone);
    return s && e ? { start: s, end: e } : null;
  });

  /** The rules engine's verdict, in the browser, at once. The API's answer is the one that counts. */
  protected readonly evaluation = computed<BookingEvaluation | null>(() => {
    const asset = this.detail();
    const chosen = this.chosen();
    if (!asset || !chosen) return null;
    const me = this.me();
    const req = this.request();
    const attendees = Number(req.attendees);
    return evaluateBooking({
      now: new Date().toISOString(),
      request: {
        start: chosen.start,
        end: chosen.end,
        items: [
          { assetId: asset.id, quantity: asset.kind === 'equipment_pool' ? Number(req.quantity) || 1 : 1 },
        ],
        attendees: Number.isFinite(attendees) ? attendees : 0,
        purpose: req.purpose,
        groupId: req.groupId || null,
      },
      // Anonymous visitors see what a resident would see.
      actor: me
        ? { userId: me.id, roles: me.roles, groups: me.groups.map((g) => ({ id: g.groupId, kind: g.kind })) }
        : { userId: 'anonymous', roles: ['resident'], groups: [] },
      assets: [
        {
          id: asset.id,
          kind: asset.kind,
          name: asset.name,
          capacity: asset.capacity,
          poolSize: asset.poolSize,
          active: asset.active,
          rules: asset.rules,
        },
      ],
      usage: [],
    });
  });

  /** Further items requested together with this asset (a projector, 5 laptops). */
  protected readonly extras = signal<ExtraItem[]>([]);

  /** What can be added: free for the chosen time (one catalogue query), else everything bookable. */
  protected readonly addable = rxResource({
    params: () => {
      const asset = this.detail();
      if (!asset || !this.me() || !this.canBook()) return undefined;
      const chosen = this.chosen();
      return chosen && chosen.end > chosen.start
        ? { self: asset.id, freeFrom: chosen.start, freeTo: chosen.end }
        : { self: asset.id };
    },
    stream: ({ params }) =>
      this.catalogue
        .assets(params.freeFrom ? { freeFrom: params.freeFrom, freeTo: params.freeTo } : {})
        .pipe(map((list) => list.filter((a) => a.id !== params.self && a.active))),
  });
  protected readonly addableAssets = computed<AssetSummary[]>(() =>
    this.addable.hasValue() ? this.addable.value() : [],
  );

  /** Every item of the request, this asset first. */
  private readonly items = computed<BookingItem[]>(() => {
    const asset = this.detail();
    if (!asset) return [];
    const quantity = Number(this.request().quantity) || 1;
    return [
      { assetId: asset.id, quantity: asset.kind === 'equipment_pool' ? quantity : 1 },
      ...this.extras().map((e) => ({ assetId: e.assetId, quantity: e.quantity })),
    ];
  });

  /** With several items the API checks and prices them all at once (`POST /bookings/quote`). */
  private readonly quoteRequest = computed<CreateBookingRequest | null>(() => {
    const chosen = this.chosen();
    if (!chosen || this.extras().length === 0 || !this.me() || !this.canBook()) return null;
    const req = this.request();
    const attendees = Number(req.attendees);
    return {
      items: this.items(),
      start: chosen.start,
      end: chosen.end,
      // The text of the purpose plays no part in the rules; a placeholder lets the check run before it is typed.
      purpose: req.purpose.trim() || '-',
      attendees: Number.isInteger(attendees) && attendees >= 0 ? attendees : 0,
      groupId: req.groupId || null,
    };
  });
  private readonly serverQuote = toSignal(
    toObservable(this.quoteRequest).pipe(
      debounceTime(250),
      switchMap((request) =>
        request
          ? this.bookings.quote(request).pipe(
              map((answer): { request: CreateBookingRequest; answer: QuoteResponse } => ({
                request,
                answer,
              })),
              catchError(() => of(null)),
            )
          : of(null),
      ),
    ),
    { initialValue: null },
  );

  /** The verdict shown: the API's quote for several items (when it answers this request), else the browser's. */
  protected readonly verdict = computed<{
    ok: boolean;
    violations: Violation[];
    approvalRequired: boolean;
    quote: QuoteResponse['quote'];
    conflicts: SlotConflict[];
  } | null>(() => {
    const request = this.quoteRequest();
    const server = this.serverQuote();
    if (request && server && server.request === request) return server.answer;
    // Until the API answers, this asset's problems are known at once, the other items' a moment later.
    const local = this.evaluation();
    return local ? { ...local, conflicts: [] } : null;
  });

  protected addItem(asset: AssetSummary): void {
    if (this.extras().some((e) => e.assetId === asset.id)) return;
    this.extras.update((list) => [
      ...list,
      { assetId: asset.id, name: asset.name, kind: asset.kind, poolSize: asset.poolSize, quantity: 1 },
    ]);
    this.clearServerAnswer();
  }

  protected removeItem(index: number): void {
    this.extras.update((list) => list.filter((_, i) => i !== index));
    this.clearServerAnswer();
  }

  protected setQuantity(change: { index: number; quantity: number }): void {
    const quantity = Math.max(1, Math.trunc(Number(change.quantity)) || 1);
    this.extras.update((list) => list.map((e, i) => (i === change.index ? { ...e, quantity } : e)));
    this.clearServerAnswer();
  }

  protected readonly submitting = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly conflicts = signal<SlotConflict[]>([]);
  /** The request just refused as taken, as a waitlist entry would keep it. */
  protected readonly waitlistRequest = computed<JoinWaitlistRequest | null>(() => {
    const asset = this.detail();
    const chosen = this.chosen();
    const req = this.request();
    if (!asset || !chosen || !req.purpose.trim()) return null;
    const quantity = asset.kind === 'equipment_pool' ? Number(req.quantity) : 1;
    return {
      ...chosen,
      items: [{ assetId: asset.id, quantity }],
      purpose: req.purpose.trim(),
      attendees: Number(req.attendees),
      groupId: req.groupId || null,
    };
  });
  protected readonly serverViolations = signal<Violation[]>([]);
  protected readonly result = signal<BookingDto | null>(null);

  /** The deferred calendar, by its template name: naming its class here would load FullCalendar eagerly. */
  private readonly calendar = viewChild<{ goTo(date: string): void }>('assetCalendar');

  private readonly bookingPanel = viewChild<ElementRef<HTMLElement>>('bookingPanel');
  /**
   * Whether the booking form is drawn: never while the server renders, in the browser once the panel
   * comes within a screen of the viewport or a time is picked on the calendar.
   */
  protected readonly live = nearViewport(this.bookingPanel);

  constructor() {
    this.pageMeta.follow(() => {
      const asset = this.detail();
      const lang = this.lang();
      if (!asset) return null;
      const alt = this.i18n.t('catalogue.photoOf', { name: asset.name[lang] });
      return assetPageMeta(asset, lang, alt, this.pageMeta);
    });
    // A time typed into the form brings the calendar to its week.
    effect(() => {
      const chosen = this.chosen();
      const range = this.range();
      const calendar = this.calendar();
      if (!chosen || !range || !calendar) return;
      const at = Date.parse(chosen.start);
      if (at < Date.parse(range.start) || at >= Date.parse(range.end)) {
        const start = chosen.start;
        queueMicrotask(() => calendar.goTo(start));
      }
    });
  }

  protected readonly calendarOptions = computed<CalendarOptions | null>(() => {
    const asset = this.detail();
    if (!asset) return null;
    const rules = asset.rules;
    const hours = visibleHours(rules.openingHours);
    const handset = this.handset();
    return {
      initialView: handset ? 'timeGridThreeDay' : 'timeGridWeek',
      views: { timeGridThreeDay: { type: 'timeGrid', duration: { days: 3 } } },
      locale: calendarLocale(this.lang()),
      timeZone: rules.timeZone,
      firstDay: 1,
      allDaySlot: false,
      height: 'auto',
      // FullCalendar writes each day's heading as an <a> without an address (day links are off): say it is
      // not a link, so neither screen readers nor crawlers take it for one.
      dayHeaderDidMount: ({ el }) =>
        el.querySelector('a.fc-col-header-cell-cushion:not([href])')?.setAttribute('role', 'presentation'),
      nowIndicator: true,
      slotDuration: { minutes: rules.slotStepMinutes },
      snapDuration: { minutes: rules.slotStepMinutes },
      slotLabelInterval: { hours: 1 },
      slotMinTime: hours.min,
      slotMaxTime: hours.max,
      businessHours: businessHoursOf(rules.openingHours),
      headerToolbar: { left: 'prev,next today', center: 'title', right: '' },
      buttonIcons: false,
      buttonText: {
        prev: this.i18n.t('calendar.prev'),
        next: this.i18n.t('calendar.next'),
        today: this.i18n.t('calendar.today'),
      },
      selectable: true,
      selectMirror: true,
      unselectAuto: false,
      select: (info: DateSelectArg) => this.onSelect(info),
      datesSet: (info: DatesSetArg) => this.onDatesSet(info),
    };
  });

  protected readonly calendarEvents = computed<EventInput[]>(() => {
    const events: EventInput[] = [];
    const availability = this.availability.hasValue() ? this.availability.value() : null;
    const busyTitle = this.i18n.t('asset.busy');
    for (const a of availability?.assets ?? []) events.push(...busyEvents(a.busy, busyTitle));
    const chosen = this.chosen();
    if (chosen && chosen.end > chosen.start) {
      const ok = this.verdict()?.ok ?? false;
      events.push({
        id: 'choice',
        start: chosen.start,
        end: chosen.end,
        title: this.i18n.t('asset.pickTime'),
        classNames: ['choice', ok ? 'choice-ok' : 'choice-bad'],
      });
    }
    return events;
  });

  /** The violations of this asset and of the request as a whole; other items show theirs at their row. */
  protected readonly visibleViolations = computed(() => {
    const server = this.serverViolations();
    const all = server.length ? server : (this.verdict()?.violations ?? []);
    const extra = new Set(this.extras().map((e) => e.assetId));
    return all.filter((v) => !v.assetId || !extra.has(v.assetId));
  });
  protected readonly itemViolations = computed(() => {
    const server = this.serverViolations();
    return server.length ? server : (this.verdict()?.violations ?? []);
  });
  protected readonly itemConflicts = computed(() => {
    const sent = this.conflicts();
    return sent.length ? sent : (this.verdict()?.conflicts ?? []);
  });

  protected readonly groups = computed(() => this.me()?.groups ?? []);
  protected readonly price = computed(() => {
    const asset = this.detail();
    return asset ? priceSummaryText(asset.price, this.lang()) : '';
  });

  protected rangeText(start: string, end: string): string {
    return formatRange(start, end, this.lang(), this.detail()?.rules.timeZone);
  }

  protected errorText(name: 'purpose' | 'attendees' | 'quantity' | 'groupId'): string {
    const control = this.requestForm.controls[name];
    if (control.hasError('min') || control.hasError('pattern')) return this.i18n.t('rules.wholeNumber');
    return fieldErrorText(this.i18n, control);
  }

  protected onSelect(info: DateSelectArg): void {
    this.live.set(true);
    const zone = this.detail()?.rules.timeZone ?? centreTimeZone();
    this.timeForm.setValue({
      start: toLocalInput(info.startStr, zone),
      end: toLocalInput(info.endStr, zone),
    });
    this.clearServerAnswer();
  }

  protected clearServerAnswer(): void {
    this.serverViolations.set([]);
    this.conflicts.set([]);
    this.formError.set(null);
    this.result.set(null);
  }

  private onDatesSet(info: DatesSetArg): void {
    const current = this.range();
    if (current && current.start === info.startStr && current.end === info.endStr) return;
    // Defer: datesSet fires while FullCalendar renders.
    queueMicrotask(() => this.range.set({ start: info.startStr, end: info.endStr }));
  }

  protected async submit(): Promise<void> {
    const asset = this.detail();
    const chosen = this.chosen();
    const verdict = this.verdict();
    this.clearServerAnswer();
    if (!asset || !chosen || !verdict || !verdict.ok) {
      this.formError.set(this.i18n.t('asset.fixTime'));
      this.focus('[data-testid="form-error"]');
      return;
    }
    if (this.requestForm.invalid) {
      this.requestForm.markAllAsTouched();
      focusFirstProblem(this.host, this.injector);
      return;
    }
    const req = this.requestForm.getRawValue();
    this.submitting.set(true);
    try {
      const booking = await firstValueFrom(
        this.bookings.create(
          {
            items: this.items(),
            start: chosen.start,
            end: chosen.end,
            purpose: req.purpose.trim(),
            attendees: Number(req.attendees),
            groupId: req.groupId || null,
          },
          newIdempotencyKey(),
        ),
      );
      this.result.set(booking);
      this.extras.set([]);
      this.availability.reload();
      this.focus('[data-testid="booking-result"]');
    } catch (error: unknown) {
      const problem = toProblem(error);
      if (problem.code === 'slot_taken') {
        this.conflicts.set((problem['conflicts'] as SlotConflict[] | undefined) ?? []);
        this.availability.reload();
        this.formError.set(null);
        this.focus('[data-testid="conflicts"]');
      } else if (problem.code === 'rule_violation') {
        this.serverViolations.set((problem['violations'] as Violation[] | undefined) ?? []);
        this.focus('[data-testid="violations"]');
      } else {
        this.formError.set(applyProblemToForm(this.requestForm, problem, this.lang()).formMessage);
        focusFirstProblem(this.host, this.injector);
      }
    } finally {
      this.submitting.set(false);
    }
  }

  private focus(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}
