import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { CalendarFeedInfo } from '@madang/contracts';
import { BookingNotifyService } from '@madang/web/bookings/data-access';
import { useBookingNotifyMessages } from '@madang/web/bookings/util';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { failureText } from '@madang/web/util';
import { firstValueFrom } from 'rxjs';

/** The person's secret iCal feed: the address to copy into a calendar app, and a new one on demand. */
@Component({
  selector: 'app-calendar-feed-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslatePipe],
  template: `
    <section class="feed" aria-labelledby="feed-title" data-testid="calendar-feed">
      <h2 id="feed-title" class="feed-title">{{ 'feed.title' | t: lang() }}</h2>
      <p class="muted">{{ 'feed.lead' | t: lang() }}</p>
      @if (url(); as address) {
        <label class="url-label" for="feed-url">{{ 'feed.url' | t: lang() }}</label>
        <input
          id="feed-url"
          class="url"
          readonly
          [value]="address"
          data-testid="feed-url"
          (focus)="select($event)"
        />
        <div class="actions">
          <button mat-stroked-button type="button" data-testid="feed-copy" (click)="copy(address)">
            {{ 'feed.copy' | t: lang() }}
          </button>
          <button mat-button type="button" data-testid="feed-rotate" [disabled]="busy()" (click)="rotate()">
            {{ 'feed.rotate' | t: lang() }}
          </button>
        </div>
      }
    </section>
  `,
  styles: `
    .feed {
      margin: 24px 0;
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    .feed-title {
      font: var(--mat-sys-title-medium);
      margin: 0 0 4px;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .url-label {
      display: block;
      font: var(--mat-sys-label-medium);
      margin-top: 8px;
    }
    .url {
      width: 100%;
      box-sizing: border-box;
      margin: 4px 0 8px;
      padding: 8px;
      font: var(--mat-sys-body-small);
      font-family: monospace;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 8px;
      background: var(--mat-sys-surface-container-low);
      color: var(--mat-sys-on-surface);
    }
    .actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
  `,
})
export class CalendarFeedCardComponent {
  private readonly api = inject(BookingNotifyService);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly busy = signal(false);
  private readonly rotated = signal<CalendarFeedInfo | null>(null);
  protected readonly feed = rxResource({ stream: () => this.api.myFeed() });
  protected readonly url = computed(() => {
    const info = this.rotated() ?? (this.feed.hasValue() ? this.feed.value() : null);
    // The address as this browser reaches the site (the API may sit behind a proxy).
    return info ? `${location.origin}${info.path}` : null;
  });

  constructor() {
    useBookingNotifyMessages();
  }

  protected select(event: Event): void {
    (event.target as HTMLInputElement).select();
  }

  protected async copy(address: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(address);
      this.snackBar.open(this.i18n.t('feed.copied'), undefined, { duration: 3000 });
    } catch {
      document.querySelector<HTMLInputElement>('#feed-url')?.select();
    }
  }

  protected async rotate(): Promise<void> {
    this.busy.set(true);
    try {
      this.rotated.set(await firstValueFrom(this.api.rotateFeed()));
      this.snackBar.open(this.i18n.t('feed.rotated'), undefined, { duration: 4000 });
    } catch (error: unknown) {
      this.snackBar.open(failureText(error, this.lang()), this.i18n.t('error.dismiss'), { duration: 8000 });
    } finally {
      this.busy.set(false);
    }
  }
}
