import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { PERMISSIONS } from '@madang/contracts';
import { AuthService } from '@madang/web/session';
import { SeriesService } from '@madang/web/bookings/data-access';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { failureText } from '@madang/web/util';
import { dateLabel, ruleWords } from './series-labels';

/** The person's recurring bookings (and their groups'), newest first. */
@Component({
  selector: 'app-series-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, TranslatePipe],
  templateUrl: './series-list.component.html',
  styleUrl: './series.component.scss',
})
export class SeriesListComponent {
  private readonly series = inject(SeriesService);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  private readonly auth = inject(AuthService);
  protected readonly readsAll = computed(() => this.auth.permissions().has(PERMISSIONS.BOOKINGS_READ_ALL));
  protected readonly scope = signal<'mine' | 'all'>('mine');
  protected readonly page = rxResource({
    params: () => this.scope(),
    stream: ({ params }) => this.series.list({ scope: params, limit: 100 }),
  });
  protected readonly items = computed(() => (this.page.hasValue() ? this.page.value().items : []));
  protected readonly loadError = computed(() =>
    this.page.error() ? failureText(this.page.error(), this.lang()) : null,
  );

  protected rule(rrule: string): string {
    return ruleWords(rrule, this.lang());
  }

  protected dateLabel(date: string): string {
    return dateLabel(date, this.lang());
  }
}
