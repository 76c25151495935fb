import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { SettlementService } from '@madang/web/settlement/data-access';
import { monthKey } from '@madang/web/settlement/util';
import { FieldErrorPipe } from '@madang/web/ui';
import { injectFormSubmitter } from '@madang/web/util';
import { firstValueFrom } from 'rxjs';

/** The admin reopens a closed fiscal period, with a reason that goes to the audit log. */
@Component({
  selector: 'app-settlement-period-reopen',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    FieldErrorPipe,
    TranslatePipe,
  ],
  template: `
    <h1 class="page-title" tabindex="-1">{{ 'settlement.reopen.title' | t: lang() }}</h1>
    <p class="page-lead">{{ 'settlement.reopen.lead' | t: lang() }}</p>
    <form class="reopen" [formGroup]="form" (ngSubmit)="reopen()" novalidate>
      @if (submitter.error(); as message) {
        <p class="form-error" role="alert" tabindex="-1">{{ message }}</p>
      }
      @if (done(); as month) {
        <p role="status" data-testid="reopen-done">{{ 'settlement.reopen.done' | t: lang() : { month } }}</p>
      }
      <mat-form-field>
        <mat-label>{{ 'settlement.reopen.year' | t: lang() }}</mat-label>
        <input matInput type="number" inputmode="numeric" formControlName="year" />
        <mat-error>{{ form.controls.year | fieldError: lang() }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'settlement.reopen.month' | t: lang() }}</mat-label>
        <input matInput type="number" inputmode="numeric" min="1" max="12" formControlName="month" />
        <mat-error>{{ form.controls.month | fieldError: lang() }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'settlement.reason' | t: lang() }}</mat-label>
        <textarea matInput rows="3" formControlName="reason"></textarea>
        <mat-error>{{ form.controls.reason | fieldError: lang() }}</mat-error>
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="submitter.submitting()">
        {{ 'settlement.reopen.submit' | t: lang() }}
      </button>
    </form>
  `,
  styles: `
    .reopen {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      max-width: 480px;
    }
    .reopen mat-form-field {
      width: 100%;
    }
  `,
})
export class PeriodReopenComponent {
  private readonly settlement = inject(SettlementService);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly lang = inject(I18nService).locale;
  protected readonly form = this.fb.group({
    year: this.fb.control(new Date().getFullYear(), [
      Validators.required,
      Validators.min(2000),
      Validators.max(2100),
    ]),
    month: this.fb.control(1, [Validators.required, Validators.min(1), Validators.max(12)]),
    reason: this.fb.control('', [Validators.required, Validators.minLength(2), Validators.maxLength(1000)]),
  });
  protected readonly submitter = injectFormSubmitter(this.form);
  protected readonly done = signal<string | null>(null);

  protected async reopen(): Promise<void> {
    this.done.set(null);
    const { year, month, reason } = this.form.getRawValue();
    const ok = await this.submitter.submit(() =>
      firstValueFrom(this.settlement.reopenPeriod(year, month, reason.trim())),
    );
    if (ok) {
      this.done.set(monthKey(year, month));
      this.form.controls.reason.reset('');
    }
  }
}
