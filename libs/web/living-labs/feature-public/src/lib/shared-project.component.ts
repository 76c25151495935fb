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
import { PageMetaService, failureText, toProblem } from '@madang/web/util';

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
  private readonly pageMeta = inject(PageMetaService);
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

  constructor() {
    // The project's own words (its title and summary are written in one language by its team).
    this.pageMeta.follow(() => {
      if (!this.project.hasValue()) return null;
      const p = this.project.value();
      const lang = this.lang();
      const description = p.summary || p.problemStatement || p.resultsNote || '';
      return {
        title: p.title,
        description,
        type: 'article',
        jsonLd: {
          '@context': 'https://schema.org',
          '@type': 'WebPage',
          name: p.title,
          description,
          datePublished: p.publishedAt,
          url: this.pageMeta.absolute(`/labs/shared/${p.id}?lang=${lang}`),
          author: { '@type': 'Organization', name: p.leadName },
        },
      };
    });
  }
}
