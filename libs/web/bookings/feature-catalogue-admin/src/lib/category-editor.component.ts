import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { DEFAULT_RULES, mergeRules } from '@madang/booking-rules';
import { PERMISSIONS, type CategoryDto, type FieldError, type RentalRulesOverride } from '@madang/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '@madang/web/session';
import { failureText, fieldErrorText, injectFormSubmitter, toProblem } from '@madang/web/util';
import { CatalogueService } from '@madang/web/bookings/data-access';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { RulesEditorComponent } from './rules-editor.component';
import { CATEGORY_CODE_VALIDATORS, categoryCodeError } from './category-code';

@Component({
  selector: 'app-category-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatProgressBarModule,
    TranslatePipe,
    RulesEditorComponent,
  ],
  template: `
    <a mat-button routerLink="/catalogue-admin" class="back-link">← {{ 'admin.back' | t: lang() }}</a>
    <h1 class="page-title" tabindex="-1">
      {{ category()?.name?.[lang()] ?? ('admin.editCategory' | t: lang()) }}
    </h1>
    @if (list.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t: lang()" />
    }
    @if (loadError(); as message) {
      <p class="form-error" role="alert" data-testid="load-error">{{ message }}</p>
    }
    @if (category(); as c) {
      <section class="panel" aria-labelledby="category-details">
        <h2 class="section-title" id="category-details">{{ 'admin.editCategory' | t: lang() }}</h2>
        @if (formError(); as message) {
          <p class="form-error" role="alert" tabindex="-1" data-testid="form-error">{{ message }}</p>
        }
        <form class="stack" [formGroup]="form" (ngSubmit)="save(c)" novalidate data-testid="category-form">
          <mat-form-field>
            <mat-label>{{ 'admin.code' | t: lang() }}</mat-label>
            <input matInput formControlName="code" name="code" required data-testid="code" />
            <mat-hint>{{ 'admin.codeHint' | t: lang() }}</mat-hint>
            <mat-error>{{ errorText('code') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'admin.nameKo' | t: lang() }}</mat-label>
            <input matInput formControlName="nameKo" name="nameKo" lang="ko" required data-testid="nameKo" />
            <mat-error>{{ errorText('nameKo') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'admin.nameEn' | t: lang() }}</mat-label>
            <input matInput formControlName="nameEn" name="nameEn" lang="en" required data-testid="nameEn" />
            <mat-error>{{ errorText('nameEn') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'admin.descriptionKo' | t: lang() }}</mat-label>
            <textarea
              matInput
              formControlName="descriptionKo"
              name="descriptionKo"
              lang="ko"
              rows="2"
            ></textarea>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'admin.descriptionEn' | t: lang() }}</mat-label>
            <textarea
              matInput
              formControlName="descriptionEn"
              name="descriptionEn"
              lang="en"
              rows="2"
            ></textarea>
          </mat-form-field>
          <div class="form-actions">
            <button mat-flat-button type="submit" [disabled]="saving()" data-testid="save-category">
              {{ 'form.save' | t: lang() }}
            </button>
          </div>
        </form>
      </section>
      @if (canManageRules()) {
        <section class="section" aria-labelledby="category-rules">
          <h2 class="section-title" id="category-rules">
            {{ 'admin.categoryRulesTitle' | t: lang() : { name: c.name[lang()] } }}
          </h2>
          <app-rules-editor
            [override]="c.rules"
            [inherited]="inherited()"
            [saving]="savingRules()"
            idPrefix="category-rules"
            [serverErrors]="rulesErrors()"
            (save)="saveRules(c, $event)"
          />
        </section>
      }
    }
  `,
  styles: `
    .back-link {
      margin: 0 0 8px -12px;
    }
    .panel {
      max-width: 640px;
      padding: 20px 24px;
      border-radius: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-low);
    }
  `,
})
export class CategoryEditorComponent {
  private readonly catalogue = inject(CatalogueService);
  private readonly auth = inject(AuthService);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly canManageRules = computed(() => this.auth.permissions().has(PERMISSIONS.RULES_MANAGE));

  readonly id = input.required<string>();

  protected readonly list = rxResource({ stream: () => this.catalogue.categories() });
  private readonly saved = signal<CategoryDto | null>(null);
  protected readonly category = computed<CategoryDto | null>(() => {
    const saved = this.saved();
    if (saved && saved.id === this.id()) return saved;
    return this.list.hasValue() ? (this.list.value().find((c) => c.id === this.id()) ?? null) : null;
  });
  /** The centre defaults are what an empty field of a category inherits. */
  protected readonly inherited = computed(() => mergeRules(DEFAULT_RULES));
  protected readonly loadError = computed(() => {
    if (this.list.error()) return failureText(this.list.error(), this.lang());
    if (this.list.hasValue() && !this.category()) return this.i18n.t('error.notFoundTitle');
    return null;
  });

  protected readonly form = inject(FormBuilder).nonNullable.group({
    code: ['', [...CATEGORY_CODE_VALIDATORS]],
    nameKo: ['', [Validators.required, Validators.maxLength(100)]],
    nameEn: ['', [Validators.required, Validators.maxLength(100)]],
    descriptionKo: ['', [Validators.maxLength(1000)]],
    descriptionEn: ['', [Validators.maxLength(1000)]],
  });
  private readonly submission = injectFormSubmitter(this.form);
  protected readonly saving = this.submission.submitting;
  protected readonly formError = this.submission.error;
  protected readonly savingRules = signal(false);
  protected readonly rulesErrors = signal<readonly FieldError[]>([]);

  constructor() {
    effect(() => {
      const c = this.category();
      if (!c) return;
      this.form.setValue({
        code: c.code,
        nameKo: c.name.ko,
        nameEn: c.name.en,
        descriptionKo: c.description.ko,
        descriptionEn: c.description.en,
      });
    });
  }

  protected errorText(name: keyof typeof this.form.controls): string {
    const control = this.form.controls[name];
    return name === 'code' ? categoryCodeError(this.i18n, control) : fieldErrorText(this.i18n, control);
  }

  protected async save(c: CategoryDto): Promise<void> {
    await this.submission.submit(async () => {
      const v = this.form.getRawValue();
      this.saved.set(
        await firstValueFrom(
          this.catalogue.updateCategory(c.id, {
            code: v.code.trim(),
            name: { ko: v.nameKo.trim(), en: v.nameEn.trim() },
            description: { ko: v.descriptionKo.trim(), en: v.descriptionEn.trim() },
          }),
        ),
      );
      this.snackBar.open(this.i18n.t('admin.saved'), undefined, { duration: 4000 });
    });
  }

  protected async saveRules(c: CategoryDto, rules: RentalRulesOverride): Promise<void> {
    this.savingRules.set(true);
    this.rulesErrors.set([]);
    try {
      this.saved.set(await firstValueFrom(this.catalogue.putCategoryRules(c.id, rules)));
      this.snackBar.open(this.i18n.t('rules.saved'), undefined, { duration: 4000 });
    } catch (error: unknown) {
      // Field errors go to the rules editor, at the row and field they name.
      this.rulesErrors.set(toProblem(error).errors ?? []);
      this.snackBar.open(failureText(error, this.lang()), this.i18n.t('error.dismiss'), { duration: 10000 });
    } finally {
      this.savingRules.set(false);
    }
  }
}
