import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { failureText, injectFormSubmitter } from '@madang/web/util';
import { CatalogueService } from '@madang/web/bookings/data-access';
import { I18nService, type MessageKey, TranslatePipe } from '@madang/web/i18n';
import { FieldErrorPipe } from '@madang/web/ui';
import type { AssetSummary } from '@madang/contracts';
import { KIND_KEYS } from '@madang/web/bookings/util';
import { CATEGORY_CODE_VALIDATORS, categoryCodeError } from './category-code';

@Component({
  selector: 'app-catalogue-admin',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FieldErrorPipe,
    ReactiveFormsModule,
    RouterLink,
    MatTableModule,
    MatButtonModule,
    MatExpansionModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslatePipe,
  ],
  templateUrl: './catalogue-admin.component.html',
})
export class CatalogueAdminComponent {
  private readonly catalogue = inject(CatalogueService);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly assetColumns = ['name', 'kind', 'category', 'active', 'edit'];
  protected readonly categoryColumns = ['name', 'code', 'assetCount', 'edit'];

  protected readonly assets = rxResource({ stream: () => this.catalogue.assets({ includeRetired: true }) });
  protected readonly categories = rxResource({ stream: () => this.catalogue.categories() });
  protected readonly assetRows = computed(() => (this.assets.hasValue() ? this.assets.value() : []));
  protected readonly categoryRows = computed(() =>
    this.categories.hasValue() ? this.categories.value() : [],
  );
  protected readonly loadError = computed(() => {
    const error = this.assets.error() ?? this.categories.error();
    return error ? failureText(error, this.lang()) : null;
  });

  protected readonly categoryForm = inject(FormBuilder).nonNullable.group({
    code: ['', [...CATEGORY_CODE_VALIDATORS]],
    nameKo: ['', [Validators.required, Validators.maxLength(100)]],
    nameEn: ['', [Validators.required, Validators.maxLength(100)]],
    descriptionKo: ['', [Validators.maxLength(1000)]],
    descriptionEn: ['', [Validators.maxLength(1000)]],
  });
  private readonly submission = injectFormSubmitter(this.categoryForm);
  protected readonly creating = this.submission.submitting;
  protected readonly formError = this.submission.error;

  protected codeError(): string {
    return categoryCodeError(this.i18n, this.categoryForm.controls.code);
  }

  protected kindKey(asset: AssetSummary): MessageKey {
    return KIND_KEYS[asset.kind];
  }

  protected async createCategory(directive: FormGroupDirective): Promise<void> {
    await this.submission.submit(async () => {
      const v = this.categoryForm.getRawValue();
      await firstValueFrom(
        this.catalogue.createCategory({
          code: v.code.trim(),
          name: { ko: v.nameKo.trim(), en: v.nameEn.trim() },
          description: { ko: v.descriptionKo.trim(), en: v.descriptionEn.trim() },
        }),
      );
      directive.resetForm();
      this.categories.reload();
      this.snackBar.open(this.i18n.t('admin.created'), undefined, { duration: 4000 });
    });
  }
}
