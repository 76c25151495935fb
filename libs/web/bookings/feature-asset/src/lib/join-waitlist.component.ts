import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { JoinWaitlistRequest, WaitlistEntryDto } from '@madang/contracts';
import { BookingNotifyService } from '@madang/web/bookings/data-access';
import { useBookingNotifyMessages } from '@madang/web/bookings/util';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { failureText } from '@madang/web/util';
import { firstValueFrom } from 'rxjs';

/** "Join the waitlist" for a taken slot: the request the person just tried, kept in line. */
@Component({
  selector: 'app-join-waitlist',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslatePipe],
  template: `
    <div class="join" data-testid="join-waitlist">
      @if (joined(); as entry) {
        <p role="status" data-testid="waitlist-joined">
          {{ 'waitlist.joined' | t: lang() : { position: entry.position ?? 1 } }}
        </p>
      } @else {
        <p class="muted">{{ 'waitlist.joinHint' | t: lang() }}</p>
        <button
          mat-stroked-button
          type="button"
          data-testid="join-waitlist-button"
          [disabled]="busy() || !request()"
          (click)="join()"
        >
          {{ 'waitlist.join' | t: lang() }}
        </button>
        @if (error(); as message) {
          <p class="form-error" role="alert">{{ message }}</p>
        }
      }
    </div>
  `,
  styles: `
    .join {
      margin-top: 8px;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
      margin: 4px 0;
    }
  `,
})
export class JoinWaitlistComponent {
  private readonly api = inject(BookingNotifyService);
  protected readonly lang = inject(I18nService).locale;
  readonly assetId = input.required<string>();
  readonly request = input<JoinWaitlistRequest | null>(null);
  protected readonly busy = signal(false);
  protected readonly joined = signal<WaitlistEntryDto | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    useBookingNotifyMessages();
  }

  protected async join(): Promise<void> {
    const request = this.request();
    if (!request) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      this.joined.set(await firstValueFrom(this.api.joinWaitlist(this.assetId(), request)));
    } catch (error: unknown) {
      this.error.set(failureText(error, this.lang()));
    } finally {
      this.busy.set(false);
    }
  }
}
