import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { SettlementService } from '@madang/web/settlement/data-access';
import { formatRate, monthKey } from '@madang/web/settlement/util';
import { failureText } from '@madang/web/util';

/** What waits for the operations team: counts that link to the work, lines near their limit, deadlines. */
@Component({
  selector: 'app-settlement-home',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, TranslatePipe],
  templateUrl: './settlement-home.component.html',
  styleUrl: './settlement-home.component.scss',
})
export class SettlementHomeComponent {
  private readonly settlement = inject(SettlementService);
  protected readonly lang = inject(I18nService).locale;
  protected readonly summary = rxResource({ stream: () => this.settlement.summary() });
  protected readonly programmes = rxResource({ stream: () => this.settlement.programmes() });
  protected readonly loadError = computed(() => {
    const error = this.summary.error() ?? this.programmes.error();
    return error ? failureText(error, this.lang()) : null;
  });
  protected readonly rate = formatRate;
  protected readonly month = monthKey;
}
