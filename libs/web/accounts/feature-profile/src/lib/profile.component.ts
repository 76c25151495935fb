import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import {
  type AbstractControl,
  FormBuilder,
  FormGroupDirective,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  APPROVAL_NOTICES,
  type ApprovalNotices,
  LOCALES,
  type Locale,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PERMISSIONS,
  type UpdateProfileRequest,
} from '@madang/contracts';
import { APPROVAL_NOTICE_KEYS, DISPLAY_NAME_MAX_LENGTH } from '@madang/web/accounts/util';
import { AuthService } from '@madang/web/session';
import { injectFormSubmitter } from '@madang/web/util';
import {
  I18nService,
  LOCALE_NAMES,
  GroupKindLabelPipe,
  RoleLabelPipe,
  TranslatePipe,
} from '@madang/web/i18n';
import { FieldErrorPipe } from '@madang/web/ui';

function newPasswordsMatch(group: AbstractControl): ValidationErrors | null {
  const next = group.get('newPassword')?.value;
  const confirm = group.get('confirmPassword');
  if (!confirm || !confirm.value || next === confirm.value) {
    if (confirm?.hasError('mismatch')) {
      const { mismatch: _removed, ...rest } = confirm.errors ?? {};
      confirm.setErrors(Object.keys(rest).length ? rest : null);
    }
    return null;
  }
  confirm.setErrors({ ...(confirm.errors ?? {}), mismatch: true });
  return null;
}

import { ReminderPreferencesComponent } from './reminder-preferences.component';
@Component({
  selector: 'app-profile',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FieldErrorPipe,
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatButtonModule,
    MatChipsModule,
    TranslatePipe,
    RoleLabelPipe,
    GroupKindLabelPipe,
    ReminderPreferencesComponent,
  ],
  templateUrl: './profile.component.html',
  styleUrl: './profile.component.scss',
})
export class ProfileComponent {
  private readonly auth = inject(AuthService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly me = this.auth.me;
  protected readonly locales = LOCALES;
  protected readonly localeNames = LOCALE_NAMES;
  protected readonly passwordLimits = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
  protected readonly approvalNoticeOptions = APPROVAL_NOTICES;
  protected readonly approvalNoticeKeys = APPROVAL_NOTICE_KEYS;
  /** Only approvers hear of requests waiting for a decision, so only they choose how. */
  protected readonly isApprover = computed(() => this.auth.permissions().has(PERMISSIONS.BOOKINGS_DECIDE));

  protected readonly profileForm = this.fb.group({
    displayName: [
      this.me()?.displayName ?? '',
      [Validators.required, Validators.maxLength(DISPLAY_NAME_MAX_LENGTH)],
    ],
    locale: [(this.me()?.locale ?? this.lang()) as Locale, [Validators.required]],
    approvalNotices: [(this.me()?.approvalNotices ?? 'each') as ApprovalNotices, [Validators.required]],
  });
  protected readonly passwordForm = this.fb.group(
    {
      currentPassword: ['', [Validators.required]],
      newPassword: [
        '',
        [
          Validators.required,
          Validators.minLength(PASSWORD_MIN_LENGTH),
          Validators.maxLength(PASSWORD_MAX_LENGTH),
        ],
      ],
      confirmPassword: ['', [Validators.required]],
    },
    { validators: newPasswordsMatch },
  );

  private readonly profileSubmission = injectFormSubmitter(this.profileForm);
  protected readonly savingProfile = this.profileSubmission.submitting;
  protected readonly profileError = this.profileSubmission.error;
  private readonly passwordSubmission = injectFormSubmitter(this.passwordForm);
  protected readonly savingPassword = this.passwordSubmission.submitting;
  protected readonly passwordError = this.passwordSubmission.error;

  protected async saveProfile(): Promise<void> {
    await this.profileSubmission.submit(async () => {
      const { displayName, locale, approvalNotices } = this.profileForm.getRawValue();
      const request: UpdateProfileRequest = { displayName: displayName.trim(), locale };
      if (this.isApprover()) request.approvalNotices = approvalNotices;
      await this.auth.updateProfile(request);
      this.snackBar.open(this.i18n.t('profile.saved'), undefined, { duration: 4000 });
    });
  }

  protected async changePassword(formDirective: FormGroupDirective): Promise<void> {
    await this.passwordSubmission.submit(async () => {
      const { currentPassword, newPassword } = this.passwordForm.getRawValue();
      await this.auth.changePassword({ currentPassword, newPassword });
      formDirective.resetForm();
      this.snackBar.open(this.i18n.t('profile.passwordChanged'), undefined, { duration: 4000 });
    });
  }
}
