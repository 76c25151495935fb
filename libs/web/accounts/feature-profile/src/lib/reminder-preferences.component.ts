import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatRadioModule } from '@angular/material/radio';
import { MatSnackBar } from '@angular/material/snack-bar';
import { REMINDER_HOURS, type ReminderHours } from '@madang/contracts';
import { ReminderPreferencesService } from '@madang/web/accounts/data-access';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { failureText } from '@madang/web/util';
import { firstValueFrom } from 'rxjs';

/** Reminder preference: hours before (or none), by e-mail and/or in the app. */
@Component({
  selector: 'app-reminder-preferences',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatRadioModule, MatCheckboxModule, MatButtonModule, TranslatePipe],
  template: `
    <section class="panel" aria-labelledby="profile-reminders" data-testid="reminder-preferences">
      <h2 class="section-title" id="profile-reminders">{{ 'reminders.title' | t: lang() }}</h2>
      <p class="muted">{{ 'reminders.lead' | t: lang() }}</p>
      <form [formGroup]="form" (ngSubmit)="save()">
        <fieldset class="radio-fieldset">
          <legend id="reminders-when">{{ 'reminders.when' | t: lang() }}</legend>
          <mat-radio-group class="vertical-radios" formControlName="hours" aria-labelledby="reminders-when">
            <mat-radio-button value="off" data-testid="reminders-off">{{
              'reminders.off' | t: lang()
            }}</mat-radio-button>
            @for (h of hourOptions; track h) {
              <mat-radio-button [value]="'' + h" [attr.data-testid]="'reminders-' + h">
                {{ 'reminders.hours' | t: lang() : { hours: h } }}
              </mat-radio-button>
            }
          </mat-radio-group>
        </fieldset>
        <fieldset class="radio-fieldset">
          <legend>{{ 'reminders.channels' | t: lang() }}</legend>
          <div class="vertical-radios">
            <mat-checkbox formControlName="email" data-testid="reminders-email">{{
              'reminders.email' | t: lang()
            }}</mat-checkbox>
            <mat-checkbox formControlName="inApp" data-testid="reminders-in-app">{{
              'reminders.inApp' | t: lang()
            }}</mat-checkbox>
          </div>
        </fieldset>
        @if (error(); as message) {
          <p class="form-error" role="alert">{{ message }}</p>
        }
        <div class="form-actions">
          <button mat-flat-button type="submit" [disabled]="saving()" data-testid="save-reminders">
            {{ 'form.save' | t: lang() }}
          </button>
        </div>
      </form>
    </section>
  `,
  styles: `
    .panel {
      padding: 24px;
      border-radius: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-low);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .vertical-radios {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
    }
    fieldset {
      margin-bottom: 12px;
    }
    @media (max-width: 520px) {
      .panel {
        padding: 16px;
      }
    }
  `,
})
export class ReminderPreferencesComponent {
  private readonly api = inject(ReminderPreferencesService);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly hourOptions = REMINDER_HOURS;
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(FormBuilder).nonNullable.group({ hours: 'off', email: true, inApp: true });
  private readonly current = rxResource({ stream: () => this.api.get() });

  constructor() {
    effect(() => {
      if (!this.current.hasValue()) return;
      const p = this.current.value();
      this.form.setValue({
        hours: p.hoursBefore === null ? 'off' : String(p.hoursBefore),
        email: p.email,
        inApp: p.inApp,
      });
    });
  }

  protected async save(): Promise<void> {
    const { hours, email, inApp } = this.form.getRawValue();
    const hoursBefore = hours === 'off' ? null : (Number(hours) as ReminderHours);
    if (hoursBefore !== null && !email && !inApp) {
      this.error.set(this.i18n.t('reminders.needChannel'));
      return;
    }
    this.error.set(null);
    this.saving.set(true);
    try {
      await firstValueFrom(this.api.save({ hoursBefore, email, inApp }));
      this.snackBar.open(this.i18n.t('reminders.saved'), undefined, { duration: 4000 });
    } catch (error: unknown) {
      this.error.set(failureText(error, this.lang()));
    } finally {
      this.saving.set(false);
    }
  }
}
