import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { I18nService, TranslatePipe, registerMessages } from '@madang/web/i18n';
import { RecruitmentAdminService } from '@madang/web/recruitment/data-access';
import { RECRUITMENT_MESSAGES } from '@madang/web/recruitment/util';

/**
 * The approver home page's card of agreement obligations past due (recruitment:manage). Shown by
 * the shell outside the recruitment routes, so it brings its own messages.
 */
@Component({
  selector: 'app-recruitment-overdue-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe],
  template: `
    <h2 class="section-title" id="home-obligations">{{ 'recruitment.obligations.title' | t: lang() }}</h2>
    @if (obligations.value(); as list) {
      @if (list.length > 0) {
        <p data-testid="home-overdue-count">
          <strong class="alert">{{
            'recruitment.obligations.count' | t: lang() : { count: list.length }
          }}</strong>
        </p>
        <ul class="plain-list">
          @for (o of list.slice(0, 5); track o.id) {
            <li>{{ o.groupName }} · {{ o.title }} · {{ o.dueOn }}</li>
          }
        </ul>
      } @else {
        <p data-testid="home-overdue-none">{{ 'recruitment.obligations.none' | t: lang() }}</p>
      }
    }
    <a routerLink="/recruitment/manage/obligations">{{ 'recruitment.obligations.open' | t: lang() }}</a>
  `,
})
export class OverdueCardComponent {
  private readonly admin = inject(RecruitmentAdminService);
  protected readonly lang = inject(I18nService).locale;
  protected readonly obligations = rxResource({ stream: () => this.admin.overdueObligations() });

  constructor() {
    registerMessages(RECRUITMENT_MESSAGES);
  }
}
