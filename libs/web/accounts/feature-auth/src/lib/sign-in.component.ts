import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { AuthService, safeReturnUrl } from '@madang/web/session';
import { injectFormSubmitter } from '@madang/web/util';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { IconComponent, FieldErrorPipe } from '@madang/web/ui';
import { mapSignInProblem } from './sign-in-errors';

@Component({
  selector: 'app-sign-in',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FieldErrorPipe,
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    IconComponent,
    TranslatePipe,
  ],
  templateUrl: './sign-in.component.html',
})
export class SignInComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;

  /** Where to go after signing in (set by the permission guard). */
  readonly returnUrl = input<string>();

  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required]],
  });
  private readonly submission = injectFormSubmitter(this.form, { mapProblem: mapSignInProblem });
  protected readonly submitting = this.submission.submitting;
  protected readonly formError = this.submission.error;
  protected readonly showPassword = signal(false);

  protected async submit(): Promise<void> {
    await this.submission.submit(async () => {
      await this.auth.signIn(this.form.getRawValue());
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
    });
  }
}
