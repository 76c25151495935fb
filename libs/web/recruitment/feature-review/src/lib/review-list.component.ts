import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { I18nService, LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { ReviewsService } from '@madang/web/recruitment/data-access';
import { assignmentStateKey } from '@madang/web/recruitment/util';
import { failureText } from '@madang/web/util';

/** A reviewer's assignments (`/recruitment/reviews`), with the conflicts Madang's records suggest. */
@Component({
  selector: 'app-recruitment-review-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, LocalizedPipe],
  template: `
    <h1 class="page-title" tabindex="-1">{{ 'recruitment.reviews.title' | t: lang() }}</h1>
    <p class="page-lead">{{ 'recruitment.reviews.lead' | t: lang() }}</p>
    @if (loadError(); as message) {
      <p class="form-error" role="alert">{{ message }}</p>
    }
    <ul class="assignments" data-testid="assignments">
      @for (a of assignments.value() ?? []; track a.id) {
        <li [attr.data-testid]="'assignment-' + a.id">
          <div class="what">
            <a [routerLink]="['/recruitment/reviews', a.id]">{{ a.applicantLabel ?? a.code }}</a>
            <span class="muted">{{ a.callTitle | localized: lang() }}</span>
            @if (a.conflicts.length > 0) {
              <span class="warning" [attr.data-testid]="'assignment-warning-' + a.id">
                {{ 'recruitment.review.warned' | t: lang() : { count: a.conflicts.length } }}
              </span>
            }
          </div>
          <span class="chip" [attr.data-testid]="'assignment-state-' + a.id">{{
            stateKey(a.state) | t: lang()
          }}</span>
        </li>
      } @empty {
        @if (assignments.hasValue()) {
          <li class="empty-state">{{ 'recruitment.reviews.none' | t: lang() }}</li>
        }
      }
    </ul>
  `,
  styles: `
    .assignments {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .assignments > li:not(.empty-state) {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: center;
      gap: 8px 16px;
      padding: 12px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .what {
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    .warning {
      color: var(--mat-sys-error);
    }
  `,
})
export class ReviewListComponent {
  private readonly reviews = inject(ReviewsService);
  protected readonly lang = inject(I18nService).locale;
  protected readonly stateKey = assignmentStateKey;
  protected readonly assignments = rxResource({ stream: () => this.reviews.mine() });
  protected readonly loadError = computed(() =>
    this.assignments.error() ? failureText(this.assignments.error(), this.lang()) : null,
  );
}
