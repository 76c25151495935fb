import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { ProjectDetail } from '@madang/contracts';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { LabsService } from '@madang/web/living-labs/data-access';
import { KrwPipe } from '@madang/web/ui';
import { of } from 'rxjs';

/** The linked settlement programme's budget lines and execution (read through the living-lab API). */
@Component({
  selector: 'app-labs-project-budget',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [KrwPipe, TranslatePipe],
  template: `
    <section class="section">
      <h2 class="section-title" id="ws-budget">{{ 'labs.ws.budget' | t: lang() }}</h2>
      @if (!project().programme) {
        <p class="muted">{{ 'labs.ws.budgetNone' | t: lang() }}</p>
      } @else if (budget.hasValue() && budget.value(); as b) {
        <p data-testid="ws-programme">
          {{ b.programme.code }} · {{ b.programme.name }} ({{ b.programme.year }})
        </p>
        @if (!b.available || !b.total) {
          <p class="muted">{{ 'labs.ws.budgetHidden' | t: lang() }}</p>
        } @else {
          <div
            class="table-scroll"
            tabindex="0"
            role="region"
            [attr.aria-label]="'labs.ws.budget' | t: lang()"
          >
            <table class="figures" data-testid="ws-budget-lines">
              <thead>
                <tr>
                  <th scope="col">{{ 'labs.ws.budgetLine' | t: lang() }}</th>
                  <th scope="col" class="num">{{ 'labs.ws.amended' | t: lang() }}</th>
                  <th scope="col" class="num">{{ 'labs.ws.executed' | t: lang() }}</th>
                  <th scope="col" class="num">{{ 'labs.ws.balance' | t: lang() }}</th>
                </tr>
              </thead>
              <tbody>
                @for (l of b.lines; track l.budgetLineId) {
                  <tr>
                    <th scope="row">{{ l.categoryName }} · {{ l.name }}</th>
                    <td class="num">{{ l.amended | krw: lang() }}</td>
                    <td class="num">{{ l.executed | krw: lang() }}</td>
                    <td class="num">{{ l.balance | krw: lang() }}</td>
                  </tr>
                }
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{{ 'labs.count' | t: lang() : { count: b.lines.length } }}</th>
                  <td class="num">{{ b.total.amended | krw: lang() }}</td>
                  <td class="num">{{ b.total.executed | krw: lang() }}</td>
                  <td class="num">{{ b.total.balance | krw: lang() }}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          @if (b.expenses.length > 0) {
            <ul class="rows">
              @for (e of b.expenses; track e.id) {
                <li>{{ e.date }} · {{ e.title }} · {{ e.amount | krw: lang() }}</li>
              }
            </ul>
          }
        }
      }
    </section>
  `,
  styleUrl: './sections.scss',
})
export class ProjectBudgetComponent {
  readonly project = input.required<ProjectDetail>();
  private readonly labs = inject(LabsService);
  protected readonly lang = inject(I18nService).locale;
  protected readonly budget = rxResource({
    params: () => (this.project().programme ? this.project().id : undefined),
    stream: ({ params }) => (params ? this.labs.budget(params) : of(null)),
  });
}
