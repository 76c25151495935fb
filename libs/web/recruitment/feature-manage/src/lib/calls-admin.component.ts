import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { CALL_KIND_LABELS, CALL_PHASES, CALL_PHASE_LABELS, type CallPhase } from '@madang/contracts';
import { I18nService, LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { RecruitmentAdminService } from '@madang/web/recruitment/data-access';
import { formatInCentre } from '@madang/web/recruitment/util';
import { PaginatorComponent } from '@madang/web/ui';
import { PageState, failureText } from '@madang/web/util';

/** Every call (`/recruitment/manage`), filtered by phase, with the way to a new one. */
@Component({
  selector: 'app-recruitment-calls-admin',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    PaginatorComponent,
    TranslatePipe,
    LocalizedPipe,
  ],
  template: `
    <div class="section-head">
      <h1 class="page-title" tabindex="-1">{{ 'recruitment.manage.title' | t: lang() }}</h1>
      <a mat-flat-button routerLink="/recruitment/manage/calls/new" data-testid="new-call">{{
        'recruitment.manage.newCall' | t: lang()
      }}</a>
    </div>
    <p class="page-lead">{{ 'recruitment.manage.lead' | t: lang() }}</p>
    <div class="filters">
      <mat-form-field>
        <mat-label>{{ 'recruitment.phase' | t: lang() }}</mat-label>
        <mat-select
          [ngModel]="phase()"
          (ngModelChange)="phase.set($event); page.first()"
          data-testid="phase-filter"
        >
          <mat-option [value]="null">{{ 'recruitment.any' | t: lang() }}</mat-option>
          @for (p of phaseList; track p) {
            <mat-option [value]="p">{{ phases[p] | localized: lang() }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </div>
    @if (loadError(); as message) {
      <p class="form-error" role="alert">{{ message }}</p>
    }
    <div
      class="table-scroll"
      tabindex="0"
      role="region"
      [attr.aria-label]="'recruitment.manage.title' | t: lang()"
    >
      <table class="calls" data-testid="calls-table">
        <thead>
          <tr>
            <th scope="col">{{ 'recruitment.manage.call' | t: lang() }}</th>
            <th scope="col">{{ 'recruitment.phase' | t: lang() }}</th>
            <th scope="col">{{ 'recruitment.deadline' | t: lang() }}</th>
            <th scope="col">{{ 'recruitment.manage.applications' | t: lang() }}</th>
          </tr>
        </thead>
        <tbody>
          @for (c of calls.value()?.items ?? []; track c.id) {
            <tr [attr.data-testid]="'call-row-' + c.id">
              <th scope="row">
                <a [routerLink]="['/recruitment/manage/calls', c.id]">{{ c.title | localized: lang() }}</a>
                <br /><span class="muted">{{ kinds[c.kind] | localized: lang() }}</span>
              </th>
              <td>{{ phases[c.phase] | localized: lang() }}</td>
              <td>{{ when(c.deadline) }}</td>
              <td>{{ c.applicationCount }}</td>
            </tr>
          } @empty {
            @if (calls.hasValue()) {
              <tr>
                <td colspan="4" class="empty-state">{{ 'recruitment.manage.none' | t: lang() }}</td>
              </tr>
            }
          }
        </tbody>
      </table>
    </div>
    @if (calls.value(); as p) {
      <app-paginator [state]="page" [total]="p.total" />
    }
  `,
  styles: `
    .calls {
      border-collapse: collapse;
      th,
      td {
        padding: 10px 12px;
        text-align: start;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
        vertical-align: top;
      }
    }
  `,
})
export class CallsAdminComponent {
  private readonly admin = inject(RecruitmentAdminService);
  protected readonly lang = inject(I18nService).locale;
  protected readonly kinds = CALL_KIND_LABELS;
  protected readonly phases = CALL_PHASE_LABELS;
  protected readonly phaseList = CALL_PHASES;
  protected readonly page = new PageState();
  protected readonly phase = signal<CallPhase | null>(null);
  protected readonly calls = rxResource({
    params: () => ({ ...this.page.query(), phase: this.phase() ?? undefined }),
    stream: ({ params }) => this.admin.calls(params),
  });
  protected readonly loadError = computed(() =>
    this.calls.error() ? failureText(this.calls.error(), this.lang()) : null,
  );

  protected when(value: string): string {
    return formatInCentre(value, this.lang());
  }
}
