import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  OBSERVATION_CATEGORY_LABELS,
  PERMISSIONS,
  PROJECT_STAGE_LABELS,
  PROJECT_STAGES,
} from '@madang/contracts';
import { I18nService, LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { LabsService } from '@madang/web/living-labs/data-access';
import { AuthService } from '@madang/web/session';
import { DateTimePipe, PaginatorComponent } from '@madang/web/ui';
import { PageState, failureText } from '@madang/web/util';

/** Projects I lead or work on; staff may switch to every project and start one. */
@Component({
  selector: 'app-labs-project-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatSelectModule,
    MatProgressBarModule,
    PaginatorComponent,
    DateTimePipe,
    LocalizedPipe,
    TranslatePipe,
  ],
  templateUrl: './project-list.component.html',
  styleUrl: './labs-shared.scss',
})
export class ProjectListComponent {
  readonly scope = input<string>();
  readonly stage = input<string>();

  private readonly labs = inject(LabsService);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthService);
  protected readonly lang = inject(I18nService).locale;
  protected readonly page = new PageState([25, 50, 100]);
  protected readonly stages = PROJECT_STAGES;
  protected readonly stageLabels = PROJECT_STAGE_LABELS;
  protected readonly categoryLabels = OBSERVATION_CATEGORY_LABELS;
  protected readonly staff = computed(() => this.auth.permissions().has(PERMISSIONS.LABS_MANAGE));

  protected readonly query = computed(() => ({
    scope: this.staff() && this.scope() === 'all' ? ('all' as const) : ('mine' as const),
    stage: PROJECT_STAGES.find((s) => s === this.stage()),
  }));
  protected readonly list = rxResource({
    params: () => ({ ...this.query(), ...this.page.query() }),
    stream: ({ params }) => this.labs.projects(params),
  });
  protected readonly loadError = computed(() =>
    this.list.error() ? failureText(this.list.error(), this.lang()) : null,
  );

  constructor() {
    effect(() => {
      this.query();
      this.page.first();
    });
  }

  protected filter(change: Partial<Record<'scope' | 'stage', string>>): void {
    const q = this.query();
    const next: Record<string, string | null> = {
      scope: q.scope === 'all' ? 'all' : null,
      stage: q.stage ?? null,
    };
    for (const [key, value] of Object.entries(change)) next[key] = value ? value : null;
    void this.router.navigate([], { queryParams: next });
  }
}
