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
import { NgTemplateOutlet } from '@angular/common';
import {
  type AbstractControl,
  FormArray,
  FormBuilder,
  FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
  type ValidatorFn,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  ATTENDANCE_RANGES,
  DEFAULT_CHECK_IN_OPENS_MINUTES_BEFORE,
  DEFAULT_RETURN_GRACE_MINUTES,
  DEFAULT_WAITLIST_OFFER_MINUTES,
  MAX_GROUP_TAGS,
  RULE_TAG_PATTERN,
  WAITLIST_OFFER_MINUTES_RANGE,
  checkRulesOverride,
  describeRules,
} from '@madang/booking-rules';
import { IconComponent } from '@madang/web/ui';
import {
  FIELD_ERROR_MESSAGES,
  GROUP_KINDS,
  ROLES,
  interpolate,
  type FieldError,
  type FieldErrorCode,
  type RentalRules,
  type RentalRulesOverride,
} from '@madang/contracts';
import {
  GroupKindLabelPipe,
  I18nService,
  RoleLabelPipe,
  type MessageKey,
  TranslatePipe,
} from '@madang/web/i18n';
import {
  ATTENDANCE_FIELDS,
  type ListField,
  NUMBER_FIELDS,
  TIMING_FIELDS,
  WEEKDAYS,
  type RulesFormValue,
  emptyClosure,
  emptyPeak,
  emptyQuota,
  emptyWaiver,
  emptyWindowOverride,
  formToOverride,
  overrideToForm,
} from './rules-form';

const WHOLE = [Validators.pattern(/^\s*\d*\s*$/)];

/** The schema's bounds of each attendance field, shown at the field and checked as typed. */
const ATTENDANCE_BOUNDS: Readonly<Record<(typeof ATTENDANCE_FIELDS)[number], { min: number; max: number }>> =
  {
    checkInOpensMinutesBefore: ATTENDANCE_RANGES.checkInOpensMinutesBefore,
    noShowAfterMinutes: ATTENDANCE_RANGES.noShowAfterMinutes,
    returnGraceMinutes: ATTENDANCE_RANGES.returnGraceMinutes,
    waitlistOfferMinutes: WAITLIST_OFFER_MINUTES_RANGE,
  };
const wholeIn = (range: { min: number; max: number }) => [
  ...WHOLE,
  Validators.min(range.min),
  Validators.max(range.max),
];

/**
 * A comma-separated list of standing group tags, as the schema takes them: each matching
 * RULE_TAG_PATTERN, all different, at most MAX_GROUP_TAGS.
 */
export const groupTagsValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const list = String(control.value ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const ok =
    list.length <= MAX_GROUP_TAGS &&
    new Set(list).size === list.length &&
    list.every((t) => RULE_TAG_PATTERN.test(t));
  return ok ? null : { groupTags: true };
};

/** A problem of the rules being edited, from the browser's schema check or the server. */
export interface RulesProblem {
  /** Schema path without the `rules.` prefix, e.g. `closures[0].to`. */
  path: string;
  message: string;
}

/**
 * Edits a rules override (category or asset): every rule of the schema with its own controls — no
 * JSON. Empty fields inherit from the level above. Beside the form, the rules as sentences (ko/en).
 * The schema check the server runs (`checkRulesOverride`) runs here on every change; its problems,
 * and the server's on save, are shown at the row and field they name.
 */
@Component({
  selector: 'app-rules-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatCheckboxModule,
    MatButtonModule,
    IconComponent,
    TranslatePipe,
    RoleLabelPipe,
    GroupKindLabelPipe,
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
  protected readonly groupKinds = GROUP_KINDS;
  protected readonly numberFields = TIMING_FIELDS;
  protected readonly attendanceFields = ATTENDANCE_FIELDS;
  protected readonly attendanceBounds = ATTENDANCE_BOUNDS;
  protected readonly noShowBounds = {
    count: ATTENDANCE_RANGES.noShowCount,
    periodDays: ATTENDANCE_RANGES.noShowPeriodDays,
  };

  /** The override as saved. */
  readonly override = input.required<RentalRulesOverride>();
  /** The effective rules, shown as what an empty field inherits (optional). */
  readonly inherited = input<RentalRules | null>(null);
  readonly saving = input(false);
  /** A stable prefix for ids and test ids when several editors share a page. */
  readonly idPrefix = input('rules');
  /** Field errors of the last save, as the server sent them (`rules.closures[0].to` …). */
  readonly serverErrors = input<readonly FieldError[]>([]);
  readonly save = output<RentalRulesOverride>();

  private base: RentalRulesOverride = {};
  /** Bumped on every form change: the preview and the live check follow it. */
  private readonly revision = signal(0);
  /** Problems are shown once the person has tried to save (or the server refused). */
  protected readonly tried = signal(false);

  protected readonly form = this.fb.group({
    timeZone: [''],
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
    maxPendingPerPerson: ['', WHOLE],
    closures: this.fb.array([this.closureGroup()]),
    quotas: this.fb.array([this.quotaGroup()]),
    windowOverrides: this.fb.array([this.windowGroup()]),
    eligibilityMode: ['inherit' as RulesFormValue['eligibilityMode']],
    eligibilityRoles: [[] as RulesFormValue['eligibilityRoles']],
    eligibilityGroupKinds: [[] as RulesFormValue['eligibilityGroupKinds']],
    eligibilityGroupTags: ['', groupTagsValidator],
    approvalRequired: ['' as RulesFormValue['approvalRequired']],
    autoApproveRoles: [[] as RulesFormValue['autoApproveRoles']],
    autoApproveGroupKinds: [[] as RulesFormValue['autoApproveGroupKinds']],
    unit: ['' as RulesFormValue['unit']],
    rate: ['', WHOLE],
    deposit: ['', WHOLE],
    peak: this.fb.array([this.peakGroup()]),
    waivers: this.fb.array([this.waiverGroup()]),
    freeUntilHoursBefore: ['', [Validators.pattern(/^\s*\d*(\.\d+)?\s*$/)]],
    feePercent: ['', [Validators.pattern(/^\s*\d*\s*$/), Validators.max(100)]],
    checkInOpensMinutesBefore: ['', wholeIn(ATTENDANCE_BOUNDS.checkInOpensMinutesBefore)],
    noShowAfterMinutes: ['', wholeIn(ATTENDANCE_BOUNDS.noShowAfterMinutes)],
    returnGraceMinutes: ['', wholeIn(ATTENDANCE_BOUNDS.returnGraceMinutes)],
    waitlistOfferMinutes: ['', wholeIn(ATTENDANCE_BOUNDS.waitlistOfferMinutes)],
    noShowLimit: this.fb.group({
      count: ['', wholeIn(ATTENDANCE_RANGES.noShowCount)],
      periodDays: ['', wholeIn(ATTENDANCE_RANGES.noShowPeriodDays)],
      consequence: ['require_approval' as RulesFormValue['noShowLimit']['consequence']],
    }),
  });

  protected readonly labels: Readonly<Record<(typeof NUMBER_FIELDS)[number], MessageKey>> = {
    slotStepMinutes: 'rules.slotStep',
    minDurationMinutes: 'rules.minDuration',
    maxDurationMinutes: 'rules.maxDuration',
    minNoticeMinutes: 'rules.minNotice',
    maxAdvanceDays: 'rules.maxAdvance',
    bufferBeforeMinutes: 'rules.bufferBefore',
    bufferAfterMinutes: 'rules.bufferAfter',
    maxPendingPerPerson: 'rules.maxPending',
    checkInOpensMinutesBefore: 'rules.checkInOpens',
    noShowAfterMinutes: 'rules.noShowAfter',
    returnGraceMinutes: 'rules.returnGrace',
    waitlistOfferMinutes: 'rules.waitlistOffer',
  };

  protected readonly inheritedText = computed(() => {
    const r = this.inherited();
    if (!r) return null;
    const yesNo = (b: boolean) => this.i18n.t(b ? 'rules.yes' : 'rules.no');
    return {
      timeZone: r.timeZone,
      slotStepMinutes: String(r.slotStepMinutes),
      minDurationMinutes: String(r.minDurationMinutes),
      maxDurationMinutes: String(r.maxDurationMinutes),
      minNoticeMinutes: String(r.minNoticeMinutes),
      maxAdvanceDays: String(r.maxAdvanceDays),
      bufferBeforeMinutes: String(r.bufferBeforeMinutes),
      bufferAfterMinutes: String(r.bufferAfterMinutes),
      maxPendingPerPerson: String(r.maxPendingPerPerson ?? 3),
      approvalRequired: yesNo(r.approval.required),
      unit: this.i18n.t(r.pricing.unit === 'day' ? 'rules.unitDay' : 'rules.unitHour'),
      rate: String(r.pricing.rate),
      deposit: String(r.pricing.deposit),
      freeUntilHoursBefore: String(r.cancellation.freeUntilHoursBefore),
      feePercent: String(r.cancellation.feePercent),
      checkInOpensMinutesBefore: String(r.checkInOpensMinutesBefore ?? DEFAULT_CHECK_IN_OPENS_MINUTES_BEFORE),
      noShowAfterMinutes:
        r.noShowAfterMinutes === undefined ? this.i18n.t('rules.notTracked') : String(r.noShowAfterMinutes),
      returnGraceMinutes: String(r.returnGraceMinutes ?? DEFAULT_RETURN_GRACE_MINUTES),
      waitlistOfferMinutes: String(r.waitlistOfferMinutes ?? DEFAULT_WAITLIST_OFFER_MINUTES),
    };
  });

  /** The override the form describes now. */
  protected readonly current = computed(() => {
    this.revision();
    return formToOverride(this.form.getRawValue() as RulesFormValue, this.base);
  });

  /** The rules as sentences, in the page language: what an applicant will be held to. */
  protected readonly preview = computed(() => describeRules(this.current(), this.lang()));

  /** The browser's schema check (the same function the server runs) plus the server's last answer. */
  protected readonly problems = computed<RulesProblem[]>(() => {
    const lang = this.lang();
    const local = checkRulesOverride(this.current()).map((p) => ({
      path: p.path,
      message:
        p.code === 'required' && p.params?.['one_of']
          ? this.i18n.t('rules.needOneOf')
          : fieldText(p.code, p.params, lang),
    }));
    const server = this.serverErrors().map((e) => ({
      path: e.field.replace(/^rules\.?/, ''),
      message: e.message || fieldText(e.code, undefined, lang),
    }));
    const seen = new Set<string>();
    return [...local, ...server].filter((p) => {
      const key = `${p.path}|${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });

  constructor() {
    effect(() => this.load(this.override()));
    effect(() => {
      if (this.serverErrors().length) this.tried.set(true);
    });
    this.form.valueChanges
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe(() => this.revision.update((n) => n + 1));
  }

  /** Problems at `path` or below it (`closures[0]` also gets `closures[0].to`). */
  protected problemsAt(path: string): RulesProblem[] {
    if (!this.tried()) return [];
    return this.problems().filter(
      (p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`),
    );
  }

  /** "A whole number from 5 to 1440." for a bounded field. */
  protected rangeText(range: { min: number; max: number }): string {
    return this.i18n.t('rules.numberRange', { min: range.min, max: range.max });
  }

  protected weekdayKey(weekday: number): MessageKey {
    return `rules.weekday${weekday}` as MessageKey;
  }

  protected inheritHint(field: keyof NonNullable<ReturnType<typeof this.inheritedText>>): string {
    const text = this.inheritedText();
    return text ? this.i18n.t('rules.inherit', { value: text[field] }) : '';
  }

  protected rows(list: ListField): FormArray<FormGroup> {
    return this.form.controls[list] as unknown as FormArray<FormGroup>;
  }

  protected add(list: ListField): void {
    const group = {
      closures: () => this.closureGroup(),
      quotas: () => this.quotaGroup(),
      windowOverrides: () => this.windowGroup(),
      peak: () => this.peakGroup(),
      waivers: () => this.waiverGroup(),
    }[list]();
    this.rows(list).push(group);
  }

  protected remove(list: ListField, index: number): void {
    this.rows(list).removeAt(index);
  }

  protected submit(): void {
    this.tried.set(true);
    if (this.form.invalid || checkRulesOverride(this.current()).length > 0) {
      this.form.markAllAsTouched();
      return;
    }
    this.save.emit(this.current());
  }

  private closureGroup(row = emptyClosure()) {
    return this.fb.group({
      from: [row.from, Validators.required],
      to: [row.to, Validators.required],
      reasonKo: [row.reasonKo, [Validators.required, Validators.maxLength(200)]],
      reasonEn: [row.reasonEn, [Validators.required, Validators.maxLength(200)]],
    });
  }

  private quotaGroup(row = emptyQuota()) {
    return this.fb.group({
      scope: [row.scope],
      period: [row.period],
      maxBookings: [row.maxBookings, WHOLE],
      maxHours: [row.maxHours, [Validators.pattern(/^\s*\d*(\.\d+)?\s*$/)]],
    });
  }

  private windowGroup(row = emptyWindowOverride()) {
    return this.fb.group({
      roles: [row.roles],
      groupKinds: [row.groupKinds],
      groupTags: [row.groupTags, groupTagsValidator],
      minNoticeMinutes: [row.minNoticeMinutes, WHOLE],
      maxAdvanceDays: [row.maxAdvanceDays, WHOLE],
    });
  }

  private peakGroup(row = emptyPeak()) {
    return this.fb.group({
      weekdays: [row.weekdays],
      from: [row.from, Validators.required],
      to: [row.to, Validators.required],
      rate: [row.rate, [Validators.required, ...WHOLE]],
    });
  }

  private waiverGroup(row = emptyWaiver()) {
    return this.fb.group({
      groupKinds: [row.groupKinds],
      groupTags: [row.groupTags, groupTagsValidator],
      purposes: [row.purposes],
      percent: [row.percent, [Validators.required, ...WHOLE, Validators.min(1), Validators.max(100)]],
      labelKo: [row.labelKo, [Validators.required, Validators.maxLength(200)]],
      labelEn: [row.labelEn, [Validators.required, Validators.maxLength(200)]],
    });
  }

  private load(override: RentalRulesOverride): void {
    this.base = JSON.parse(JSON.stringify(override ?? {})) as RentalRulesOverride;
    const value = overrideToForm(this.base);
    this.form.controls.closures.clear({ emitEvent: false });
    for (const row of value.closures)
      this.form.controls.closures.push(this.closureGroup(row), { emitEvent: false });
    this.form.controls.quotas.clear({ emitEvent: false });
    for (const row of value.quotas)
      this.form.controls.quotas.push(this.quotaGroup(row), { emitEvent: false });
    this.form.controls.windowOverrides.clear({ emitEvent: false });
    for (const row of value.windowOverrides)
      this.form.controls.windowOverrides.push(this.windowGroup(row), { emitEvent: false });
    this.form.controls.peak.clear({ emitEvent: false });
    for (const row of value.peak) this.form.controls.peak.push(this.peakGroup(row), { emitEvent: false });
    this.form.controls.waivers.clear({ emitEvent: false });
    for (const row of value.waivers)
      this.form.controls.waivers.push(this.waiverGroup(row), { emitEvent: false });
    this.form.setValue(value, { emitEvent: false });
    this.tried.set(false);
    this.revision.update((n) => n + 1);
  }
}

function fieldText(
  code: FieldErrorCode | string,
  params: Record<string, string | number> | undefined,
  lang: 'ko' | 'en',
): string {
  const text = FIELD_ERROR_MESSAGES[code as FieldErrorCode] ?? FIELD_ERROR_MESSAGES.invalid;
  return interpolate(text[lang], params ?? {});
}
