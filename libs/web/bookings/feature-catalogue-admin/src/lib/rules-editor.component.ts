import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ROLES, type Role, type RentalRules, type RentalRulesOverride } from '@madang/contracts';
import { I18nService, RoleLabelPipe, type MessageKey, TranslatePipe } from '@madang/web/i18n';
import { NUMBER_FIELDS, WEEKDAYS, type RulesFormValue, formToOverride, overrideToForm } from './rules-form';

const WHOLE = [Validators.pattern(/^\d*$/)];

/**
 * Edits a rules override (category or asset) with form controls for the fields people change
 * most, plus the whole override as JSON. Empty fields inherit from the level above.
 */
@Component({
  selector: 'app-rules-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatCheckboxModule,
    MatButtonModule,
    MatExpansionModule,
    TranslatePipe,
    RoleLabelPipe,
  ],
  templateUrl: './rules-editor.component.html',
  styleUrl: './rules-editor.component.scss',
})
export class RulesEditorComponent {
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly weekdays = WEEKDAYS;
  protected readonly roles = ROLES;
  protected readonly numberFields = NUMBER_FIELDS;

  /** The override as saved. */
  readonly override = input.required<RentalRulesOverride>();
  /** The effective rules, shown as what an empty field inherits (optional). */
  readonly inherited = input<RentalRules | null>(null);
  readonly saving = input(false);
  /** A stable prefix for ids and test ids when several editors share a page. */
  readonly idPrefix = input('rules');
  readonly save = output<RentalRulesOverride>();

  private base: RentalRulesOverride = {};
  protected readonly jsonError = signal<string | null>(null);

  protected readonly form = this.fb.group({
    setHours: [false],
    hours: this.fb.array(
      WEEKDAYS.map(() => this.fb.group({ closed: [true], open: ['09:00'], close: ['18:00'] })),
    ),
    slotStepMinutes: ['', WHOLE],
    minDurationMinutes: ['', WHOLE],
    maxDurationMinutes: ['', WHOLE],
    minNoticeMinutes: ['', WHOLE],
    maxAdvanceDays: ['', WHOLE],
    bufferBeforeMinutes: ['', WHOLE],
    bufferAfterMinutes: ['', WHOLE],
    approvalRequired: ['' as RulesFormValue['approvalRequired']],
    autoApproveRoles: [[] as Role[]],
    unit: ['' as RulesFormValue['unit']],
    rate: ['', WHOLE],
    deposit: ['', WHOLE],
    freeUntilHoursBefore: ['', WHOLE],
    feePercent: ['', [Validators.pattern(/^\d*$/), Validators.max(100)]],
  });
  protected readonly json = this.fb.control('');

  protected readonly labels: Readonly<Record<(typeof NUMBER_FIELDS)[number], MessageKey>> = {
    slotStepMinutes: 'rules.slotStep',
    minDurationMinutes: 'rules.minDuration',
    maxDurationMinutes: 'rules.maxDuration',
    minNoticeMinutes: 'rules.minNotice',
    maxAdvanceDays: 'rules.maxAdvance',
    bufferBeforeMinutes: 'rules.bufferBefore',
    bufferAfterMinutes: 'rules.bufferAfter',
  };

  protected readonly inheritedText = computed(() => {
    const r = this.inherited();
    if (!r) return null;
    const yesNo = (b: boolean) => this.i18n.t(b ? 'rules.yes' : 'rules.no');
    return {
      slotStepMinutes: String(r.slotStepMinutes),
      minDurationMinutes: String(r.minDurationMinutes),
      maxDurationMinutes: String(r.maxDurationMinutes),
      minNoticeMinutes: String(r.minNoticeMinutes),
      maxAdvanceDays: String(r.maxAdvanceDays),
      bufferBeforeMinutes: String(r.bufferBeforeMinutes),
      bufferAfterMinutes: String(r.bufferAfterMinutes),
      approvalRequired: yesNo(r.approval.required),
      unit: this.i18n.t(r.pricing.unit === 'day' ? 'rules.unitDay' : 'rules.unitHour'),
      rate: String(r.pricing.rate),
      deposit: String(r.pricing.deposit),
      freeUntilHoursBefore: String(r.cancellation.freeUntilHoursBefore),
      feePercent: String(r.cancellation.feePercent),
    };
  });

  constructor() {
    effect(() => this.load(this.override()));
    this.form.valueChanges.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe(() => {
      this.json.setValue(JSON.stringify(this.current(), null, 2), { emitEvent: false });
    });
  }

  protected weekdayKey(weekday: number): MessageKey {
    return `rules.weekday${weekday}` as MessageKey;
  }

  protected inheritHint(field: keyof NonNullable<ReturnType<typeof this.inheritedText>>): string {
    const text = this.inheritedText();
    return text ? this.i18n.t('rules.inherit', { value: text[field] }) : '';
  }

  protected applyJson(): void {
    try {
      const parsed: unknown = JSON.parse(this.json.value);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error('not an object');
      this.load(parsed as RentalRulesOverride);
      this.jsonError.set(null);
    } catch {
      this.jsonError.set(this.i18n.t('rules.jsonInvalid'));
    }
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.save.emit(this.current());
  }

  private current(): RentalRulesOverride {
    return formToOverride(this.form.getRawValue() as RulesFormValue, this.base);
  }

  private load(override: RentalRulesOverride): void {
    this.base = JSON.parse(JSON.stringify(override ?? {})) as RentalRulesOverride;
    this.form.setValue(overrideToForm(this.base), { emitEvent: false });
    this.json.setValue(JSON.stringify(this.base, null, 2), { emitEvent: false });
  }
}
