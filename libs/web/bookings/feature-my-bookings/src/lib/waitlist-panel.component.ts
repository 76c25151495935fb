import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  output,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { WaitlistEntryDto } from '@madang/contracts';
import { BookingNotifyService } from '@madang/web/bookings/data-access';
import { formatRange, useBookingNotifyMessages } from '@madang/web/bookings/util';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { countdownText, failureText } from '@madang/web/util';
import { firstValueFrom } from 'rxjs';

/** My waitlist entries and open offers, with a live countdown and accept / leave. */
@Component({
  selector: 'app-waitlist-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslatePipe],
  template: `
    <section class="panel" aria-labelledby="waitlist-title" data-testid="waitlist-panel">
      <h2 id="waitlist-title" class="panel-title">{{ 'waitlist.title' | t: lang() }}</h2>
      @if (entries().length === 0) {
        <p class="muted">{{ 'waitlist.empty' | t: lang() }}</p>
      } @else {
        <ul class="entries">
          @for (e of entries(); track e.id) {
            <li class="entry" [attr.data-testid]="'waitlist-entry-' + e.id" [attr.data-state]="e.state">
              <div class="entry-main">
                <strong>{{ e.asset.name[lang()] }}</strong>
                <span class="muted"> · {{ when(e) }}</span>
                <div class="small">
                  <span [class]="'status status-' + e.state">{{ stateKey(e) | t: lang() }}</span>
                  @if (e.state === 'waiting' && e.position) {
                    <span class="muted">
                      {{ 'waitlist.position' | t: lang() : { position: e.position } }}</span
                    >
                  }
                </div>
                @if (openOffer(e); as left) {
                  <p class="offer" role="status" data-testid="offer-countdown">
                    {{ 'waitlist.offer' | t: lang() : { left: left } }}
                  </p>
                }
              </div>
              <div class="entry-actions">
                @if (openOffer(e)) {
                  <button
                    mat-flat-button
                    type="button"
                    data-testid="accept-offer"
                    [disabled]="busy()"
                    [attr.aria-label]="
                      'waitlist.acceptLabel' | t: lang() : { name: e.asset.name[lang()], when: when(e) }
                    "
                    (click)="accept(e)"
                  >
                    {{ 'waitlist.accept' | t: lang() }}
                  </button>
                }
                @if (e.state === 'waiting' || e.state === 'offered') {
                  <button
                    mat-stroked-button
                    type="button"
                    [disabled]="busy()"
                    [attr.aria-label]="
                      'waitlist.leaveLabel' | t: lang() : { name: e.asset.name[lang()], when: when(e) }
                    "
                    (click)="leave(e)"
                  >
                    {{ 'waitlist.leave' | t: lang() }}
                  </button>
                }
              </div>
            </li>
          }
        </ul>
      }
    </section>
  `,
  styles: `
    .panel {
      margin: 24px 0;
    }
    .panel-title {
      font: var(--mat-sys-title-large);
      margin: 0 0 8px;
    }
    .entries {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    .entry {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: center;
      justify-content: space-between;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    .entry[data-state='offered'] {
      border-color: var(--mat-sys-primary);
    }
    .entry-actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    .offer {
      margin: 6px 0 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-primary);
      font-variant-numeric: tabular-nums;
    }
    .small {
      font: var(--mat-sys-body-small);
      margin-top: 4px;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .status {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-surface-container-high);
    }
    .status-offered {
      background: #c8ecd4;
      color: #0d4622;
    }
    .status-waiting {
      background: #ffe0b2;
      color: #5c3200;
    }
  `,
})
export class WaitlistPanelComponent {
  private readonly api = inject(BookingNotifyService);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly busy = signal(false);
  /** A booking was made from an offer. */
  readonly booked = output<string>();
  private readonly now = signal(Date.now());

  protected readonly list = rxResource({ stream: () => this.api.myWaitlist() });
  protected readonly entries = computed(() =>
    (this.list.hasValue() ? this.list.value() : []).filter(
      (e) => e.state === 'waiting' || e.state === 'offered',
    ),
  );

  constructor() {
    useBookingNotifyMessages();
    const timer = setInterval(() => {
      this.now.set(Date.now());
      // An offer that just ran out: ask the server what happened to it.
      if (
        this.entries().some((e) => e.offer?.state === 'open' && Date.parse(e.offer.expiresAt) <= this.now())
      )
        this.list.reload();
    }, 1000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  /** Time left on the entry's open offer, or null. */
  protected openOffer(e: WaitlistEntryDto): string | null {
    if (e.state !== 'offered' || e.offer?.state !== 'open') return null;
    const left = Date.parse(e.offer.expiresAt) - this.now();
    return left > 0 ? countdownText(left) : null;
  }

  protected stateKey(e: WaitlistEntryDto) {
    return `waitlist.state.${e.state}` as const;
  }

  protected when(e: WaitlistEntryDto): string {
    return formatRange(e.start, e.end, this.lang());
  }

  /** Reloads the list (after a booking was cancelled on the same page, an offer may have appeared). */
  reload(): void {
    this.list.reload();
  }

  protected async accept(e: WaitlistEntryDto): Promise<void> {
    if (!e.offer) return;
    await this.act(async () => {
      const booking = await firstValueFrom(this.api.acceptOffer(e.offer?.id ?? ''));
      this.booked.emit(booking.id);
    }, 'waitlist.accepted');
  }

  protected async leave(e: WaitlistEntryDto): Promise<void> {
    await this.act(() => firstValueFrom(this.api.leaveWaitlist(e.id)), 'waitlist.left');
  }

  private async act(run: () => Promise<unknown>, done: 'waitlist.accepted' | 'waitlist.left'): Promise<void> {
    this.busy.set(true);
    try {
      await run();
      this.snackBar.open(this.i18n.t(done), undefined, { duration: 4000 });
    } catch (error: unknown) {
      this.snackBar.open(failureText(error, this.lang()), this.i18n.t('error.dismiss'), { duration: 8000 });
    } finally {
      this.busy.set(false);
      this.list.reload();
    }
  }
}
