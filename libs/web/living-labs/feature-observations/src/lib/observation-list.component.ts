import {
  ChangeDetectionStrategy,
  Component,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  OBSERVATION_CATEGORIES,
  OBSERVATION_CATEGORY_LABELS,
  OBSERVATION_KIND_LABELS,
  OBSERVATION_KINDS,
  OBSERVATION_STATE_LABELS,
  type PublicObservationListQuery,
} from '@madang/contracts';
import { I18nService, LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { PublicLabsService } from '@madang/web/living-labs/data-access';
import { AuthService } from '@madang/web/session';
import { DateTimePipe, PaginatorComponent } from '@madang/web/ui';
import { PageMetaService, PageState, failureText } from '@madang/web/util';

const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | undefined =>
  (list as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

/**
 * Residents' observations, public: filter by kind and category, search, newest or most supported
 * first (query parameters). Posting needs a sign-in; reading does not.
 */
@Component({
  selector: 'app-labs-observation-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatProgressBarModule,
    PaginatorComponent,
    DateTimePipe,
    LocalizedPipe,
    TranslatePipe,
  ],
  templateUrl: './observation-list.component.html',
  styleUrl: './observation-list.component.scss',
})
export class ObservationListComponent {
  readonly kind = input<string>();
  readonly category = input<string>();
  readonly sort = input<string>();
  readonly q = input<string>();

  private readonly labs = inject(PublicLabsService);
  private readonly router = inject(Router);
  protected readonly auth = inject(AuthService);
  private readonly i18n = inject(I18nService);
  private readonly pageMeta = inject(PageMetaService);
  protected readonly lang = this.i18n.locale;
  protected readonly page = new PageState([10, 25, 50]);
  protected readonly kinds = OBSERVATION_KINDS;
  protected readonly categories = OBSERVATION_CATEGORIES;
  protected readonly kindLabels = OBSERVATION_KIND_LABELS;
  protected readonly categoryLabels = OBSERVATION_CATEGORY_LABELS;
  protected readonly stateLabels = OBSERVATION_STATE_LABELS;

  protected readonly filters = computed<PublicObservationListQuery>(() => ({
    kind: oneOf(OBSERVATION_KINDS, this.kind()),
    category: oneOf(OBSERVATION_CATEGORIES, this.category()),
    sort: this.sort() === 'supported' ? 'supported' : undefined,
    q: this.q()?.trim() || undefined,
  }));
  protected readonly list = rxResource({
    params: () => ({ ...this.filters(), ...this.page.query() }),
    stream: ({ params }) => this.labs.observations(params),
  });
  protected readonly loadError = computed(() =>
    this.list.error() ? failureText(this.list.error(), this.lang()) : null,
  );

  /** False while the server renders and in the hydrating render; the filters are drawn after that. */
  protected readonly live = signal(false);

  constructor() {
    afterNextRender(() => this.live.set(true));
    effect(() => {
      this.filters();
      this.page.first();
    });
    this.pageMeta.follow(() =>
      this.list.hasValue()
        ? this.pageMeta.listPage(
            this.i18n.t('labs.obs.title'),
            this.i18n.t('labs.obs.lead'),
            this.list.value().items.map((o) => ({ name: o.title, path: `/observations/${o.id}` })),
          )
        : null,
    );
  }

  protected filter(change: Partial<Record<'kind' | 'category' | 'sort' | 'q', string>>): void {
    const f = this.filters();
    const next: Record<string, string | null> = {
      kind: f.kind ?? null,
      category: f.category ?? null,
      sort: f.sort ?? null,
      q: f.q ?? null,
    };
    for (const [key, value] of Object.entries(change)) next[key] = value ? value : null;
    void this.router.navigate([], { queryParams: next });
  }
}
