import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { CALL_KIND_LABELS, CALL_PHASE_LABELS, type PublicCallSummary } from '@madang/contracts';
import { I18nService, LocalizedPipe, type MessageKey, TranslatePipe } from '@madang/web/i18n';
import { PublicCallsService } from '@madang/web/recruitment/data-access';
import { formatInCentre } from '@madang/web/recruitment/util';
import { DateTimePipe } from '@madang/web/ui';
import { PageMetaService, failureText } from '@madang/web/util';

/**
 * The public list of calls (`/calls`, no sign-in): open now, then past ones with results. Uses no
 * browser-only API, so it can be rendered on the server later.
 */
@Component({
  selector: 'app-recruitment-call-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, LocalizedPipe, DateTimePipe],
  templateUrl: './call-list.component.html',
  styleUrl: './call-list.component.scss',
})
export class CallListComponent {
  private readonly calls = inject(PublicCallsService);
  private readonly i18n = inject(I18nService);
  private readonly pageMeta = inject(PageMetaService);
  protected readonly lang = this.i18n.locale;
  protected readonly kinds = CALL_KIND_LABELS;
  protected readonly phases = CALL_PHASE_LABELS;

  constructor() {
    this.pageMeta.follow(() => {
      if (!this.open.hasValue() || !this.past.hasValue()) return null;
      const lang = this.lang();
      const calls = this.groups().flatMap((g) => g.calls);
      return this.pageMeta.listPage(
        this.i18n.t('recruitment.public.title'),
        this.i18n.t('recruitment.public.lead'),
        calls.map((c) => ({ name: c.title[lang], path: `/calls/${c.id}` })),
      );
    });
  }

  protected readonly open = rxResource({
    stream: () => this.calls.calls({ scope: 'open', limit: 50 }),
  });
  protected readonly current = rxResource({
    stream: () => this.calls.calls({ scope: 'current', limit: 50 }),
  });
  protected readonly past = rxResource({
    stream: () => this.calls.calls({ scope: 'past', limit: 50 }),
  });
  protected readonly loadError = computed(() => {
    const error = this.open.error() ?? this.past.error() ?? this.current.error();
    return error ? failureText(error, this.lang()) : null;
  });
  /** Calls past their deadline and not yet with results (screening, review). */
  protected readonly inProgress = computed(() => {
    if (!this.current.hasValue()) return [];
    const shown = new Set([
      ...(this.open.value()?.items ?? []).map((c) => c.id),
      ...(this.past.value()?.items ?? []).map((c) => c.id),
    ]);
    return this.current.value().items.filter((c) => !shown.has(c.id));
  });

  /** The three lists in page order; the middle one only when it has calls. */
  protected readonly groups = computed(() => {
    const groups: {
      id: string;
      heading: MessageKey;
      empty: MessageKey | null;
      loaded: boolean;
      calls: PublicCallSummary[];
    }[] = [
      {
        id: 'open',
        heading: 'recruitment.public.open',
        empty: 'recruitment.public.noneOpen',
        loaded: this.open.hasValue(),
        calls: this.open.value()?.items ?? [],
      },
      {
        id: 'current',
        heading: 'recruitment.public.inProgress',
        empty: null,
        loaded: this.current.hasValue(),
        calls: this.inProgress(),
      },
      {
        id: 'past',
        heading: 'recruitment.public.past',
        empty: 'recruitment.public.nonePast',
        loaded: this.past.hasValue(),
        calls: this.past.value()?.items ?? [],
      },
    ];
    return groups.filter((g) => g.empty !== null || g.calls.length > 0);
  });

  protected deadline(call: PublicCallSummary): string {
    return formatInCentre(call.deadline, this.lang());
  }
}
