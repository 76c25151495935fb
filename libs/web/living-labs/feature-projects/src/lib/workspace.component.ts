import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  OBSERVATION_CATEGORY_LABELS,
  OBSERVATION_KIND_LABELS,
  PROJECT_PATH,
  PROJECT_STAGE_LABELS,
  type LabViolation,
  type ProjectDetail,
  type ProjectStage,
  type TimelineEvent,
} from '@madang/contracts';
import { I18nService, LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { LabsService } from '@madang/web/living-labs/data-access';
import {
  DateTimePipe,
  type ReasonDialogData,
  ReasonDialogComponent,
  type ReasonDialogResult,
} from '@madang/web/ui';
import { failureText, toProblem } from '@madang/web/util';
import { firstValueFrom, forkJoin } from 'rxjs';
import { ProjectBudgetComponent } from './project-budget.component';
import { ProjectExperimentsComponent } from './project-experiments.component';
import { ProjectOutcomesComponent } from './project-outcomes.component';
import { ProjectPlanComponent } from './project-plan.component';
import { ProjectTeamComponent } from './project-team.component';

type TextField = 'problemStatement' | 'resultsNote';

/**
 * A project's workspace for its team and staff: the stage stepper with each gate explained, the
 * problem statement and results note, linked observations, the timeline, and the team, plan,
 * experiments, outcomes and budget sections. Sharing publishes the public page.
 */
@Component({
  selector: 'app-labs-workspace',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ProjectTeamComponent,
    ProjectPlanComponent,
    ProjectExperimentsComponent,
    ProjectOutcomesComponent,
    ProjectBudgetComponent,
    DateTimePipe,
    LocalizedPipe,
    TranslatePipe,
  ],
  templateUrl: './workspace.component.html',
  styleUrl: './workspace.component.scss',
})
export class WorkspaceComponent {
  /** The route's `:id`. */
  readonly id = input.required<string>();
  private readonly labs = inject(LabsService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly stageLabels = PROJECT_STAGE_LABELS;
  protected readonly categoryLabels = OBSERVATION_CATEGORY_LABELS;
  protected readonly kindLabels = OBSERVATION_KIND_LABELS;
  protected readonly path = PROJECT_PATH;
  protected readonly textFields: readonly TextField[] = ['problemStatement', 'resultsNote'];
  protected readonly busy = signal(false);
  /** Gate violations the server gave for the last refused move. */
  protected readonly refused = signal<LabViolation[]>([]);
  protected readonly editing = signal<TextField | null>(null);
  protected readonly textForm = this.fb.group({ text: this.fb.control('', [Validators.maxLength(5000)]) });

  protected readonly data = rxResource({
    params: () => this.id(),
    stream: ({ params }) =>
      forkJoin({ project: this.labs.project(params), timeline: this.labs.timeline(params) }),
  });
  protected readonly project = computed<ProjectDetail | null>(() =>
    this.data.hasValue() ? this.data.value().project : null,
  );
  protected readonly timeline = computed<TimelineEvent[]>(() =>
    this.data.hasValue() ? [...this.data.value().timeline].reverse() : [],
  );
  protected readonly creatorId = computed(
    () => this.timeline().find((event) => event.kind === 'created')?.actor?.id ?? null,
  );
  protected readonly notFound = computed(() => {
    const error = this.data.error();
    return error ? toProblem(error).status === 404 : false;
  });
  protected readonly loadError = computed(() => {
    const error = this.data.error();
    return error && !this.notFound() ? failureText(error, this.lang()) : null;
  });
  /** Where each stage of the centre's path stands for this project. */
  protected readonly steps = computed(() => {
    const p = this.project();
    if (!p) return [];
    const at = PROJECT_PATH.indexOf(p.heldFrom ?? p.stage);
    return PROJECT_PATH.map((stage, index) => ({
      stage,
      state: stage === p.stage ? 'current' : at >= 0 && index < at ? 'done' : 'todo',
    }));
  });

  protected reload(): void {
    this.data.reload();
  }

  protected stageName(stage: ProjectStage): string {
    return PROJECT_STAGE_LABELS[stage][this.lang()];
  }

  protected async move(stage: ProjectStage): Promise<void> {
    const p = this.project();
    if (!p) return;
    const name = this.stageName(stage);
    const ref = this.dialog.open<ReasonDialogComponent, ReasonDialogData, ReasonDialogResult>(
      ReasonDialogComponent,
      {
        data: {
          title: this.i18n.t('labs.ws.moveTitle', { stage: name }),
          reasonLabel: this.i18n.t('labs.ws.moveReason'),
          reasonRequired: true,
          confirmLabel: this.i18n.t('labs.ws.move', { stage: name }),
          cancelLabel: this.i18n.t('labs.cancel'),
        },
      },
    );
    const result = await firstValueFrom(ref.afterClosed());
    if (!result) return;
    this.busy.set(true);
    this.refused.set([]);
    try {
      await firstValueFrom(this.labs.changeStage(p.id, { to: stage, reason: result.reason }));
      this.snackBar.open(this.i18n.t('labs.ws.moved', { stage: name }), undefined, { duration: 4000 });
      this.data.reload();
    } catch (error: unknown) {
      const problem = toProblem(error);
      const violations = Array.isArray(problem['violations'])
        ? (problem['violations'] as LabViolation[])
        : [];
      this.refused.set(violations);
      this.snackBar.open(failureText(error, this.lang()), this.i18n.t('error.dismiss'), { duration: 8000 });
    } finally {
      this.busy.set(false);
    }
  }

  protected edit(field: TextField): void {
    this.textForm.setValue({ text: this.project()?.[field] ?? '' });
    this.editing.set(field);
  }

  protected async saveText(): Promise<void> {
    const field = this.editing();
    const p = this.project();
    if (!field || !p || this.textForm.invalid) return;
    const text = this.textForm.getRawValue().text.trim();
    await this.run(() => firstValueFrom(this.labs.updateProject(p.id, { [field]: text ? text : null })));
    this.editing.set(null);
  }

  protected async share(on: boolean): Promise<void> {
    const p = this.project();
    if (!p) return;
    await this.run(() => firstValueFrom(this.labs.publish(p.id, on)), on ? 'labs.ws.shared' : 'labs.saved');
  }

  private async run(
    action: () => Promise<unknown>,
    done: 'labs.saved' | 'labs.ws.shared' = 'labs.saved',
  ): Promise<void> {
    this.busy.set(true);
    try {
      await action();
      this.snackBar.open(this.i18n.t(done), undefined, { duration: 4000 });
      this.data.reload();
    } catch (error: unknown) {
      this.snackBar.open(failureText(error, this.lang()), this.i18n.t('error.dismiss'), { duration: 8000 });
    } finally {
      this.busy.set(false);
    }
  }
}
