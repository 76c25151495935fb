import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import {
  CALL_KIND_LABELS,
  CALL_PHASES,
  CALL_PHASE_LABELS,
  type CallPhase,
  type FormFieldType,
} from '@madang/contracts';
import { I18nService, LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { ApplicationsService, PublicCallsService } from '@madang/web/recruitment/data-access';
import { formatInCentre } from '@madang/web/recruitment/util';
import { AuthService } from '@madang/web/session';
import { DateTimePipe, KrwPipe } from '@madang/web/ui';
import { PageMetaService, excerpt, failureText } from '@madang/web/util';
import { of } from 'rxjs';

interface TimelineStep {
  phase: CallPhase;
  at: string | null;
  state: 'done' | 'current' | 'next';
}

/**
 * Used only in the page's @defer block, and named here on purpose: a dependency used only in a @defer block
 * from a shared library is loaded by a dynamic import of that library's whole index, and the block is
 * there to be hydrated later, not to load later.
 */
const EAGER_DEPENDENCIES = [DateTimePipe, KrwPipe] as const;

/**
 * One call's public page (`/calls/:id`, no sign-in): what it offers, its phases, the form's
 * questions (for signed-in visitors) and the published results. No browser-only API.
 */
@Component({
  selector: 'app-recruitment-call-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, LocalizedPipe, ...EAGER_DEPENDENCIES],
  templateUrl: './call-page.component.html',
  styleUrl: './call-page.component.scss',
})
export class CallPageComponent {
  private readonly calls = inject(PublicCallsService);
  private readonly applications = inject(ApplicationsService);
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(I18nService);
  private readonly pageMeta = inject(PageMetaService);
  protected readonly lang = this.i18n.locale;
  protected readonly kinds = CALL_KIND_LABELS;
  protected readonly phases = CALL_PHASE_LABELS;
  protected readonly signedIn = this.auth.isSignedIn;

  readonly id = input.required<string>();

  constructor() {
    // Title, summary and deadline; schema.org WebPage (a call is not an Event: it has a deadline, no gathering).
    this.pageMeta.follow(() => {
      if (!this.call.hasValue()) return null;
      const call = this.call.value();
      const lang = this.lang();
      const deadline = this.i18n.t('recruitment.deadlineAt', { when: this.when(call.deadline) });
      const summary = call.summary[lang] || call.body[lang];
      const description = `${excerpt(summary, 145 - deadline.length)} · ${deadline}`;
      return {
        title: call.title[lang],
        description,
        type: 'article',
        jsonLd: {
          '@context': 'https://schema.org',
          '@type': 'WebPage',
          name: call.title[lang],
          description,
          inLanguage: lang,
          url: this.pageMeta.absolute(`/calls/${call.id}?lang=${lang}`),
        },
      };
    });
  }

  protected readonly call = rxResource({
    params: () => ({ id: this.id() }),
    stream: ({ params }) => this.calls.call(params.id),
  });
  /** The form's questions; the public API does not carry them, the signed-in one does. */
  protected readonly form = rxResource({
    params: () => ({ id: this.id(), signedIn: this.signedIn() }),
    stream: ({ params }) => (params.signedIn ? this.applications.form(params.id) : of(null)),
  });
  protected readonly loadError = computed(() =>
    this.call.error() ? failureText(this.call.error(), this.lang()) : null,
  );

  protected readonly timeline = computed<TimelineStep[]>(() => {
    if (!this.call.hasValue()) return [];
    const call = this.call.value();
    const current = CALL_PHASES.indexOf(call.phase);
    return CALL_PHASES.filter((phase) => phase !== 'draft')
      .filter((phase) => phase !== 'review_interview' || call.schedule.review_interview !== undefined)
      .map((phase) => {
        const index = CALL_PHASES.indexOf(phase);
        return {
          phase,
          at: call.schedule[phase as Exclude<CallPhase, 'draft'>] ?? null,
          state: index < current ? 'done' : index === current ? 'current' : 'next',
        };
      });
  });

  protected when(value: string): string {
    return formatInCentre(value, this.lang());
  }

  protected typeKey(type: FormFieldType): `recruitment.fieldType.${FormFieldType}` {
    return `recruitment.fieldType.${type}`;
  }
}
