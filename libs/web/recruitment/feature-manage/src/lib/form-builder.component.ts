import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  FORM_FIELD_TYPES,
  type CallDetail,
  type CallFormView,
  type FormField,
  type FormFieldType,
  type FormSection,
} from '@madang/contracts';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { RecruitmentAdminService } from '@madang/web/recruitment/data-access';
import { applyRecruitmentProblem, fieldIdFrom, fieldTypeKey } from '@madang/web/recruitment/util';
import { FieldErrorPipe } from '@madang/web/ui';
import { injectFormSubmitter } from '@madang/web/util';
import { firstValueFrom, of } from 'rxjs';

function fieldGroup(field: Partial<FormField> & { type: FormFieldType }) {
  return new FormGroup({
    id: new FormControl(field.id ?? '', { nonNullable: true }),
    type: new FormControl<FormFieldType>(field.type, { nonNullable: true }),
    labelKo: new FormControl(field.label?.ko ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    labelEn: new FormControl(field.label?.en ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    helpKo: new FormControl(field.help?.ko ?? '', {
      nonNullable: true,
      validators: [Validators.maxLength(500)],
    }),
    helpEn: new FormControl(field.help?.en ?? '', {
      nonNullable: true,
      validators: [Validators.maxLength(500)],
    }),
    required: new FormControl(field.required ?? false, { nonNullable: true }),
    maxLength: new FormControl<number | null>(field.maxLength ?? null, { validators: [Validators.min(1)] }),
    min: new FormControl<number | null>(field.min ?? null),
    max: new FormControl<number | null>(field.max ?? null),
    multiple: new FormControl(field.multiple ?? false, { nonNullable: true }),
    hiddenWhenBlind: new FormControl(field.hiddenWhenBlind ?? false, { nonNullable: true }),
    /** One option a line: `한국어 | English`. */
    options: new FormControl((field.options ?? []).map((o) => `${o.label.ko} | ${o.label.en}`).join('\n'), {
      nonNullable: true,
    }),
    optionValues: new FormControl<string[]>(
      (field.options ?? []).map((o) => o.value),
      { nonNullable: true },
    ),
  });
}
type FieldGroup = ReturnType<typeof fieldGroup>;

function sectionGroup(section: Partial<FormSection>) {
  return new FormGroup({
    id: new FormControl(section.id ?? '', { nonNullable: true }),
    titleKo: new FormControl(section.title?.ko ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    titleEn: new FormControl(section.title?.en ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    fields: new FormArray<FieldGroup>((section.fields ?? []).map((f) => fieldGroup(f))),
  });
}
type SectionGroup = ReturnType<typeof sectionGroup>;

/**
 * The application form builder: sections, fields of every type with their rules (required,
 * character limit, bounds, choices, hidden on blind calls). Saving makes a new version; the
 * applications already written keep theirs.
 */
@Component({
  selector: 'app-recruitment-form-builder',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FieldErrorPipe,
    TranslatePipe,
  ],
  templateUrl: './form-builder.component.html',
  styleUrl: './form-builder.component.scss',
})
export class FormBuilderComponent {
  private readonly admin = inject(RecruitmentAdminService);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly types = FORM_FIELD_TYPES;
  protected readonly typeKey = fieldTypeKey;

  readonly call = input.required<CallDetail>();

  protected readonly current = rxResource<CallFormView | null, { id: string; version: number | null }>({
    params: () => ({ id: this.call().id, version: this.call().formVersion }),
    stream: ({ params }) => (params.version === null ? of(null) : this.admin.form(params.id)),
  });
  protected readonly version = signal<number | null>(null);
  protected readonly locked = computed(() => !['draft', 'open'].includes(this.call().phase));

  protected readonly form = new FormGroup({ sections: new FormArray<SectionGroup>([]) });
  protected readonly submitter = injectFormSubmitter(this.form, { mapProblem: applyRecruitmentProblem });
  protected readonly newType = new FormControl<FormFieldType>('text', { nonNullable: true });

  constructor() {
    effect(() => {
      const view = this.current.value();
      if (this.current.isLoading()) return;
      this.version.set(view?.version ?? null);
      this.form.setControl(
        'sections',
        new FormArray<SectionGroup>(
          (view?.sections ?? [{ id: 's1', title: { ko: '기본 정보', en: 'About you' }, fields: [] }]).map(
            (s) => sectionGroup(s),
          ),
        ),
      );
    });
  }

  protected get sections(): FormArray<SectionGroup> {
    return this.form.controls.sections;
  }

  protected addSection(): void {
    this.sections.push(sectionGroup({ id: '' }));
  }

  protected removeSection(index: number): void {
    this.sections.removeAt(index);
  }

  protected addField(section: SectionGroup, type: FormFieldType): void {
    section.controls.fields.push(fieldGroup({ type, required: false }));
  }

  protected moveField(section: SectionGroup, index: number, by: -1 | 1): void {
    const fields = section.controls.fields;
    const target = index + by;
    if (target < 0 || target >= fields.length) return;
    const control = fields.at(index);
    fields.removeAt(index);
    fields.insert(target, control);
  }

  protected removeField(section: SectionGroup, index: number): void {
    section.controls.fields.removeAt(index);
  }

  protected async save(): Promise<void> {
    const sections = this.toSections();
    let saved: CallFormView | null = null;
    const ok = await this.submitter.submit(async () => {
      saved = await firstValueFrom(this.admin.saveForm(this.call().id, sections));
    });
    if (ok && saved) {
      const view: CallFormView = saved;
      this.version.set(view.version);
      this.snackBar.open(this.i18n.t('recruitment.builder.saved', { version: view.version }), undefined, {
        duration: 4000,
      });
    }
  }

  private toSections(): FormSection[] {
    const taken = new Set<string>();
    for (const s of this.sections.controls)
      for (const f of s.controls.fields.controls) if (f.controls.id.value) taken.add(f.controls.id.value);
    return this.sections.controls.map((s, si) => {
      const v = s.getRawValue();
      return {
        id: v.id || `s${si + 1}`,
        title: { ko: v.titleKo.trim(), en: v.titleEn.trim() },
        fields: s.controls.fields.controls.map((f) => {
          const fv = f.getRawValue();
          let id = fv.id;
          if (!id) {
            id = fieldIdFrom(fv.labelEn, taken);
            taken.add(id);
          }
          const field: FormField = {
            id,
            type: fv.type,
            label: { ko: fv.labelKo.trim(), en: fv.labelEn.trim() },
            required: fv.required,
          };
          if (fv.helpKo.trim() || fv.helpEn.trim())
            field.help = { ko: fv.helpKo.trim(), en: fv.helpEn.trim() };
          if ((fv.type === 'text' || fv.type === 'long_text') && fv.maxLength) field.maxLength = fv.maxLength;
          if (fv.type === 'number') {
            if (fv.min !== null) field.min = fv.min;
            if (fv.max !== null) field.max = fv.max;
          }
          if (fv.type === 'choice') {
            field.multiple = fv.multiple;
            field.options = fv.options
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean)
              .map((line, i) => {
                const [ko, en] = line.split('|').map((part) => part.trim());
                return { value: fv.optionValues[i] ?? `o${i + 1}`, label: { ko, en: en || ko } };
              });
          }
          if (fv.hiddenWhenBlind) field.hiddenWhenBlind = true;
          return field;
        }),
      };
    });
  }
}
