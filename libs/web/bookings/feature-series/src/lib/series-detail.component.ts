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
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  PERMISSIONS,
  type BookingSeriesDto,
  type SeriesEditScope,
  type SeriesOccurrenceDto,
} from '@madang/contracts';
import { SeriesService } from '@madang/web/bookings/data-access';
import { formatKrw } from '@madang/booking-rules';
import { DECISION_KEYS, fromLocalInput } from '@madang/web/bookings/util';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { AuthService } from '@madang/web/session';
import { failureText } from '@madang/web/util';
import { firstValueFrom } from 'rxjs';
import { dateLabel, EXCEPTION_KEYS, ruleWords, STATE_KEYS, timeLabel } from './series-labels';

/**
 * One recurring booking: every date with its own state, move or cancel one date, change the time
 * of all dates or of this and the following ones (a split), cancel what is left.
 */
@Component({
  selector: 'app-series-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
  ],
  templateUrl: './series-detail.component.html',
  styleUrl: './series.component.scss',
})
export class SeriesDetailComponent {
  private readonly series = inject(SeriesService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly stateKeys = STATE_KEYS;
  protected readonly exceptionKeys = EXCEPTION_KEYS;
  protected readonly decisionKeys = DECISION_KEYS;
  protected readonly timeLabel = timeLabel;

  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly resource = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.series.get(params),
  });
  protected readonly value = computed<BookingSeriesDto | null>(() =>
    this.resource.hasValue() ? this.resource.value() : null,
  );
  protected readonly loadError = computed(() =>
    this.resource.error() ? failureText(this.resource.error(), this.lang()) : null,
  );
  protected readonly mine = computed(() => this.value()?.requester.id === this.auth.me()?.id);
  protected readonly active = computed(() => this.value()?.status === 'active');
  /** An approver looking at someone else's series with dates waiting for a decision. */
  protected readonly canDecide = computed(
    () =>
      !this.mine() &&
      this.auth.permissions().has(PERMISSIONS.BOOKINGS_DECIDE) &&
      (this.value()?.occurrences ?? []).some((o) => o.decision === 'pending'),
  );
  protected readonly reason = this.fb.control('', Validators.maxLength(1000));
  /** Dates a "this and following" edit may start from: booked, not the first. */
  protected readonly splitDates = computed(() =>
    (this.value()?.occurrences ?? []).slice(1).filter((o) => o.state === 'booked'),
  );

  protected readonly editForm = this.fb.group({
    scope: this.fb.control<SeriesEditScope>('all'),
    from: [''],
    startTime: ['', Validators.required],
    durationMinutes: [60, [Validators.required, Validators.min(1)]],
  });
  protected readonly moveForm = this.fb.group({
    start: ['', Validators.required],
    end: ['', Validators.required],
  });
  protected readonly moving = signal<SeriesOccurrenceDto | null>(null);
  protected readonly busy = signal(false);
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    // The edit form starts from the series as loaded (until the person changes it).
    effect(() => {
      const s = this.value();
      if (s && this.editForm.pristine)
        this.editForm.patchValue({ startTime: s.startTime, durationMinutes: s.durationMinutes });
    });
  }

  protected dateLabel(date: string): string {
    return dateLabel(date, this.lang());
  }

  protected ruleText(s: BookingSeriesDto): string {
    return this.i18n.t('series.rule', {
      rule: ruleWords(s.rrule, this.lang()),
      start: s.startDate,
      time: s.startTime,
      minutes: s.durationMinutes,
    });
  }

  protected openMove(o: SeriesOccurrenceDto): void {
    this.moving.set(o);
    this.moveForm.setValue({ start: o.localStart, end: o.localEnd });
    this.focus('[data-testid="move-panel"]');
  }

  protected async saveMove(): Promise<void> {
    const s = this.value();
    const o = this.moving();
    if (!s || !o) return;
    const start = fromLocalInput(this.moveForm.controls.start.value, s.timeZone);
    const end = fromLocalInput(this.moveForm.controls.end.value, s.timeZone);
    if (!start || !end) {
      this.moveForm.markAllAsTouched();
      return;
    }
    await this.run(() =>
      firstValueFrom(this.series.changeOccurrence(s.id, o.date, { action: 'move', start, end })),
    );
    if (!this.error()) this.moving.set(null);
  }

  protected async cancelOne(o: SeriesOccurrenceDto): Promise<void> {
    const s = this.value();
    if (!s) return;
    await this.run(() => firstValueFrom(this.series.changeOccurrence(s.id, o.date, { action: 'cancel' })));
  }

  protected async applyEdit(): Promise<void> {
    const s = this.value();
    if (!s || this.editForm.invalid) {
      this.editForm.markAllAsTouched();
      return;
    }
    const v = this.editForm.getRawValue();
    let target = s.id;
    await this.run(async () => {
      const answer = await firstValueFrom(
        this.series.edit(s.id, {
          scope: v.scope,
          from: v.scope === 'this_and_following' ? v.from : undefined,
          startTime: v.startTime,
          durationMinutes: Number(v.durationMinutes),
        }),
      );
      target = answer.series.id;
      return answer.series;
    });
    if (!this.error()) {
      this.message.set(this.i18n.t('series.applied'));
      if (target !== s.id) await this.router.navigate(['/bookings/series', target]);
    }
  }

  /** Approve or reject every pending date, or one date. */
  protected async decide(action: 'approve' | 'reject', date?: string): Promise<void> {
    const s = this.value();
    if (!s) return;
    const reason = this.reason.value.trim();
    if (action === 'reject' && !reason) {
      this.error.set(this.i18n.t('series.reasonNeeded'));
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const result = await firstValueFrom(
        this.series.decide(s.id, { action, dates: date ? [date] : undefined, reason: reason || undefined }),
      );
      this.message.set(
        this.i18n.t('series.decided', {
          ok: result.results.filter((r) => r.ok).length,
          failed: result.results.filter((r) => !r.ok).length,
        }),
      );
      this.resource.reload();
    } catch (error) {
      this.error.set(failureText(error, this.lang()));
    } finally {
      this.busy.set(false);
    }
  }

  protected async cancelSeries(): Promise<void> {
    const s = this.value();
    if (!s) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const result = await firstValueFrom(this.series.cancel(s.id));
      this.message.set(
        this.i18n.t('series.cancelled', {
          count: result.results.filter((r) => r.ok).length,
          fee: formatKrw(result.totalFee, this.lang()),
        }),
      );
      this.resource.reload();
    } catch (error) {
      this.error.set(failureText(error, this.lang()));
    } finally {
      this.busy.set(false);
    }
  }

  private async run(work: () => Promise<BookingSeriesDto>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    this.message.set(null);
    try {
      const updated = await work();
      this.resource.set(updated);
    } catch (error) {
      this.error.set(failureText(error, this.lang()));
      this.focus('[data-testid="series-error"]');
    } finally {
      this.busy.set(false);
    }
  }

  private focus(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}
