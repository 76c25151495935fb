import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type { AuditEntry } from '@madang/contracts';
import { failureText, PageState } from '@madang/web/util';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { DateTimePipe, IconComponent, PaginatorComponent } from '@madang/web/ui';
import { AuditService, endOfDay, startOfDay } from '@madang/web/accounts/data-access';

const PAGE_SIZES = [20, 50, 100];

interface AuditFilters {
  action: string;
  entityType: string;
  from: string;
  to: string;
}

const EMPTY_FILTERS: AuditFilters = { action: '', entityType: '', from: '', to: '' };

function rangeInOrder(group: AbstractControl): ValidationErrors | null {
  const from: unknown = group.get('from')?.value;
  const to: unknown = group.get('to')?.value;
  return typeof from === 'string' && typeof to === 'string' && from && to && from > to
    ? { range: true }
    : null;
}

@Component({
  selector: 'app-audit',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatTableModule,
    PaginatorComponent,
    MatProgressBarModule,
    IconComponent,
    TranslatePipe,
    DateTimePipe,
  ],
  templateUrl: './audit.component.html',
  styleUrl: './audit.component.scss',
})
export class AuditComponent {
  private readonly audit = inject(AuditService);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly columns = ['at', 'actor', 'action', 'entity', 'details'];

  protected readonly form = inject(FormBuilder).nonNullable.group(
    { action: [''], entityType: [''], from: [''], to: [''] },
    { validators: rangeInOrder },
  );
  protected readonly filters = signal<AuditFilters>(EMPTY_FILTERS);
  protected readonly paging = new PageState(PAGE_SIZES);
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());

  protected readonly page = rxResource({
    params: () => {
      const f = this.filters();
      return {
        action: f.action.trim() || undefined,
        entityType: f.entityType.trim() || undefined,
        from: startOfDay(f.from),
        to: endOfDay(f.to),
        ...this.paging.query(),
      };
    },
    stream: ({ params }) => this.audit.list(params),
  });
  protected readonly rows = computed(() => (this.page.hasValue() ? this.page.value().items : []));
  protected readonly total = computed(() => (this.page.hasValue() ? this.page.value().total : 0));
  protected readonly loadError = computed(() =>
    this.page.error() ? failureText(this.page.error(), this.lang()) : null,
  );

  protected apply(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.paging.first();
    this.expanded.set(new Set());
    this.filters.set(this.form.getRawValue());
  }

  protected reset(): void {
    this.form.reset(EMPTY_FILTERS);
    this.apply();
  }

  protected onPage(): void {
    this.expanded.set(new Set());
  }

  protected isExpanded(entry: AuditEntry): boolean {
    return this.expanded().has(entry.id);
  }

  protected toggle(entry: AuditEntry): void {
    this.expanded.update((set) => {
      const next = new Set(set);
      if (!next.delete(entry.id)) next.add(entry.id);
      return next;
    });
  }

  protected json(value: unknown): string {
    return value === null || value === undefined ? '—' : JSON.stringify(value, null, 2);
  }
}
