import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { AssetKind, AssetQuery } from '@madang/contracts';
import { debounceTime, map } from 'rxjs';
import { centreTimeZone, failureText } from '@madang/web/util';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { KIND_KEYS, fromLocalInput, priceSummaryText } from '@madang/web/bookings/util';
import { CatalogueService, photoUrl } from '@madang/web/bookings/data-access';

@Component({
  selector: 'app-catalogue',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatProgressBarModule,
    TranslatePipe,
  ],
  templateUrl: './catalogue.component.html',
  styleUrl: './catalogue.component.scss',
})
export class CatalogueComponent {
  private readonly catalogue = inject(CatalogueService);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly kinds: AssetKind[] = ['space', 'equipment_item', 'equipment_pool'];
  protected readonly kindKeys = KIND_KEYS;
  protected readonly photoUrl = photoUrl;

  protected readonly filters = inject(FormBuilder).nonNullable.group({
    kind: ['' as AssetKind | ''],
    categoryId: [''],
    minCapacity: [''],
    tags: [''],
    freeFrom: [''],
    freeTo: [''],
  });

  private readonly query = toSignal(
    this.filters.valueChanges.pipe(
      debounceTime(300),
      map(() => toQuery(this.filters.getRawValue())),
    ),
    { initialValue: toQuery(this.filters.getRawValue()) },
  );

  protected readonly categories = rxResource({ stream: () => this.catalogue.categories() });
  protected readonly list = rxResource({
    params: () => this.query(),
    stream: ({ params }) => this.catalogue.assets(params),
  });
  protected readonly assets = computed(() => (this.list.hasValue() ? this.list.value() : []));
  protected readonly loadError = computed(() =>
    this.list.error() ? failureText(this.list.error(), this.lang()) : null,
  );

  protected price(asset: { price: Parameters<typeof priceSummaryText>[0] }): string {
    return priceSummaryText(asset.price, this.lang());
  }

  protected reset(): void {
    this.filters.reset();
  }
}

function toQuery(value: {
  kind: string;
  categoryId: string;
  minCapacity: string;
  tags: string;
  freeFrom: string;
  freeTo: string;
}): AssetQuery {
  const query: AssetQuery = {};
  if (value.kind) query.kind = value.kind as AssetKind;
  if (value.categoryId) query.categoryId = value.categoryId;
  const min = Number(value.minCapacity);
  if (value.minCapacity !== '' && Number.isInteger(min) && min > 0) query.minCapacity = min;
  const tags = value.tags
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (tags.length) query.tags = tags.join(',');
  const from = fromLocalInput(value.freeFrom, centreTimeZone());
  const to = fromLocalInput(value.freeTo, centreTimeZone());
  if (from && to && from < to) {
    query.freeFrom = from;
    query.freeTo = to;
  }
  return query;
}
