import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatTabsModule } from '@angular/material/tabs';
import { Router, RouterLink } from '@angular/router';
import { CALL_KIND_LABELS, CALL_PHASE_LABELS, type CallDetail } from '@madang/contracts';
import { I18nService, LocalizedPipe, type MessageKey, TranslatePipe } from '@madang/web/i18n';
import { RecruitmentAdminService } from '@madang/web/recruitment/data-access';
import { formatInCentre } from '@madang/web/recruitment/util';
import { failureText } from '@madang/web/util';
import { AgreementsTabComponent } from './agreements-tab.component';
import { ApplicationsTabComponent } from './applications-tab.component';
import { CallEditorComponent } from './call-editor.component';
import { FormBuilderComponent } from './form-builder.component';
import { ObjectionsTabComponent } from './objections-tab.component';
import { PhasesComponent } from './phases.component';
import { RankingTabComponent } from './ranking-tab.component';
import { ReviewersTabComponent } from './reviewers-tab.component';
import { RubricEditorComponent } from './rubric-editor.component';

const TABS = [
  'overview',
  'form',
  'rubric',
  'applications',
  'reviewers',
  'ranking',
  'objections',
  'agreements',
] as const;
type Tab = (typeof TABS)[number];

/**
 * One call's workbench (`/recruitment/manage/calls/:id`): phases and details, the form builder,
 * the rubric, screening, reviewers, ranking with decisions, objections and agreements, one tab
 * each (the open tab is kept in `?tab=` so a link opens it).
 */
@Component({
  selector: 'app-recruitment-call-manage',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatTabsModule,
    TranslatePipe,
    LocalizedPipe,
    PhasesComponent,
    CallEditorComponent,
    FormBuilderComponent,
    RubricEditorComponent,
    ApplicationsTabComponent,
    ReviewersTabComponent,
    RankingTabComponent,
    ObjectionsTabComponent,
    AgreementsTabComponent,
  ],
  template: `
    <p class="crumbs">
      <a routerLink="/recruitment/manage">{{ 'recruitment.manage.title' | t: lang() }}</a>
    </p>
    @if (loadError(); as message) {
      <h1 class="page-title" tabindex="-1">{{ 'recruitment.manage.callTitle' | t: lang() }}</h1>
      <p class="form-error" role="alert">{{ message }}</p>
    }
    @if (call.value(); as c) {
      <h1 class="page-title" tabindex="-1" data-testid="manage-title">{{ c.title | localized: lang() }}</h1>
      <p class="page-lead">
        {{ kinds[c.kind] | localized: lang() }} ·
        <strong data-testid="manage-phase">{{ phases[c.phase] | localized: lang() }}</strong> ·
        {{ 'recruitment.deadlineAt' | t: lang() : { when: when(c.deadline) } }} ·
        <a [routerLink]="['/calls', c.id]">{{ 'recruitment.manage.publicPage' | t: lang() }}</a>
      </p>
      <mat-tab-group
        [selectedIndex]="index()"
        (selectedIndexChange)="select($event)"
        mat-stretch-tabs="false"
        animationDuration="0ms"
        data-testid="manage-tabs"
      >
        @for (t of tabs; track t) {
          <mat-tab [label]="tabLabel(t) | t: lang()" [aria-label]="tabLabel(t) | t: lang()">
            <ng-template matTabContent>
              <div class="tab-body" [attr.data-testid]="'tab-' + t">
                @switch (t) {
                  @case ('overview') {
                    <app-recruitment-phases [call]="c" (changed)="call.set($event)" />
                    <h2 class="section-title section">{{ 'recruitment.manage.details' | t: lang() }}</h2>
                    <app-recruitment-call-editor [call]="c" (saved)="call.set($event)" />
                  }
                  @case ('form') {
                    <app-recruitment-form-builder [call]="c" />
                  }
                  @case ('rubric') {
                    <app-recruitment-rubric-editor [call]="c" />
                  }
                  @case ('applications') {
                    <app-recruitment-applications-tab [call]="c" />
                  }
                  @case ('reviewers') {
                    <app-recruitment-reviewers-tab [call]="c" />
                  }
                  @case ('ranking') {
                    <app-recruitment-ranking-tab [call]="c" />
                  }
                  @case ('objections') {
                    <app-recruitment-objections-tab [call]="c" />
                  }
                  @case ('agreements') {
                    <app-recruitment-agreements-tab [call]="c" />
                  }
                }
              </div>
            </ng-template>
          </mat-tab>
        }
      </mat-tab-group>
    }
  `,
  styles: `
    .crumbs {
      margin: 0 0 8px;
    }
    .tab-body {
      padding: 16px 0;
    }
  `,
})
export class CallManageComponent {
  private readonly admin = inject(RecruitmentAdminService);
  private readonly router = inject(Router);
  protected readonly lang = inject(I18nService).locale;
  protected readonly kinds = CALL_KIND_LABELS;
  protected readonly phases = CALL_PHASE_LABELS;
  protected readonly tabs = TABS;

  readonly id = input.required<string>();
  /** `?tab=`: the open tab. */
  readonly tab = input<string | undefined>();

  protected readonly call = rxResource<CallDetail, { id: string }>({
    params: () => ({ id: this.id() }),
    stream: ({ params }) => this.admin.call(params.id),
  });
  protected readonly index = computed(() => Math.max(0, TABS.indexOf((this.tab() ?? 'overview') as Tab)));
  protected readonly loadError = computed(() =>
    this.call.error() ? failureText(this.call.error(), this.lang()) : null,
  );

  protected tabLabel(t: Tab): MessageKey {
    return `recruitment.tab.${t}`;
  }

  protected select(index: number): void {
    void this.router.navigate([], { queryParams: { tab: TABS[index] }, replaceUrl: true });
  }

  protected when(value: string): string {
    return formatInCentre(value, this.lang());
  }
}
