import { ChangeDetectionStrategy, Component, afterNextRender, computed, inject, signal } from '@angular/core';
import { httpResource } from '@angular/common/http';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { AssetAvailability, AssetKind, AssetSummary, AvailabilityResponse } from '@madang/contracts';
import {
  PageMetaService,
  centreTimeZone,
  currentMinute,
  dateTimeFormat,
  failureText,
  renderMinute,
} from '@madang/web/util';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { IconComponent, type IconName } from '@madang/web/ui';
import {
  type CatalogueEntry,
  type FreeState,
  freeStateAt,
  groupIdenticalAssets,
  priceSummaryText,
  assetFactsText,
  NO_FILTERS,
  activeFilterCount,
  toAssetQuery,
} from '@madang/web/bookings/util';
import { CatalogueService, photoSrcset, photoVariantUrl } from '@madang/web/bookings/data-access';
import { CatalogueFiltersComponent } from './catalogue-filters.component';

/**
 * Named outside `imports` on purpose: a dependency used only inside @defer blocks (here RouterLink, in the
 * cards) is loaded by a dynamic import of its package, which pulled @angular/router's whole module chunk
 * into every page's first load. The shell loads RouterLink anyway; referenced here it stays a static import.
 */
const EAGER_DEPENDENCIES = [RouterLink] as const;

type View = 'grid' | 'list';
const VIEW_KEY = 'madang.catalogue.view';

/** The icon of a category (by its code), else of the asset's kind: shown where there is no photo. */
const CATEGORY_ICONS: Readonly<Record<string, IconName>> = {
  hall: 'eventSeat',
  'meeting-rooms': 'meetingRoom',
  studios: 'mic',
  coworking: 'desk',
};
const KIND_ICONS: Readonly<Record<AssetKind, IconName>> = {
  space: 'meetingRoom',
  equipment_item: 'videocam',
  equipment_pool: 'laptop',
};

@Component({
  selector: 'app-catalogue',
  // Hydrates without Intl (nothing formatted until someone reaches for it): see NO_INTL_AT_START.
  host: { 'data-no-intl-at-start': '' },
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ...EAGER_DEPENDENCIES,
    // Standalone pieces only in @defer blocks (the filters, Material's button and progress bar): they load
    // when first shown, not with the page.
    CatalogueFiltersComponent,
    MatButton,
    MatProgressBar,
    TranslatePipe,
    IconComponent,
  ],
  templateUrl: './catalogue.component.html',
  styleUrl: './catalogue.component.scss',
})
export class CatalogueComponent {
  private readonly catalogue = inject(CatalogueService);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly facts = assetFactsText;
  protected readonly viewOptions = [
    { view: 'grid', icon: 'gridView', label: 'catalogue.viewGrid' },
    { view: 'list', icon: 'viewList', label: 'catalogue.viewList' },
  ] as const satisfies readonly { view: View; icon: IconName; label: string }[];
  protected readonly photoSrcset = photoSrcset;
  protected readonly photoVariantUrl = photoVariantUrl;
  /** A card is a grid cell of at least 260 px: the whole width on a phone, about a third on a desk. */
  protected readonly photoSizes = '(max-width: 599px) calc(100vw - 32px), (max-width: 1279px) 45vw, 360px';
  private readonly zone = centreTimeZone();

  /**
   * Grid until the page is live: the server renders the grid (it cannot see this browser's choice), and
   * hydration needs the browser's first render to match; the remembered choice is applied right after.
   */
  protected readonly view = signal<View>('grid');

  /** The filters, as the filter form (loaded when first opened) last set them. */
  protected readonly filterValue = signal(NO_FILTERS);
  private readonly query = computed(() => toAssetQuery(this.filterValue()), {
    equal: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });

  /** Whether the filter panel is open; closed when the page opens (see the template). */
  protected readonly filtersOpen = signal(false);
  /** How many filters narrow the list, shown on the closed panel's button. */
  protected readonly activeFilters = computed(() => activeFilterCount(this.filterValue()));
  // httpResource, not rxResource: the first render in the browser gets what the server rendered with.
  protected readonly list = httpResource<AssetSummary[]>(() => this.catalogue.assetsRequest(this.query()));
  protected readonly assets = computed(() => (this.list.hasValue() ? this.list.value() : []));
  protected readonly loadError = computed(() =>
    this.list.error() ? failureText(this.list.error(), this.lang()) : null,
  );
  private readonly pageMeta = inject(PageMetaService);

  constructor() {
    afterNextRender(() => this.view.set(readView()));
    this.pageMeta.follow(() => {
      if (!this.list.hasValue()) return null;
      const lang = this.lang();
      return this.pageMeta.listPage(
        this.i18n.t('catalogue.title'),
        this.i18n.t('catalogue.lead'),
        this.assets().map((a) => ({ name: a.name[lang], path: `/catalogue/${a.id}` })),
      );
    });
  }

  /** "Now" for the first answer: the server's minute when the page came rendered (see renderMinute). */
  private firstMinute: string | null = renderMinute();

  /**
   * The moment the catalogue answers "free?" for: now, or the time asked. The first "now" is the page's
   * render minute, used once (so hydration asks what the server asked); a later one is the current minute.
   */
  protected readonly moment = computed(() => {
    const at = this.filterValue().atInstant;
    if (at) return new Date(at).toISOString();
    const first = this.firstMinute;
    this.firstMinute = null;
    return first ?? currentMinute();
  });
  protected readonly asking = computed(() => this.filterValue().atInstant !== null);

  /** Every asset's free time from the moment to a day later: one query for the whole page. */
  // The moment is whole minutes, so the server's render and the browser's first render ask the same.
  protected readonly availability = httpResource(
    () => {
      const from = this.moment();
      return this.catalogue.availabilityRequest(
        from,
        new Date(Date.parse(from) + 24 * 3_600_000).toISOString(),
      );
    },
    {
      parse: (raw) =>
        new Map(
          (raw as AvailabilityResponse).assets.map((a) => [a.assetId, a] as [string, AssetAvailability]),
        ),
    },
  );
  private readonly states = computed(() => {
    const byAsset = this.availability.hasValue() ? this.availability.value() : null;
    const at = this.moment();
    const out = new Map<string, FreeState>();
    if (!byAsset) return out;
    for (const a of this.assets()) out.set(a.id, freeStateAt(byAsset.get(a.id), at));
    return out;
  });

  /**
   * 0 while the cards are the ones first drawn (by the server, when they were), 1 once anything a card
   * shows has changed: the template then draws a new list instead of updating the server's.
   */
  protected readonly listGeneration = computed(() => {
    const shown = this.cardInputs();
    this.firstCardInputs ??= shown;
    return shown === this.firstCardInputs ? 0 : 1;
  });
  private readonly cardInputs = computed(() => [this.lang(), this.entries(), this.states(), this.asking()]);
  private firstCardInputs: unknown[] | undefined;

  protected readonly entries = computed<CatalogueEntry[]>(() => {
    const onlyFree = this.filterValue().onlyFree;
    const states = this.states();
    const assets = onlyFree ? this.assets().filter((a) => states.get(a.id)?.state === 'free') : this.assets();
    return groupIdenticalAssets(assets);
  });

  protected icon(asset: AssetSummary): IconName {
    if (asset.kind !== 'space') return KIND_ICONS[asset.kind];
    return CATEGORY_ICONS[asset.categoryCode] ?? KIND_ICONS.space;
  }

  protected toggleFilters(): void {
    this.filtersOpen.update((open) => !open);
  }

  protected state(asset: AssetSummary): FreeState | null {
    return this.states().get(asset.id) ?? null;
  }

  /** "Free now" / "Free at 15:00" / "Not free today", for a badge and a seat's name. */
  protected stateText(asset: AssetSummary): string {
    const s = this.state(asset);
    if (!s) return '';
    if (s.state === 'free') return this.i18n.t(this.asking() ? 'catalogue.freeThen' : 'catalogue.freeNow');
    if (s.state === 'later') return this.i18n.t('catalogue.freeAt', { time: this.timeText(s.at) });
    return this.i18n.t('catalogue.notFree');
  }

  protected freeCount(members: AssetSummary[]): number {
    const states = this.states();
    return members.filter((m) => states.get(m.id)?.state === 'free').length;
  }

  protected price(asset: { price: Parameters<typeof priceSummaryText>[0] }): string {
    return priceSummaryText(asset.price, this.lang());
  }

  protected setView(view: View): void {
    this.view.set(view);
    try {
      localStorage.setItem(VIEW_KEY, view);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }

  private timeText(iso: string): string {
    const d = new Date(iso);
    const day = formatter('en-CA', this.zone, false, true);
    const sameDay = day.format(d) === day.format(new Date(this.moment()));
    return formatter(this.lang() === 'ko' ? 'ko-KR' : 'en-GB', this.zone, !sameDay, false).format(d);
  }
}

/** The catalogue's time formats: a date alone (to compare days), or a time with or without its weekday. */
function formatter(
  locale: string,
  timeZone: string,
  weekday: boolean,
  dateOnly: boolean,
): Intl.DateTimeFormat {
  return dateTimeFormat(
    locale,
    dateOnly
      ? { timeZone }
      : {
          timeZone,
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
          ...(weekday ? { weekday: 'short' } : {}),
        },
  );
}

function readView(): View {
  try {
    return localStorage.getItem(VIEW_KEY) === 'list' ? 'list' : 'grid';
  } catch {
    return 'grid';
  }
}
