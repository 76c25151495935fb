import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  PERMISSIONS,
  type AssetDetail,
  type AssetKind,
  type FieldError,
  type RentalRulesOverride,
} from '@madang/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '@madang/web/session';
import { failureText, fieldErrorText, injectFormSubmitter, toProblem } from '@madang/web/util';
import { CatalogueService, photoSrcset, photoVariantUrl } from '@madang/web/bookings/data-access';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { KIND_KEYS } from '@madang/web/bookings/util';
import { RulesEditorComponent } from './rules-editor.component';

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

const splitTags = (value: string): string[] =>
  value
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

@Component({
  selector: 'app-asset-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatCheckboxModule,
    MatButtonModule,
    MatProgressBarModule,
    TranslatePipe,
    RulesEditorComponent,
  ],
  templateUrl: './asset-editor.component.html',
  styleUrl: './asset-editor.component.scss',
})
export class AssetEditorComponent {
  private readonly catalogue = inject(CatalogueService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly kinds: AssetKind[] = ['space', 'equipment_item', 'equipment_pool'];
  protected readonly kindKeys = KIND_KEYS;
  protected readonly photoSrcset = photoSrcset;
  protected readonly photoVariantUrl = photoVariantUrl;
  protected readonly canManageRules = computed(() => this.auth.permissions().has(PERMISSIONS.RULES_MANAGE));

  /** Route parameter; absent on /catalogue-admin/assets/new. */
  readonly id = input<string>();

  protected readonly categories = rxResource({ stream: () => this.catalogue.categories() });
  protected readonly loaded = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.catalogue.asset(params),
  });
  /** The asset as last saved (load, save, photo or rules change). */
  protected readonly asset = signal<AssetDetail | null>(null);
  protected readonly loadError = computed(() =>
    this.loaded.error() ? failureText(this.loaded.error(), this.lang()) : null,
  );

  protected readonly form = inject(FormBuilder).nonNullable.group({
    categoryId: ['', [Validators.required]],
    kind: ['space' as AssetKind, [Validators.required]],
    nameKo: ['', [Validators.required, Validators.maxLength(100)]],
    nameEn: ['', [Validators.required, Validators.maxLength(100)]],
    descriptionKo: ['', [Validators.maxLength(2000)]],
    descriptionEn: ['', [Validators.maxLength(2000)]],
    capacity: ['', [Validators.pattern(/^\d*$/)]],
    poolSize: ['', [Validators.pattern(/^\d*$/)]],
    location: ['', [Validators.maxLength(200)]],
    amenities: [''],
    accessibility: [''],
    active: [true],
  });
  private readonly submission = injectFormSubmitter(this.form);
  protected readonly saving = this.submission.submitting;
  protected readonly formError = this.submission.error;
  protected readonly savingRules = signal(false);
  protected readonly rulesErrors = signal<readonly FieldError[]>([]);
  protected readonly uploading = signal(false);
  protected readonly photoError = signal<string | null>(null);

  constructor() {
    effect(() => {
      if (this.loaded.hasValue()) this.adopt(this.loaded.value());
    });
  }

  protected errorText(name: keyof typeof this.form.controls): string {
    const control = this.form.controls[name];
    if (control.hasError('pattern')) return this.i18n.t('rules.wholeNumber');
    return fieldErrorText(this.i18n, control);
  }

  protected async save(): Promise<void> {
    await this.submission.submit(async () => {
      const v = this.form.getRawValue();
      const body = {
        categoryId: v.categoryId,
        name: { ko: v.nameKo.trim(), en: v.nameEn.trim() },
        description: { ko: v.descriptionKo.trim(), en: v.descriptionEn.trim() },
        capacity: v.capacity === '' ? null : Number(v.capacity),
        poolSize: v.kind === 'equipment_pool' && v.poolSize !== '' ? Number(v.poolSize) : null,
        location: v.location.trim(),
        amenities: splitTags(v.amenities),
        accessibility: splitTags(v.accessibility),
        active: v.active,
      };
      const current = this.asset();
      if (current) {
        this.adopt(await firstValueFrom(this.catalogue.updateAsset(current.id, body)));
        this.snackBar.open(this.i18n.t('admin.saved'), undefined, { duration: 4000 });
      } else {
        const created = await firstValueFrom(this.catalogue.createAsset({ ...body, kind: v.kind }));
        this.snackBar.open(this.i18n.t('admin.created'), undefined, { duration: 4000 });
        await this.router.navigate(['/catalogue-admin/assets', created.id]);
      }
    });
  }

  protected async saveRules(rules: RentalRulesOverride): Promise<void> {
    const current = this.asset();
    if (!current) return;
    this.savingRules.set(true);
    this.rulesErrors.set([]);
    try {
      this.asset.set(await firstValueFrom(this.catalogue.putAssetRules(current.id, rules)));
      this.snackBar.open(this.i18n.t('rules.saved'), undefined, { duration: 4000 });
    } catch (error: unknown) {
      // Field errors go to the rules editor, at the row and field they name.
      this.rulesErrors.set(toProblem(error).errors ?? []);
      this.snackBar.open(failureText(error, this.lang()), this.i18n.t('error.dismiss'), { duration: 10000 });
    } finally {
      this.savingRules.set(false);
    }
  }

  protected async upload(event: Event): Promise<void> {
    const inputEl = event.target as HTMLInputElement;
    const file = inputEl.files?.[0];
    const current = this.asset();
    this.photoError.set(null);
    if (!file || !current) return;
    if (!PHOTO_TYPES.includes(file.type)) this.photoError.set(this.i18n.t('admin.photoType'));
    else if (file.size > PHOTO_MAX_BYTES) this.photoError.set(this.i18n.t('admin.photoTooBig'));
    if (this.photoError()) {
      inputEl.value = '';
      return;
    }
    this.uploading.set(true);
    try {
      this.asset.set(await firstValueFrom(this.catalogue.uploadPhoto(current.id, file)));
      this.snackBar.open(this.i18n.t('admin.photoUploaded'), undefined, { duration: 4000 });
    } catch (error: unknown) {
      this.photoError.set(failureText(error, this.lang()));
    } finally {
      inputEl.value = '';
      this.uploading.set(false);
    }
  }

  protected async deletePhoto(photoId: string): Promise<void> {
    const current = this.asset();
    if (!current) return;
    try {
      await firstValueFrom(this.catalogue.deletePhoto(current.id, photoId));
      this.asset.set({ ...current, photoIds: current.photoIds.filter((p) => p !== photoId) });
      this.snackBar.open(this.i18n.t('admin.photoDeleted'), undefined, { duration: 4000 });
    } catch (error: unknown) {
      this.snackBar.open(failureText(error, this.lang()), this.i18n.t('error.dismiss'), { duration: 8000 });
    }
  }

  private adopt(asset: AssetDetail): void {
    this.asset.set(asset);
    this.form.setValue({
      categoryId: asset.categoryId,
      kind: asset.kind,
      nameKo: asset.name.ko,
      nameEn: asset.name.en,
      descriptionKo: asset.description.ko,
      descriptionEn: asset.description.en,
      capacity: asset.capacity === null ? '' : String(asset.capacity),
      poolSize: asset.poolSize === null ? '' : String(asset.poolSize),
      location: asset.location,
      amenities: asset.amenities.join(', '),
      accessibility: asset.accessibility.join(', '),
      active: asset.active,
    });
    this.form.controls.kind.disable();
  }
}
