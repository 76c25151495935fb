import { HttpEventType } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  CALL_PHASE_LABELS,
  SELECTION_DECISION_LABELS,
  FILE_EXTENSIONS,
  FILE_PURPOSE_MEDIA_TYPES,
  RESULT_PHASES,
  type ApplicationDetail,
  type FileUploadResult,
  type FormAnswer,
  type FormAnswers,
  type FormField,
  type SupplementView,
  type TeamMemberAnswer,
} from '@madang/contracts';
import { I18nService, LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { ApplicationsService } from '@madang/web/recruitment/data-access';
import { AnswersViewComponent } from '@madang/web/recruitment/ui';
import {
  answerProblem,
  answersFor,
  answersToSend,
  applicationStateKey,
  applyRecruitmentProblem,
  charCount,
  countdown,
  countdownText,
  eligibilityKey,
  fieldTypeKey,
  formatInCentre,
  recruitmentFailure,
  supplementStateKey,
} from '@madang/web/recruitment/util';
import { DateTimePipe } from '@madang/web/ui';
import { failureText, toProblem } from '@madang/web/util';
import { debounceTime, filter, firstValueFrom, last, of, tap } from 'rxjs';
import { MyResultComponent } from './my-result.component';

/** The document types an application takes, by extension (the file service checks the bytes again). */
const DOCUMENT_EXTENSIONS = FILE_PURPOSE_MEDIA_TYPES.application_document.flatMap((t) => FILE_EXTENSIONS[t]);
const DOCUMENT_MAX_MB = 20;
const AUTOSAVE_MS = 1500;

type AnswerForm = FormGroup<Record<string, FormControl<FormAnswer>>>;

/** A validator from the field's own rules (the server checks the same on submit). */
function fieldValidator(field: FormField) {
  return (control: AbstractControl): ValidationErrors | null => {
    const problem = answerProblem(field, control.value as FormAnswer);
    return problem ? { [problem.kind]: problem } : null;
  };
}

/**
 * One of my applications (`/recruitment/applications/:id`). A draft is a form rendered from the
 * call's form version, saved as it is typed, submitted before the deadline (shown in the centre's
 * time zone with a countdown) or withdrawn. After submitting: its screening, supplements asked
 * for (only those fields editable), and once results are out my scores, comments and objections.
 */
@Component({
  selector: 'app-recruitment-application',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatProgressBarModule,
    AnswersViewComponent,
    DateTimePipe,
    TranslatePipe,
    LocalizedPipe,
    MyResultComponent,
  ],
  templateUrl: './application.component.html',
  styleUrl: './application.component.scss',
})
export class ApplicationComponent {
  private readonly service = inject(ApplicationsService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly phases = CALL_PHASE_LABELS;
  protected readonly decisions = SELECTION_DECISION_LABELS;
  protected readonly stateKey = applicationStateKey;
  protected readonly eligibilityKey = eligibilityKey;
  protected readonly supplementKey = supplementStateKey;
  protected readonly typeKey = fieldTypeKey;
  protected readonly accept = DOCUMENT_EXTENSIONS.join(',');
  protected readonly charCount = charCount;

  readonly id = input.required<string>();

  protected readonly application = rxResource({
    params: () => ({ id: this.id() }),
    stream: ({ params }) => this.service.application(params.id),
  });
  protected readonly files = rxResource({
    params: () => ({ id: this.id() }),
    stream: ({ params }) => this.service.files(params.id),
  });
  /** My result, once the call's results are published. */
  protected readonly result = rxResource({
    params: () => {
      const a = this.application.value();
      return a && a.state === 'submitted' && RESULT_PHASES.includes(a.callPhase) ? { id: a.id } : undefined;
    },
    stream: ({ params }) => (params ? this.service.result(params.id) : of(null)),
  });
  protected readonly loadError = computed(() =>
    this.application.error() ? failureText(this.application.error(), this.lang()) : null,
  );

  /** The supplement asked for and not answered yet, if any: its fields become editable. */
  protected readonly openSupplement = computed<SupplementView | null>(() => {
    const a = this.application.value();
    return a?.supplements.find((s) => s.state === 'requested') ?? null;
  });
  /** Editing: a draft, or the asked fields of an open supplement. */
  protected readonly editing = computed(() => {
    const a = this.application.value();
    return !!a && (a.state === 'draft' || (a.state === 'submitted' && this.openSupplement() !== null));
  });

  protected readonly form = signal<AnswerForm>(new FormGroup({}));
  protected readonly saveState = signal<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  protected readonly savedAt = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly confirmWithdraw = signal(false);
  protected readonly upload = signal<{ field: string; name: string; percent: number | null } | null>(null);
  protected readonly uploadError = signal<{ field: string; text: string } | null>(null);

  /** Ticks every second once in the browser (nothing runs at construction, for server rendering). */
  private readonly now = signal(new Date());
  protected readonly left = computed(() => {
    const a = this.application.value();
    return a ? countdown(a.deadline, this.now()) : null;
  });
  protected readonly leftText = computed(() => {
    const left = this.left();
    return left ? countdownText(left, this.lang()) : '';
  });

  constructor() {
    afterNextRender(() => {
      const timer = setInterval(() => this.now.set(new Date()), 1000);
      this.destroyRef.onDestroy(() => clearInterval(timer));
    });
    // A new answer form whenever another application (or a new state of it) arrives.
    effect(() => {
      const a = this.application.value();
      const supplement = this.openSupplement();
      untracked(() => this.buildForm(a ?? null, supplement));
    });
  }

  protected deadline(a: ApplicationDetail): string {
    return formatInCentre(a.deadline, this.lang());
  }

  protected when(value: string): string {
    return formatInCentre(value, this.lang());
  }

  protected control(field: FormField): FormControl<FormAnswer> {
    return this.form().controls[field.id];
  }

  protected text(field: FormField): string {
    const value = this.control(field).value;
    return typeof value === 'string' ? value : '';
  }

  protected errorText(field: FormField): string {
    const errors = this.control(field).errors;
    if (!errors) return '';
    if (typeof errors['server'] === 'string') return errors['server'];
    if (errors['required']) return this.i18n.t('form.required');
    if (errors['tooLong']) return this.i18n.t('recruitment.form.tooLong', { max: field.maxLength ?? 0 });
    if (errors['min']) return this.i18n.t('recruitment.form.min', { min: field.min ?? 0 });
    if (errors['max']) return this.i18n.t('recruitment.form.max', { max: field.max ?? 0 });
    return this.i18n.t('recruitment.form.invalid');
  }

  protected members(field: FormField): TeamMemberAnswer[] {
    const value = this.control(field).value;
    return Array.isArray(value) ? (value as TeamMemberAnswer[]) : [];
  }

  protected setMember(field: FormField, index: number, key: 'name' | 'role', value: string): void {
    const next = this.members(field).map((m, i) => (i === index ? { ...m, [key]: value } : m));
    this.control(field).setValue(next);
    this.control(field).markAsDirty();
  }

  protected addMember(field: FormField): void {
    this.control(field).setValue([...this.members(field), { name: '', role: '' }]);
  }

  protected removeMember(field: FormField, index: number): void {
    this.control(field).setValue(this.members(field).filter((_, i) => i !== index));
    this.control(field).markAsDirty();
  }

  protected fileIds(field: FormField): string[] {
    const value = this.control(field).value;
    return Array.isArray(value) ? (value as string[]) : [];
  }

  protected fileName(id: string): string {
    return this.files.value()?.find((f) => f.id === id)?.name ?? id;
  }

  protected removeFile(field: FormField, fileId: string): void {
    this.control(field).setValue(this.fileIds(field).filter((id) => id !== fileId));
    this.control(field).markAsDirty();
  }

  /** Uploads a document to the application, then puts its id into the field's answer. */
  protected async attach(a: ApplicationDetail, field: FormField, picker: HTMLInputElement): Promise<void> {
    const file = picker.files?.[0];
    picker.value = '';
    if (!file) return;
    this.uploadError.set(null);
    const name = file.name;
    if (!DOCUMENT_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext))) {
      this.uploadError.set({ field: field.id, text: this.i18n.t('recruitment.files.badType', { name }) });
      return;
    }
    if (file.size > DOCUMENT_MAX_MB * 1024 * 1024) {
      this.uploadError.set({
        field: field.id,
        text: this.i18n.t('recruitment.files.tooLarge', { name, max: DOCUMENT_MAX_MB }),
      });
      return;
    }
    this.upload.set({ field: field.id, name, percent: 0 });
    try {
      const done = await firstValueFrom(
        this.service.upload(a.id, file).pipe(
          tap((event) => {
            if (event.type === HttpEventType.UploadProgress)
              this.upload.set({
                field: field.id,
                name,
                percent: event.total ? Math.round((100 * event.loaded) / event.total) : null,
              });
          }),
          last(),
        ),
      );
      if (done.type !== HttpEventType.Response || !done.body) throw new Error('upload without a response');
      const uploaded: FileUploadResult = done.body;
      this.files.reload();
      const ids = field.multiple === false ? [uploaded.id] : [...this.fileIds(field), uploaded.id];
      this.control(field).setValue(ids);
      this.control(field).markAsDirty();
      await this.saveNow();
    } catch (error: unknown) {
      this.uploadError.set({ field: field.id, text: failureText(error, this.lang()) });
    } finally {
      this.upload.set(null);
    }
  }

  /** Saves the answers (draft, or the asked fields of a supplement); the autosave calls it too. */
  protected async saveNow(): Promise<boolean> {
    const a = this.application.value();
    if (!a || !this.editing()) return false;
    this.saveState.set('saving');
    try {
      const answers = this.answersNow(a);
      const supplement = this.openSupplement();
      const saved = await firstValueFrom(
        supplement ? this.service.saveSupplement(supplement.id, answers) : this.service.save(a.id, answers),
      );
      this.form().markAsPristine();
      if (this.form().valid) this.actionError.set(null);
      this.savedAt.set(saved.updatedAt);
      this.saveState.set('saved');
      return true;
    } catch (error: unknown) {
      this.saveState.set('failed');
      this.actionError.set(recruitmentFailure(toProblem(error), this.lang()));
      return false;
    }
  }

  protected async submit(): Promise<void> {
    const a = this.application.value();
    if (!a) return;
    this.actionError.set(null);
    this.form().markAllAsTouched();
    if (this.form().invalid) {
      this.actionError.set(this.i18n.t('recruitment.form.fixFirst'));
      this.host.nativeElement
        .querySelector<HTMLElement>(
          '.answer-field.invalid input, .answer-field.invalid textarea, .answer-field.invalid button',
        )
        ?.focus();
      return;
    }
    this.busy.set(true);
    try {
      if (!(await this.saveNow())) return;
      const supplement = this.openSupplement();
      const updated = await firstValueFrom(
        supplement ? this.service.submitSupplement(supplement.id) : this.service.submit(a.id),
      );
      this.application.set(updated);
      this.snackBar.open(
        this.i18n.t(
          supplement ? 'recruitment.application.supplementSent' : 'recruitment.application.submitted',
        ),
        undefined,
        { duration: 5000 },
      );
    } catch (error: unknown) {
      const problem = toProblem(error);
      const labelOf = (fieldId: string) =>
        a.form.sections.flatMap((section) => section.fields).find((f) => f.id === fieldId)?.label[
          this.lang()
        ];
      applyRecruitmentProblem(this.form(), problem, this.lang(), labelOf);
      this.actionError.set(recruitmentFailure(problem, this.lang(), labelOf));
    } finally {
      this.busy.set(false);
    }
  }

  protected async withdraw(a: ApplicationDetail): Promise<void> {
    this.busy.set(true);
    this.actionError.set(null);
    try {
      this.application.set(await firstValueFrom(this.service.withdraw(a.id)));
      this.confirmWithdraw.set(false);
      this.snackBar.open(this.i18n.t('recruitment.application.withdrawn'), undefined, { duration: 5000 });
    } catch (error: unknown) {
      this.actionError.set(recruitmentFailure(toProblem(error), this.lang()));
    } finally {
      this.busy.set(false);
    }
  }

  /** The answers as they stand: for a supplement only the asked fields go. */
  private answersNow(a: ApplicationDetail): FormAnswers {
    const all = answersToSend(a.form.sections, this.form().getRawValue());
    const supplement = this.openSupplement();
    if (!supplement) return all;
    return Object.fromEntries(Object.entries(all).filter(([id]) => supplement.fieldIds.includes(id)));
  }

  private buildForm(a: ApplicationDetail | null, supplement: SupplementView | null): void {
    const controls: Record<string, FormControl<FormAnswer>> = {};
    if (a) {
      const answers = answersFor(a.form.sections, a.answers);
      for (const section of a.form.sections)
        for (const field of section.fields) {
          const editable = a.state === 'draft' || (supplement?.fieldIds.includes(field.id) ?? false);
          controls[field.id] = new FormControl<FormAnswer>(
            { value: answers[field.id], disabled: !editable },
            { validators: [fieldValidator(field)] },
          );
        }
    }
    const form: AnswerForm = new FormGroup(controls);
    form.valueChanges
      .pipe(
        debounceTime(AUTOSAVE_MS),
        filter(() => form === this.form() && form.dirty && this.upload() === null && !this.busy()),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => void this.saveNow());
    this.form.set(form);
  }
}
