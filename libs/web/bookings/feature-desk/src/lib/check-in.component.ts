import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { DeskService } from '@madang/web/bookings/data-access';
import { formatInstant } from '@madang/web/bookings/util';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { failureText } from '@madang/web/util';
import { firstValueFrom } from 'rxjs';

/**
 * `/bookings/:id/check-in`: the booker (or staff) checks a booking in, saying how many came. The page
 * shows its own link to print on the door or share; no QR library is installed, so no QR image.
 */
@Component({
  selector: 'app-check-in',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslatePipe],
  template: `
    <h1 class="page-title" tabindex="-1">{{ 'checkIn.title' | t: lang() }}</h1>
    @if (error(); as message) {
      <p role="alert" class="error">{{ message }}</p>
    }
    @if (info.hasValue()) {
      @let c = info.value();
      <p>{{ 'checkIn.window' | t: lang() : { opens: at(c.opens), closes: at(c.closes) } }}</p>
      @if (c.noShowDeadline && !c.checkedInAt && !c.noShowAt) {
        <p>{{ 'checkIn.noShowRule' | t: lang() : { at: at(c.noShowDeadline) } }}</p>
      }
      @if (c.checkedInAt) {
        <p class="done" data-testid="check-in-done">
          {{ 'checkIn.done' | t: lang() : { at: at(c.checkedInAt) } }}
        </p>
      } @else if (c.noShowAt) {
        <p class="error">{{ 'checkIn.noShow' | t: lang() }}</p>
      } @else {
        <form (submit)="$event.preventDefault(); submit()">
          <label
            >{{ 'checkIn.attendance' | t: lang() }}
            <input
              type="number"
              min="0"
              max="10000"
              name="attendance"
              data-testid="check-in-attendance"
              [value]="attendance()"
              (input)="attendance.set(value($event))"
          /></label>
          <button mat-flat-button type="submit" data-testid="check-in-submit" [disabled]="busy()">
            {{ 'checkIn.submit' | t: lang() }}
          </button>
        </form>
      }
      <p class="link">
        {{ 'checkIn.link' | t: lang() }} <a [href]="link()">{{ link() }}</a>
      </p>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 12px;
      max-width: 40rem;
    }
    form {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 12px;
    }
    label {
      display: grid;
      gap: 4px;
      font-weight: 500;
    }
    input {
      font: inherit;
      padding: 8px 10px;
      border-radius: 8px;
      border: 1px solid var(--mat-sys-outline);
      width: 8rem;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    .error {
      color: var(--mat-sys-error);
    }
    .done {
      font-weight: 600;
    }
    .link {
      word-break: break-all;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class CheckInComponent {
  /** The booking id (route parameter, bound by the router). */
  readonly id = input.required<string>();
  private readonly desk = inject(DeskService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly busy = signal(false);
  protected readonly attendance = signal('');
  protected readonly info = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.desk.checkInInfo(params),
  });
  protected readonly error = computed(() =>
    this.info.error() ? failureText(this.info.error(), this.lang()) : null,
  );
  protected readonly link = computed(() =>
    this.info.hasValue() ? `${globalThis.location?.origin ?? ''}${this.info.value().path}` : '',
  );

  protected at(iso: string): string {
    return formatInstant(iso, this.lang());
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected async submit(): Promise<void> {
    this.busy.set(true);
    try {
      const raw = this.attendance().trim();
      const done = await firstValueFrom(
        this.desk.checkIn(this.id(), raw === '' ? {} : { attendance: Number(raw) }),
      );
      this.info.set(done);
    } catch (error: unknown) {
      this.snackBar.open(failureText(error, this.lang()), this.i18n.t('error.dismiss'), { duration: 8000 });
    } finally {
      this.busy.set(false);
    }
  }
}
