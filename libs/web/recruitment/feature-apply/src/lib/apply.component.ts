import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { CALL_KIND_LABELS } from '@madang/contracts';
import { I18nService, LocalizedPipe, TranslatePipe } from '@madang/web/i18n';
import { ApplicationsService } from '@madang/web/recruitment/data-access';
import { applyRecruitmentProblem, formatInCentre } from '@madang/web/recruitment/util';
import { AuthService } from '@madang/web/session';
import { FieldErrorPipe } from '@madang/web/ui';
import { failureText, injectFormSubmitter } from '@madang/web/util';
import { firstValueFrom } from 'rxjs';

/**
 * Starting an application (`/recruitment/apply/:callId`): a person applies for a group they manage.
 * If that group already has an application for the call, it opens instead.
 */
@Component({
  selector: 'app-recruitment-apply',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    FieldErrorPipe,
    TranslatePipe,
    LocalizedPipe,
  ],
  template: `
    <h1 class="page-title" tabindex="-1">{{ 'recruitment.apply.title' | t: lang() }}</h1>
    @if (loadError(); as message) {
      <p class="form-error" role="alert">{{ message }}</p>
    }
    @if (call.value(); as c) {
      <p class="page-lead">
        <a [routerLink]="['/calls', c.id]">{{ c.title | localized: lang() }}</a> ·
        {{ kinds[c.kind] | localized: lang() }} ·
        {{ 'recruitment.deadlineAt' | t: lang() : { when: deadline() } }}
      </p>
      @if (groups().length === 0) {
        <p class="form-error" role="alert" data-testid="no-group">
          {{ 'recruitment.apply.noGroup' | t: lang() }}
        </p>
      } @else {
        <form class="form-card stack" [formGroup]="form" (ngSubmit)="start()" novalidate>
          @if (submitter.error(); as message) {
            <p class="form-error" role="alert" tabindex="-1">{{ message }}</p>
          }
          <mat-form-field>
            <mat-label>{{ 'recruitment.apply.group' | t: lang() }}</mat-label>
            <mat-select formControlName="groupId" data-testid="apply-group">
              @for (g of groups(); track g.groupId) {
                <mat-option [value]="g.groupId">{{ g.groupName }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ form.controls.groupId | fieldError: lang() }}</mat-error>
          </mat-form-field>
          <p class="form-actions">
            <button
              mat-flat-button
              type="submit"
              [disabled]="submitter.submitting()"
              data-testid="apply-start"
            >
              {{ 'recruitment.apply.start' | t: lang() }}
            </button>
          </p>
        </form>
      }
    }
  `,
})
export class ApplyComponent {
  private readonly service = inject(ApplicationsService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly lang = inject(I18nService).locale;
  protected readonly kinds = CALL_KIND_LABELS;

  readonly callId = input.required<string>();

  protected readonly call = rxResource({
    params: () => ({ id: this.callId() }),
    stream: ({ params }) => this.service.call(params.id),
  });
  private readonly mine = rxResource({ stream: () => this.service.mine() });
  protected readonly groups = computed(() => (this.auth.me()?.groups ?? []).filter((g) => g.isManager));
  protected readonly deadline = computed(() =>
    this.call.hasValue() ? formatInCentre(this.call.value().deadline, this.lang()) : '',
  );
  protected readonly loadError = computed(() =>
    this.call.error() ? failureText(this.call.error(), this.lang()) : null,
  );

  protected readonly form = this.fb.group({ groupId: this.fb.control('', [Validators.required]) });
  protected readonly submitter = injectFormSubmitter(this.form, { mapProblem: applyRecruitmentProblem });

  constructor() {
    // One group only: choose it already.
    effect(() => {
      const groups = this.groups();
      if (groups.length === 1 && !this.form.controls.groupId.value)
        this.form.controls.groupId.setValue(groups[0].groupId);
    });
  }

  protected async start(): Promise<void> {
    const groupId = this.form.controls.groupId.value;
    const existing = (this.mine.value() ?? []).find(
      (a) => a.callId === this.callId() && a.groupId === groupId && a.state !== 'withdrawn',
    );
    if (existing) {
      await this.router.navigate(['/recruitment/applications', existing.id]);
      return;
    }
    let createdId = '';
    const ok = await this.submitter.submit(async () => {
      createdId = (await firstValueFrom(this.service.start(this.callId(), groupId))).id;
    });
    if (ok) await this.router.navigate(['/recruitment/applications', createdId]);
  }
}
