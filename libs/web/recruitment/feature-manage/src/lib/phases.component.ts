import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output } from '@angular/core';
import {
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  CALL_PHASES,
  CALL_PHASE_LABELS,
  type CallDetail,
  type CallPhase,
  type PhaseSchedule,
} from '@madang/contracts';
import { I18nService, LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { RecruitmentAdminService } from '@madang/web/recruitment/data-access';
import {
  applyRecruitmentProblem,
  formatInCentre,
  fromCentreInput,
  toCentreInput,
} from '@madang/web/recruitment/util';
import { FieldErrorPipe } from '@madang/web/ui';
import { injectFormSubmitter } from '@madang/web/util';
import { firstValueFrom } from 'rxjs';

type ScheduledPhase = Exclude<CallPhase, 'draft'>;
const SCHEDULED: readonly ScheduledPhase[] = CALL_PHASES.filter((p): p is ScheduledPhase => p !== 'draft');

/**
 * A call's phases: the dates each phase starts (moved by a job on the date) and the move by hand
 * (audited and announced by the server), with the history of moves.
 */
@Component({
  selector: 'app-recruitment-phases',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FieldErrorPipe,
    TranslatePipe,
    LocalizedPipe,
  ],
  template: `
    <section aria-labelledby="move-heading" class="move">
      <h2 id="move-heading" class="section-title">{{ 'recruitment.phases.move' | t: lang() }}</h2>
      <form class="row" [formGroup]="moveForm" (ngSubmit)="move()" novalidate>
        @if (moveSubmitter.error(); as message) {
          <p class="form-error" role="alert" tabindex="-1" data-testid="move-error">{{ message }}</p>
        }
        <mat-form-field>
          <mat-label>{{ 'recruitment.phases.to' | t: lang() }}</mat-label>
          <mat-select formControlName="to" data-testid="move-to">
            @for (p of phaseList; track p) {
              <mat-option [value]="p" [disabled]="p === call().phase">{{
                phases[p] | localized: lang()
              }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ moveForm.controls.to | fieldError: lang() }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'recruitment.phases.reason' | t: lang() }}</mat-label>
          <input matInput formControlName="reason" data-testid="move-reason" />
          <mat-error>{{ moveForm.controls.reason | fieldError: lang() }}</mat-error>
        </mat-form-field>
        <p class="form-actions">
          <button
            mat-flat-button
            type="submit"
            [disabled]="moveSubmitter.submitting()"
            data-testid="move-submit"
          >
            {{ 'recruitment.phases.moveNow' | t: lang() }}
          </button>
        </p>
      </form>
      <p class="muted">{{ 'recruitment.phases.moveNote' | t: lang() }}</p>
    </section>

    <section aria-labelledby="schedule-heading" class="section">
      <h2 id="schedule-heading" class="section-title">{{ 'recruitment.phases.schedule' | t: lang() }}</h2>
      <form [formGroup]="scheduleForm" (ngSubmit)="saveSchedule()" novalidate>
        @if (scheduleSubmitter.error(); as message) {
          <p class="form-error" role="alert" tabindex="-1">{{ message }}</p>
        }
        <div class="grid">
          @for (p of scheduled; track p) {
            <mat-form-field>
              <mat-label>{{ phases[p] | localized: lang() }}</mat-label>
              <input
                matInput
                type="datetime-local"
                [formControlName]="p"
                [attr.data-testid]="'schedule-' + p"
              />
            </mat-form-field>
          }
        </div>
        <p class="muted">{{ 'recruitment.phases.scheduleNote' | t: lang() }}</p>
        <p class="form-actions">
          <button
            mat-stroked-button
            type="submit"
            [disabled]="scheduleSubmitter.submitting()"
            data-testid="schedule-save"
          >
            {{ 'recruitment.phases.saveSchedule' | t: lang() }}
          </button>
        </p>
      </form>
    </section>

    @if (history().length > 0) {
      <section aria-labelledby="history-heading" class="section">
        <h2 id="history-heading" class="section-title">{{ 'recruitment.phases.history' | t: lang() }}</h2>
        <ol class="plain-list" data-testid="phase-history">
          @for (m of history(); track m.at) {
            <li>
              {{ when(m.at) }}: {{ phases[m.from] | localized: lang() }} →
              {{ phases[m.to] | localized: lang() }}
              <span class="muted">
                · {{ m.by ?? ('recruitment.phases.byJob' | t: lang()) }}{{ m.reason ? ' · ' + m.reason : '' }}
              </span>
            </li>
          }
        </ol>
      </section>
    }
  `,
  styles: `
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 16px;
      align-items: baseline;
      mat-form-field {
        flex: 1 1 220px;
      }
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
      gap: 0 16px;
    }
  `,
})
export class PhasesComponent {
  private readonly admin = inject(RecruitmentAdminService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly phases = CALL_PHASE_LABELS;
  protected readonly phaseList = CALL_PHASES;
  protected readonly scheduled = SCHEDULED;

  readonly call = input.required<CallDetail>();
  readonly changed = output<CallDetail>();

  protected readonly history = computed(() => [...this.call().phaseHistory].reverse());

  protected readonly moveForm = this.fb.group({
    to: this.fb.control<CallPhase | null>(null, [Validators.required]),
    reason: this.fb.control('', [Validators.maxLength(500)]),
  });
  protected readonly moveSubmitter = injectFormSubmitter(this.moveForm, {
    mapProblem: applyRecruitmentProblem,
  });

  protected readonly scheduleForm = new FormGroup(
    Object.fromEntries(SCHEDULED.map((p) => [p, new FormControl('', { nonNullable: true })])) as Record<
      ScheduledPhase,
      FormControl<string>
    >,
  );
  protected readonly scheduleSubmitter = injectFormSubmitter(this.scheduleForm, {
    mapProblem: applyRecruitmentProblem,
  });

  constructor() {
    effect(() => {
      const c = this.call();
      const later = CALL_PHASES.slice(CALL_PHASES.indexOf(c.phase) + 1);
      const next = later.find((p) => p !== 'review_interview' || c.hasInterview) ?? null;
      this.moveForm.reset({ to: next, reason: '' });
      this.scheduleForm.reset(
        Object.fromEntries(SCHEDULED.map((p) => [p, toCentreInput(c.schedule[p] ?? null)])),
      );
    });
  }

  protected when(value: string): string {
    return formatInCentre(value, this.lang());
  }

  protected async move(): Promise<void> {
    const { to, reason } = this.moveForm.getRawValue();
    if (!to) return;
    let updated: CallDetail | null = null;
    const ok = await this.moveSubmitter.submit(async () => {
      updated = await firstValueFrom(
        this.admin.movePhase(this.call().id, { to, ...(reason.trim() ? { reason: reason.trim() } : {}) }),
      );
    });
    if (ok && updated) {
      this.snackBar.open(this.i18n.t('recruitment.phases.moved'), undefined, { duration: 4000 });
      this.changed.emit(updated);
    }
  }

  protected async saveSchedule(): Promise<void> {
    const raw = this.scheduleForm.getRawValue();
    const schedule: PhaseSchedule = {};
    for (const p of SCHEDULED) schedule[p] = raw[p] ? fromCentreInput(raw[p]) : null;
    let updated: CallDetail | null = null;
    const ok = await this.scheduleSubmitter.submit(async () => {
      updated = await firstValueFrom(this.admin.setSchedule(this.call().id, { schedule }));
    });
    if (ok && updated) {
      this.snackBar.open(this.i18n.t('recruitment.phases.scheduleSaved'), undefined, { duration: 4000 });
      this.changed.emit(updated);
    }
  }
}
