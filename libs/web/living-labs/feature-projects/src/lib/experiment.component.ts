import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  EXPERIMENT_VERDICT_LABELS,
  EXPERIMENT_VERDICTS,
  METRIC_DIRECTIONS,
  type Decision,
  type ExperimentDetail,
  type ExperimentVerdict,
  type MetricDirection,
} from '@madang/contracts';
import { I18nService, LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { LabsService } from '@madang/web/living-labs/data-access';
import { LabMetricChartComponent } from '@madang/web/living-labs/util';
import { DateTimePipe, FieldErrorPipe } from '@madang/web/ui';
import { failureText, injectFormSubmitter, toProblem } from '@madang/web/util';
import { firstValueFrom, of } from 'rxjs';
import { EvidenceUploadComponent } from './evidence-upload.component';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** A `datetime-local` value (the browser's wall clock) as an ISO instant. */
function instant(local: string): string {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

/**
 * One experiment, the ledger no other system keeps: hypothesis and intervention, its sites as
 * real bookings (booked here through the booking engine — a taken slot is a clear 409 — or an
 * existing booking linked), participants with consent (names for the team only), metrics with
 * readings charted against baseline and target, and the verdict with the lesson learned.
 */
@Component({
  selector: 'app-labs-experiment',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    LabMetricChartComponent,
    EvidenceUploadComponent,
    DateTimePipe,
    FieldErrorPipe,
    LocalizedPipe,
    TranslatePipe,
  ],
  templateUrl: './experiment.component.html',
  styleUrl: './experiment.component.scss',
})
export class ExperimentComponent {
  /** The route's `:id`. */
  readonly id = input.required<string>();
  private readonly labs = inject(LabsService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly verdicts = EXPERIMENT_VERDICTS;
  protected readonly verdictLabels = EXPERIMENT_VERDICT_LABELS;
  protected readonly directions = METRIC_DIRECTIONS;
  protected readonly busy = signal(false);
  /** The booking engine refused the slot (409): shown beside the booking form until the next try. */
  protected readonly conflict = signal<string | null>(null);

  protected readonly experiment = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.labs.experiment(params),
  });
  protected readonly detail = computed<ExperimentDetail | null>(() =>
    this.experiment.hasValue() ? this.experiment.value() : null,
  );
  protected readonly project = rxResource({
    params: () => this.detail()?.projectId,
    stream: ({ params }) => (params ? this.labs.project(params) : of(null)),
  });
  protected readonly canEdit = computed(
    () =>
      (this.project.hasValue() && this.project.value()?.canEdit) === true &&
      this.detail()?.status !== 'concluded',
  );
  protected readonly participants = rxResource({
    params: () => (this.project.hasValue() && this.project.value()?.canEdit ? this.id() : undefined),
    stream: ({ params }) => (params ? this.labs.participants(params) : of([])),
  });
  protected readonly sites = rxResource({
    params: () => (this.canEdit() ? true : undefined),
    stream: ({ params }) => (params ? this.labs.sites() : of([])),
  });
  protected readonly notFound = computed(() => {
    const error = this.experiment.error();
    return error ? toProblem(error).status === 404 : false;
  });
  protected readonly loadError = computed(() => {
    const error = this.experiment.error();
    return error && !this.notFound() ? failureText(error, this.lang()) : null;
  });
  protected readonly chartable = computed(() =>
    (this.detail()?.metrics ?? []).map((m) => ({
      ...m,
      readings: m.readings.map((r) => ({ measuredOn: r.measuredOn, value: r.value })),
    })),
  );

  protected readonly bookForm = this.fb.group({
    assetId: this.fb.control('', [Validators.required]),
    start: this.fb.control('', [Validators.required]),
    end: this.fb.control('', [Validators.required]),
    attendees: this.fb.control(10, [Validators.required, Validators.min(1), Validators.max(10000)]),
    purpose: this.fb.control('', [Validators.required, Validators.maxLength(500)]),
  });
  protected readonly bookSubmitter = injectFormSubmitter(this.bookForm);
  protected readonly linkForm = this.fb.group({
    bookingId: this.fb.control('', [Validators.required, Validators.pattern(UUID)]),
  });
  protected readonly linkSubmitter = injectFormSubmitter(this.linkForm);
  protected readonly consentForm = this.fb.group({
    name: this.fb.control('', [Validators.required, Validators.maxLength(200)]),
    contact: this.fb.control('', [Validators.maxLength(200)]),
    consentNote: this.fb.control('', [Validators.required, Validators.maxLength(1000)]),
  });
  protected readonly consentSubmitter = injectFormSubmitter(this.consentForm);
  protected readonly metricForm = this.fb.group({
    name: this.fb.control('', [Validators.required, Validators.maxLength(200)]),
    unit: this.fb.control('', [Validators.required, Validators.maxLength(50)]),
    baseline: this.fb.control('', [Validators.required, Validators.pattern(NUMBER)]),
    target: this.fb.control('', [Validators.required, Validators.pattern(NUMBER)]),
    direction: this.fb.control<MetricDirection>('increase'),
  });
  protected readonly metricSubmitter = injectFormSubmitter(this.metricForm);
  protected readonly readingForm = this.fb.group({
    metricId: this.fb.control('', [Validators.required]),
    measuredOn: this.fb.control('', [Validators.required]),
    value: this.fb.control('', [Validators.required, Validators.pattern(NUMBER)]),
    note: this.fb.control('', [Validators.maxLength(500)]),
  });
  protected readonly readingSubmitter = injectFormSubmitter(this.readingForm);
  protected readonly verdictForm = this.fb.group({
    verdict: this.fb.control<ExperimentVerdict | ''>('', [Validators.required]),
    lesson: this.fb.control('', [Validators.required, Validators.maxLength(5000)]),
  });
  protected readonly verdictSubmitter = injectFormSubmitter(this.verdictForm);

  protected decisionKey(
    decision: Decision,
  ):
    | 'labs.decision.pending'
    | 'labs.decision.approved'
    | 'labs.decision.rejected'
    | 'labs.decision.cancelled' {
    return `labs.decision.${decision}`;
  }

  protected statusKey(): 'labs.exp.planned' | 'labs.exp.running' | 'labs.exp.concluded' {
    const status = this.detail()?.status;
    return status === 'running'
      ? 'labs.exp.running'
      : status === 'concluded'
        ? 'labs.exp.concluded'
        : 'labs.exp.planned';
  }

  protected async book(): Promise<void> {
    const v = this.bookForm.getRawValue();
    this.conflict.set(null);
    const site = this.sites.value()?.find((s) => s.id === v.assetId);
    const ok = await this.bookSubmitter.submit(async () => {
      try {
        await firstValueFrom(
          this.labs.bookSite(this.id(), {
            items: [{ assetId: v.assetId, quantity: 1 }],
            start: instant(v.start),
            end: instant(v.end),
            attendees: v.attendees,
            purpose: v.purpose.trim(),
          }),
        );
      } catch (error: unknown) {
        if (toProblem(error).status === 409) this.conflict.set(this.i18n.t('labs.exp.conflict'));
        throw error;
      }
    });
    if (!ok) return;
    this.snackBar.open(
      this.i18n.t('labs.exp.booked', { site: site ? site.name[this.lang()] : '' }),
      undefined,
      {
        duration: 4000,
      },
    );
    this.experiment.reload();
  }

  protected async link(directive: FormGroupDirective): Promise<void> {
    const { bookingId } = this.linkForm.getRawValue();
    const ok = await this.linkSubmitter.submit(() =>
      firstValueFrom(this.labs.linkBooking(this.id(), bookingId.trim())),
    );
    if (!ok) return;
    directive.resetForm();
    this.experiment.reload();
  }

  protected async unlink(bookingId: string): Promise<void> {
    await this.act(() => firstValueFrom(this.labs.unlinkBooking(this.id(), bookingId)));
  }

  protected async recordConsent(directive: FormGroupDirective): Promise<void> {
    const v = this.consentForm.getRawValue();
    const ok = await this.consentSubmitter.submit(() =>
      firstValueFrom(
        this.labs.recordConsent(this.id(), {
          name: v.name.trim(),
          consentNote: v.consentNote.trim(),
          ...(v.contact.trim() ? { contact: v.contact.trim() } : {}),
        }),
      ),
    );
    if (!ok) return;
    directive.resetForm();
    this.participants.reload();
    this.experiment.reload();
  }

  protected async withdraw(participantId: string): Promise<void> {
    await this.act(() => firstValueFrom(this.labs.withdrawConsent(participantId)));
    this.participants.reload();
  }

  protected async addMetric(directive: FormGroupDirective): Promise<void> {
    const v = this.metricForm.getRawValue();
    const ok = await this.metricSubmitter.submit(() =>
      firstValueFrom(
        this.labs.addMetric(this.id(), {
          name: v.name.trim(),
          unit: v.unit.trim(),
          baseline: Number(v.baseline),
          target: Number(v.target),
          direction: v.direction,
        }),
      ),
    );
    if (!ok) return;
    directive.resetForm();
    this.experiment.reload();
  }

  protected async addReading(directive: FormGroupDirective): Promise<void> {
    const v = this.readingForm.getRawValue();
    const ok = await this.readingSubmitter.submit(() =>
      firstValueFrom(
        this.labs.addReading(v.metricId, {
          measuredOn: v.measuredOn,
          value: Number(v.value),
          ...(v.note.trim() ? { note: v.note.trim() } : {}),
        }),
      ),
    );
    if (!ok) return;
    directive.resetForm({ metricId: v.metricId });
    this.experiment.reload();
  }

  protected async recordVerdict(): Promise<void> {
    const v = this.verdictForm.getRawValue();
    const ok = await this.verdictSubmitter.submit(() =>
      firstValueFrom(
        this.labs.recordVerdict(this.id(), {
          verdict: v.verdict as ExperimentVerdict,
          lesson: v.lesson.trim(),
        }),
      ),
    );
    if (!ok) return;
    this.experiment.reload();
  }

  protected reload(): void {
    this.experiment.reload();
  }

  private async act(action: () => Promise<unknown>): Promise<void> {
    this.busy.set(true);
    try {
      await action();
      this.experiment.reload();
    } catch (error: unknown) {
      this.snackBar.open(failureText(error, this.lang()), this.i18n.t('error.dismiss'), { duration: 8000 });
    } finally {
      this.busy.set(false);
    }
  }
}
