import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DeskService } from '@madang/web/bookings/data-access';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { centreToday, failureText } from '@madang/web/util';
import { DeskItemComponent } from './desk-item.component';

/** The equipment desk: one day's hand-outs and returns, and everything overdue. */
@Component({
  selector: 'app-desk',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBarModule, TranslatePipe, DeskItemComponent],
  template: `
    <h1 class="page-title" tabindex="-1">{{ 'desk.title' | t: lang() }}</h1>
    <p class="page-lead">{{ 'desk.lead' | t: lang() }}</p>
    <label class="date"
      >{{ 'desk.date' | t: lang() }}
      <input type="date" data-testid="desk-date" [value]="date()" (change)="pick($event)"
    /></label>
    @if (day.isLoading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (error(); as message) {
      <p role="alert" class="error">{{ message }}</p>
    }
    @if (day.hasValue()) {
      <section aria-labelledby="desk-out">
        <h2 class="section-title" id="desk-out">{{ 'desk.handOuts' | t: lang() }}</h2>
        @for (item of toHandOut(); track item.bookingId + item.assetId) {
          <app-desk-item [item]="item" [mode]="item.custody ? 'view' : 'out'" (changed)="day.reload()" />
        } @empty {
          <p>{{ 'desk.none' | t: lang() }}</p>
        }
      </section>
      <section aria-labelledby="desk-in">
        <h2 class="section-title" id="desk-in">{{ 'desk.returns' | t: lang() }}</h2>
        @for (item of day.value().returns; track item.bookingId + item.assetId) {
          <app-desk-item
            [item]="item"
            [mode]="item.custody && !item.custody.returnedAt ? 'in' : 'view'"
            (changed)="day.reload()"
          />
        } @empty {
          <p>{{ 'desk.none' | t: lang() }}</p>
        }
      </section>
      <section aria-labelledby="desk-late">
        <h2 class="section-title" id="desk-late">{{ 'desk.overdue' | t: lang() }}</h2>
        @for (item of day.value().overdue; track item.bookingId + item.assetId) {
          <app-desk-item [item]="item" mode="view" />
        } @empty {
          <p>{{ 'desk.none' | t: lang() }}</p>
        }
      </section>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 16px;
    }
    section {
      display: grid;
      gap: 12px;
    }
    .date {
      display: grid;
      gap: 4px;
      max-width: 14rem;
      font-weight: 500;
    }
    .date input {
      font: inherit;
      padding: 8px 10px;
      border-radius: 8px;
      border: 1px solid var(--mat-sys-outline);
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class DeskComponent {
  private readonly desk = inject(DeskService);
  protected readonly lang = inject(I18nService).locale;
  protected readonly date = signal(centreToday());
  protected readonly day = rxResource({
    params: () => this.date(),
    stream: ({ params }) => this.desk.day(params),
  });
  /** Starting that day; returned ones are in the returns list. */
  protected readonly toHandOut = computed(() =>
    this.day.hasValue() ? this.day.value().handOuts.filter((i) => !i.custody || !i.custody.returnedAt) : [],
  );
  protected readonly error = computed(() =>
    this.day.error() ? failureText(this.day.error(), this.lang()) : null,
  );

  protected pick(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) this.date.set(value);
  }
}
