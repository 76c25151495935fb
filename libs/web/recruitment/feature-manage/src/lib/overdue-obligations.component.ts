import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { RecruitmentAdminService } from '@madang/web/recruitment/data-access';
import { DateTimePipe } from '@madang/web/ui';
import { failureText } from '@madang/web/util';

/** Agreement obligations past their due date (`/recruitment/manage/obligations`), oldest first. */
@Component({
  selector: 'app-recruitment-overdue-obligations',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, DateTimePipe],
  template: `
    <h1 class="page-title" tabindex="-1">{{ 'recruitment.obligations.title' | t: lang() }}</h1>
    <p class="page-lead">{{ 'recruitment.obligations.lead' | t: lang() }}</p>
    @if (loadError(); as message) {
      <p class="form-error" role="alert">{{ message }}</p>
    }
    <ul class="obligations" data-testid="overdue-obligations">
      @for (o of obligations.value() ?? []; track o.id) {
        <li [attr.data-testid]="'obligation-' + o.id">
          <strong>{{ o.title }}</strong>
          <span>{{ o.groupName }}</span>
          <span class="due">{{
            'recruitment.obligations.due' | t: lang() : { when: (o.dueOn | dateTime: lang() : 'date') }
          }}</span>
        </li>
      } @empty {
        @if (obligations.hasValue()) {
          <li class="empty-state">{{ 'recruitment.obligations.none' | t: lang() }}</li>
        }
      }
    </ul>
  `,
  styles: `
    .obligations {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .obligations > li:not(.empty-state) {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      padding: 12px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .due {
      color: var(--mat-sys-error);
    }
  `,
})
export class OverdueObligationsComponent {
  private readonly admin = inject(RecruitmentAdminService);
  protected readonly lang = inject(I18nService).locale;
  protected readonly obligations = rxResource({ stream: () => this.admin.overdueObligations() });
  protected readonly loadError = computed(() =>
    this.obligations.error() ? failureText(this.obligations.error(), this.lang()) : null,
  );
}
