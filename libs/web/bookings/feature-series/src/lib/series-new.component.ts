import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type { SeriesMode, SeriesPreview, SeriesRequest } from '@madang/contracts';
import { CatalogueService, SeriesService } from '@madang/web/bookings/data-access';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { AuthService } from '@madang/web/session';
import { MoneyComponent } from '@madang/web/ui';
import { applyProblemToForm, failureText, focusFirstProblem, toProblem } from '@madang/web/util';
import { DateTime } from 'luxon';
import { firstValueFrom } from 'rxjs';
import { CHECK_KEYS, conflictText, dateLabel, DAY_CODES, timeLabel, weekdayLabels } from './series-labels';

/**
 * "Repeat": a weekly series on one asset. The resident describes it, sees every date checked by the
 * rules engine and the database (free / taken / against the rules), then books the free ones, or
 * all of them only if all are free.
 */
@Component({
  selector: 'app-series-new',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    MoneyComponent,
  ],
  templateUrl: './series-new.component.html',
  styleUrl: './series.component.scss',
})
export class SeriesNewComponent {
  private readonly catalogue = inject(CatalogueService);
  private readonly series = inject(SeriesService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;

  /** Query parameter `?asset=`: the asset to repeat. */
  readonly asset = input<string>();

  protected readonly detail = rxResource({
    params: () => this.asset(),
    stream: ({ params }) => this.catalogue.asset(params),
  });
  protected readonly assetValue = computed(() => (this.detail.hasValue() ? this.detail.value() : null));
  protected readonly loadError = computed(() =>
    this.detail.error() ? failureText(this.detail.error(), this.lang()) : null,
  );
  protected readonly zone = computed(() => this.assetValue()?.rules.timeZone ?? null);
  protected readonly groups = computed(() => this.auth.me()?.groups ?? []);
  protected readonly weekdays = computed(() => weekdayLabels(this.lang()));

  private readonly nextWeek = DateTime.now().plus({ weeks: 1 });
  protected readonly form = this.fb.group({
    startDate: [this.nextWeek.toISODate() as string, Validators.required],
    startTime: ['19:00', Validators.required],
    durationMinutes: [120, [Validators.required, Validators.min(1)]],
    weekdays: this.fb.control<number[]>([this.nextWeek.weekday], Validators.required),
    interval: [1, [Validators.required, Validators.min(1)]],
    endKind: this.fb.control<'count' | 'until'>('count'),
    count: [12, [Validators.required, Validators.min(1), Validators.max(260)]],
    until: [''],
    purpose: ['', [Validators.required, Validators.maxLength(500)]],
    attendees: [1, [Validators.required, Validators.min(0)]],
    groupId: [''],
  });

  protected readonly preview = signal<SeriesPreview | null>(null);
  protected readonly busy = signal<'preview' | SeriesMode | null>(null);
  protected readonly formError = signal<string | null>(null);

  protected readonly checkKeys = CHECK_KEYS;
  protected readonly conflictText = conflictText;
  protected readonly timeLabel = timeLabel;
  protected dateLabel(date: string): string {
    return dateLabel(date, this.lang());
  }

  /** The RRULE part the form describes. */
  private rrule(): string {
    const v = this.form.getRawValue();
    const days = [...v.weekdays].sort((a, b) => a - b).map((d) => DAY_CODES[d - 1]);
    const end =
      v.endKind === 'until' && v.until ? `UNTIL=${v.until.replaceAll('-', '')}` : `COUNT=${Number(v.count)}`;
    return `FREQ=WEEKLY;INTERVAL=${Number(v.interval)};BYDAY=${days.join(',')};${end}`;
  }

  private request(): SeriesRequest | null {
    const asset = this.assetValue();
    if (!asset) return null;
    const v = this.form.getRawValue();
    return {
      items: [{ assetId: asset.id, quantity: 1 }],
      startDate: v.startDate,
      startTime: v.startTime,
      durationMinutes: Number(v.durationMinutes),
      rrule: this.rrule(),
      purpose: v.purpose.trim(),
      attendees: Number(v.attendees),
      groupId: v.groupId || null,
    };
  }

  protected edited(): void {
    this.preview.set(null);
    this.formError.set(null);
  }

  protected async check(): Promise<void> {
    const request = this.valid();
    if (!request) return;
    this.busy.set('preview');
    try {
      this.preview.set(await firstValueFrom(this.series.preview(request)));
      this.focus('[data-testid="series-preview"]');
    } catch (error) {
      this.showProblem(error);
    } finally {
      this.busy.set(null);
    }
  }

  protected async book(mode: SeriesMode): Promise<void> {
    const request = this.valid();
    if (!request) return;
    this.busy.set(mode);
    try {
      const created = await firstValueFrom(this.series.create({ ...request, mode }));
      await this.router.navigate(['/bookings/series', created.series.id]);
    } catch (error) {
      const problem = toProblem(error);
      const occurrences = problem['occurrences'] as SeriesPreview['occurrences'] | undefined;
      if (occurrences) {
        // Something changed since the check: show the dates as they are now.
        await this.check();
      } else this.showProblem(error);
    } finally {
      this.busy.set(null);
    }
  }

  private valid(): SeriesRequest | null {
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstProblem(this.host, this.injector);
      return null;
    }
    return this.request();
  }

  private showProblem(error: unknown): void {
    const problem = toProblem(error);
    const applied = applyProblemToForm(this.form, problem, this.lang());
    const rrule = (problem.errors ?? []).find((e) => e.field === 'rrule');
    this.formError.set(rrule ? rrule.message : applied.formMessage);
    this.focus('[data-testid="form-error"]');
  }

  private focus(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}
