import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  COMMITMENT_KIND_LABELS,
  EXPERIMENT_VERDICT_LABELS,
  MILESTONE_STATUS_LABELS,
  OBSERVATION_CATEGORY_LABELS,
  OBSERVATION_KIND_LABELS,
  OUTCOME_TYPE_LABELS,
  PARTNER_SECTOR_LABELS,
  PARTNER_STATUS_LABELS,
  PROJECT_STAGE_LABELS,
} from '@madang/contracts';
import { I18nService, LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { PublicLabsService } from '@madang/web/living-labs/data-access';
import { LabMetricChartComponent } from '@madang/web/living-labs/util';
import { DateTimePipe } from '@madang/web/ui';
import { failureText, toProblem } from '@madang/web/util';

/**
 * A shared project's public page: the problem (from residents' observations), experiments with
 * their verdicts and metric charts against baseline and target, partners, verified outcomes and
 * downloads. The API leaves out every person's name; this page shows only what it gets.
 */
@Component({
  selector: 'app-labs-shared-project',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    LabMetricChartComponent,
    DateTimePipe,
    LocalizedPipe,
    TranslatePipe,
  ],
  templateUrl: './shared-project.component.html',
  styleUrl: './shared-project.component.scss',
})
export class SharedProjectComponent {
  /** The route's `:id`. */
  readonly id = input.required<string>();
  private readonly labs = inject(PublicLabsService);
  protected readonly lang = inject(I18nService).locale;
  protected readonly stageLabels = PROJECT_STAGE_LABELS;
  protected readonly categoryLabels = OBSERVATION_CATEGORY_LABELS;
  protected readonly kindLabels = OBSERVATION_KIND_LABELS;
  protected readonly verdictLabels = EXPERIMENT_VERDICT_LABELS;
  protected readonly sectorLabels = PARTNER_SECTOR_LABELS;
  protected readonly partnerStatusLabels = PARTNER_STATUS_LABELS;
  protected readonly commitmentLabels = COMMITMENT_KIND_LABELS;
  protected readonly outcomeLabels = OUTCOME_TYPE_LABELS;
  protected readonly milestoneLabels = MILESTONE_STATUS_LABELS;

  protected readonly project = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.labs.project(params),
  });
  protected readonly notFound = computed(() => {
    const error = this.project.error();
    return error ? toProblem(error).status === 404 : false;
  });
  protected readonly loadError = computed(() => {
    const error = this.project.error();
    return error && !this.notFound() ? failureText(error, this.lang()) : null;
  });
}
