import { DISPLAY_NAME_MAX_LENGTH } from '@madang/web/accounts/util';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { Router, RouterLink } from '@angular/router';
import { type Locale, LOCALES, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@madang/contracts';
import { AuthService } from '@madang/web/session';
import { injectFormSubmitter } from '@madang/web/util';
import { I18nService, LOCALE_NAMES, TranslatePipe } from '@madang/web/i18n';
import { IconComponent, FieldErrorPipe } from '@madang/web/ui';

@Component({
  selector: 'app-sign-up',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FieldErrorPipe,
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatButtonModule,
    IconComponent,
    TranslatePipe,
  ],
  templateUrl: './sign-up.component.html',
})
export class SignUpComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly locales = LOCALES;
  protected readonly localeNames = LOCALE_NAMES;
  protected readonly passwordLimits = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };

  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    password: [
      '',
      [
        Validators.required,
        Validators.minLength(PASSWORD_MIN_LENGTH),
        Validators.maxLength(PASSWORD_MAX_LENGTH),
      ],
    ],
    displayName: ['', [Validators.required, Validators.maxLength(DISPLAY_NAME_MAX_LENGTH)]],
    locale: [this.lang() as Locale, [Validators.required]],
  });
  private readonly submission = injectFormSubmitter(this.form);
  protected readonly submitting = this.submission.submitting;
  protected readonly formError = this.submission.error;
  protected readonly showPassword = signal(false);

  protected async submit(): Promise<void> {
    await this.submission.submit(async () => {
      const value = this.form.getRawValue();
      await this.auth.register({ ...value, displayName: value.displayName.trim() });
      await this.router.navigateByUrl('/');
    });
  }
}
