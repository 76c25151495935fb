import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { CALL_PHASE_LABELS, SELECTION_DECISION_LABELS } from '@madang/contracts';
import { I18nService, LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { ApplicationsService } from '@madang/web/recruitment/data-access';
import { applicationStateKey, eligibilityKey } from '@madang/web/recruitment/util';
import { DateTimePipe } from '@madang/web/ui';
import { failureText } from '@madang/web/util';

/** My applications (`/recruitment/applications`): each with its call's phase, state, screening and decision. */
@Component({
  selector: 'app-recruitment-my-applications',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, TranslatePipe, LocalizedPipe, DateTimePipe],
  template: `
    <h1 class="page-title" tabindex="-1">{{ 'recruitment.mine.title' | t: lang() }}</h1>
    <p class="page-lead">{{ 'recruitment.mine.lead' | t: lang() }}</p>
    @if (loadError(); as message) {
      <p class="form-error" role="alert">{{ message }}</p>
    }
    <ul class="apps" data-testid="my-applications">
      @for (a of applications.value() ?? []; track a.id) {
        <li [attr.data-testid]="'application-' + a.id">
          <div class="what">
            <a [routerLink]="['/recruitment/applications', a.id]">{{ a.callTitle | localized: lang() }}</a>
            <span class="muted">{{ a.groupName }} · {{ phases[a.callPhase] | localized: lang() }}</span>
          </div>
          <div class="status">
            <span class="chip" [attr.data-testid]="'application-state-' + a.id">{{
              stateKey(a.state) | t: lang()
            }}</span>
            @if (a.state === 'submitted') {
              <span class="chip">{{ eligibilityKey(a.eligibility) | t: lang() }}</span>
            }
            @if (a.decision) {
              <span class="chip strong">{{ decisions[a.decision] | localized: lang() }}</span>
            }
            <span class="muted">{{
              a.submittedAt
                ? ('recruitment.submittedAt' | t: lang() : { when: (a.submittedAt | dateTime: lang()) })
                : ('recruitment.savedAt' | t: lang() : { when: (a.updatedAt | dateTime: lang()) })
            }}</span>
          </div>
        </li>
      } @empty {
        @if (applications.hasValue()) {
          <li class="empty-state">
            {{ 'recruitment.mine.none' | t: lang() }}
            <a routerLink="/calls">{{ 'recruitment.mine.seeCalls' | t: lang() }}</a>
          </li>
        }
      }
    </ul>
  `,
  styles: `
    .apps {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .apps > li:not(.empty-state) {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 8px 16px;
      padding: 12px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .what {
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    .status {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
  `,
})
export class MyApplicationsComponent {
  private readonly service = inject(ApplicationsService);
  protected readonly lang = inject(I18nService).locale;
  protected readonly phases = CALL_PHASE_LABELS;
  protected readonly decisions = SELECTION_DECISION_LABELS;
  protected readonly stateKey = applicationStateKey;
  protected readonly eligibilityKey = eligibilityKey;
  protected readonly applications = rxResource({ stream: () => this.service.mine() });
  protected readonly loadError = computed(() =>
    this.applications.error() ? failureText(this.applications.error(), this.lang()) : null,
  );
}
