import { ChangeDetectionStrategy, Component, DestroyRef, type OnInit, inject, model } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { httpResource } from '@angular/common/http';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import type { AssetKind, CategoryDto } from '@madang/contracts';
import { debounceTime } from 'rxjs';
import { centreTimeZone } from '@madang/web/util';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { type CatalogueFilters, KIND_KEYS, NO_FILTERS, fromLocalInput } from '@madang/web/bookings/util';
import { CatalogueService } from '@madang/web/bookings/data-access';

/**
 * The catalogue's filter form. Its own component so that the catalogue page arrives without Angular's
 * forms and Material's form fields: the page loads this (in a @defer block) when the filters first open.
 * Two-way bound: `value` in, the debounced form value out.
 */
@Component({
  selector: 'app-catalogue-filters',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    MatCheckbox,
    TranslatePipe,
  ],
  templateUrl: './catalogue-filters.component.html',
  styleUrl: './catalogue-filters.component.scss',
})
export class CatalogueFiltersComponent implements OnInit {
  readonly value = model<CatalogueFilters>(NO_FILTERS);

  protected readonly lang = inject(I18nService).locale;
  protected readonly kinds: AssetKind[] = ['space', 'equipment_item', 'equipment_pool'];
  protected readonly kindKeys = KIND_KEYS;
  protected readonly zone = centreTimeZone();
  private readonly catalogue = inject(CatalogueService);
  protected readonly categories = httpResource<CategoryDto[]>(() => this.catalogue.categoriesRequest());

  protected readonly form = inject(FormBuilder).nonNullable.group({
    kind: ['' as AssetKind | ''],
    categoryId: [''],
    minCapacity: [''],
    tags: [''],
    /** '' = now; otherwise a local date-time in the centre's zone. */
    at: [''],
    onlyFree: [false],
  });

  private readonly destroyRef = inject(DestroyRef);

  /** The form starts from the filters in force (the panel may have been closed and opened again). */
  ngOnInit(): void {
    const { atInstant: _, ...shown } = this.value();
    this.form.setValue(shown, { emitEvent: false });
    this.form.valueChanges.pipe(debounceTime(300), takeUntilDestroyed(this.destroyRef)).subscribe(() => {
      const raw = this.form.getRawValue();
      this.value.set({ ...raw, atInstant: fromLocalInput(raw.at, this.zone) });
    });
  }

  protected asking(): boolean {
    return this.value().atInstant !== null;
  }

  protected reset(): void {
    this.form.reset();
  }
}
