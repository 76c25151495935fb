import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  LAB_TEAM_LABELS,
  LAB_TEAMS,
  OBSERVATION_CATEGORY_LABELS,
  OBSERVATION_STATE_LABELS,
  OBSERVATION_STATES,
  type ObservationListQuery,
} from '@madang/contracts';
import { I18nService, LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { LabsService } from '@madang/web/living-labs/data-access';
import { DateTimePipe, PaginatorComponent } from '@madang/web/ui';
import { PageState, failureText } from '@madang/web/util';
import { PromiseBadgeComponent } from './promise-badge.component';

const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | undefined =>
  (list as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

/**
 * Staff's inbox (labs:manage): every observation with its two promises — acknowledgement and
 * answer — as "due in", "late by" or "answered"; filter by team, state and late-only.
 */
@Component({
  selector: 'app-labs-inbox',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatSelectModule,
    MatProgressBarModule,
    PaginatorComponent,
    PromiseBadgeComponent,
    DateTimePipe,
    LocalizedPipe,
    TranslatePipe,
  ],
  templateUrl: './inbox.component.html',
  styleUrl: './inbox.component.scss',
})
export class InboxComponent {
  readonly team = input<string>();
  readonly state = input<string>();
  readonly late = input<string>();

  private readonly labs = inject(LabsService);
  private readonly router = inject(Router);
  protected readonly lang = inject(I18nService).locale;
  protected readonly page = new PageState([25, 50, 100]);
  protected readonly teams = LAB_TEAMS;
  protected readonly states = OBSERVATION_STATES;
  protected readonly teamLabels = LAB_TEAM_LABELS;
  protected readonly stateLabels = OBSERVATION_STATE_LABELS;
  protected readonly categoryLabels = OBSERVATION_CATEGORY_LABELS;
  protected readonly now = new Date();

  protected readonly filters = computed<ObservationListQuery>(() => ({
    scope: 'all',
    team: oneOf(LAB_TEAMS, this.team()),
    state: oneOf(OBSERVATION_STATES, this.state()),
    late: this.late() === 'true' ? true : undefined,
  }));
  protected readonly list = rxResource({
    params: () => ({ ...this.filters(), ...this.page.query() }),
    stream: ({ params }) => this.labs.observations(params),
  });
  protected readonly loadError = computed(() =>
    this.list.error() ? failureText(this.list.error(), this.lang()) : null,
  );

  constructor() {
    effect(() => {
      this.filters();
      this.page.first();
    });
  }

  protected filter(change: Partial<Record<'team' | 'state' | 'late', string>>): void {
    const f = this.filters();
    const next: Record<string, string | null> = {
      team: f.team ?? null,
      state: f.state ?? null,
      late: f.late ? 'true' : null,
    };
    for (const [key, value] of Object.entries(change)) next[key] = value ? value : null;
    void this.router.navigate([], { queryParams: next });
  }
}
