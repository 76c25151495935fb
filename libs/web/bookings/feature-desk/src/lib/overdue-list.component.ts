import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { DeskService } from '@madang/web/bookings/data-access';
import { formatInstant } from '@madang/web/bookings/util';
import { I18nService, registerMessages, TranslatePipe } from '@madang/web/i18n';
import { DESK_MESSAGES } from './desk.messages';

/** Equipment out past its return time, for the approver's home page (bookings:decide). */
@Component({
  selector: 'app-overdue-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, TranslatePipe],
  template: `
    <section class="card" aria-labelledby="overdue-title" data-testid="overdue-list">
      <h2 class="section-title" id="overdue-title">{{ 'overdue.title' | t: lang() }}</h2>
      @if (items.hasValue()) {
        <ul>
          @for (item of items.value(); track item.bookingId + item.assetId) {
            <li>
              {{
                'overdue.item'
                  | t
                    : lang()
                    : {
                        asset: item.assetName[lang()],
                        name: item.requester.displayName,
                        due: at(item.returnDue),
                      }
              }}
            </li>
          } @empty {
            <li>{{ 'overdue.none' | t: lang() }}</li>
          }
        </ul>
      }
      <a mat-stroked-button routerLink="/desk">{{ 'overdue.open' | t: lang() }}</a>
    </section>
  `,
  styles: `
    .card {
      padding: 24px;
      border-radius: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-low);
    }
    ul {
      margin: 0 0 12px;
      padding-left: 1.2em;
    }
  `,
})
export class OverdueListComponent {
  private readonly desk = inject(DeskService);
  protected readonly lang = inject(I18nService).locale;
  protected readonly items = rxResource({ stream: () => this.desk.overdue() });

  constructor() {
    // Embedded in the home page, which loads no desk route: its messages come with it.
    registerMessages(DESK_MESSAGES);
  }

  protected at(iso: string): string {
    return formatInstant(iso, this.lang());
  }
}
