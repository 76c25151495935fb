import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { AssetKind, AssetSummary, LocalizedText, SlotConflict, Violation } from '@madang/contracts';
import { IconComponent } from '@madang/web/ui';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { KIND_KEYS, formatRange } from '@madang/web/bookings/util';

/** One more thing requested with the page's asset (a projector, 5 laptops from a pool). */
export interface ExtraItem {
  assetId: string;
  name: LocalizedText;
  kind: AssetKind;
  poolSize: number | null;
  quantity: number;
}

/** Most items one request may hold (the API's limit). */
export const MAX_ITEMS = 10;

/**
 * The further items of a request: each with its quantity (pools), its own rule problems and taken
 * slots, and a picker of what else can be added — only what is free for the chosen time when a time
 * is chosen.
 */
@Component({
  selector: 'app-request-items',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    IconComponent,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
  ],
  template: `
    <section class="items" aria-labelledby="items-title" data-testid="request-items">
      <h3 class="sub-title" id="items-title">{{ 'items.title' | t: lang() }}</h3>
      <p class="muted">{{ 'items.lead' | t: lang() }}</p>
      <ul class="item-list">
        @for (item of extras(); track item.assetId; let i = $index) {
          <li class="item" [attr.data-testid]="'item-' + item.assetId">
            <div class="item-head">
              <span class="item-name">{{ item.name[lang()] }}</span>
              <span class="muted">{{ kindKeys[item.kind] | t: lang() }}</span>
              @if (item.kind === 'equipment_pool') {
                <mat-form-field class="qty">
                  <mat-label>{{ 'asset.quantity' | t: lang() }}</mat-label>
                  <input
                    matInput
                    type="number"
                    min="1"
                    [max]="item.poolSize ?? 1"
                    inputmode="numeric"
                    [ngModel]="item.quantity"
                    (ngModelChange)="quantity.emit({ index: i, quantity: $event })"
                    [attr.data-testid]="'item-quantity-' + item.assetId"
                  />
                  <mat-hint>{{ 'asset.quantityHint' | t: lang() : { count: item.poolSize ?? 0 } }}</mat-hint>
                </mat-form-field>
              }
              <button
                mat-icon-button
                type="button"
                (click)="remove.emit(i)"
                [attr.aria-label]="'items.remove' | t: lang() : { name: item.name[lang()] }"
                [attr.data-testid]="'item-remove-' + item.assetId"
              >
                <app-icon name="close" />
              </button>
            </div>
            @for (v of violationsOf(item.assetId); track $index) {
              <p class="item-problem" [attr.data-testid]="'item-violation-' + item.assetId + '-' + v.code">
                {{ v.message[lang()] }}
              </p>
            }
            @for (c of conflictsOf(item.assetId); track $index) {
              <p class="item-problem" [attr.data-testid]="'item-conflict-' + item.assetId">
                {{ 'items.taken' | t: lang() : { when: when(c) } }}
              </p>
            }
          </li>
        }
      </ul>
      @if (extras().length + 1 < maxItems) {
        <div class="add-row">
          <mat-form-field class="picker">
            <mat-label>{{ 'items.add' | t: lang() }}</mat-label>
            <mat-select [(ngModel)]="picked" data-testid="item-picker">
              @for (a of candidates(); track a.id) {
                <mat-option [value]="a.id"
                  >{{ a.name[lang()] }} · {{ kindKeys[a.kind] | t: lang() }}</mat-option
                >
              }
            </mat-select>
            <mat-hint>{{ (timeChosen() ? 'items.freeOnly' : 'items.anyTime') | t: lang() }}</mat-hint>
          </mat-form-field>
          <button
            mat-stroked-button
            type="button"
            [disabled]="!picked()"
            (click)="addPicked()"
            data-testid="item-add"
          >
            <app-icon name="add" /> {{ 'items.addButton' | t: lang() }}
          </button>
        </div>
      }
    </section>
  `,
  styles: `
    .item-list {
      list-style: none;
      margin: 0 0 8px;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .item {
      padding: 8px 12px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .item-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
    }
    .item-name {
      font-weight: 600;
    }
    .qty {
      width: 140px;
    }
    .item-problem {
      margin: 4px 0 0;
      color: var(--mat-sys-error);
    }
    .add-row {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 8px 12px;
    }
    .picker {
      flex: 1 1 260px;
    }
    .add-row button {
      margin-top: 8px;
    }
  `,
})
export class RequestItemsComponent {
  private readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly kindKeys = KIND_KEYS;
  protected readonly maxItems = MAX_ITEMS;

  readonly extras = input.required<readonly ExtraItem[]>();
  /** What may be added (the page's asset and the items already there are left out by the page). */
  readonly available = input.required<readonly AssetSummary[]>();
  readonly violations = input<readonly Violation[]>([]);
  readonly conflicts = input<readonly SlotConflict[]>([]);
  readonly timeChosen = input(false);
  readonly timeZone = input.required<string>();
  readonly add = output<AssetSummary>();
  readonly remove = output<number>();
  readonly quantity = output<{ index: number; quantity: number }>();

  protected readonly picked = signal('');
  protected readonly candidates = computed(() => {
    const taken = new Set(this.extras().map((e) => e.assetId));
    return this.available().filter((a) => !taken.has(a.id));
  });

  protected violationsOf(assetId: string): Violation[] {
    return this.violations().filter((v) => v.assetId === assetId);
  }

  protected conflictsOf(assetId: string): SlotConflict[] {
    return this.conflicts().filter((c) => c.assetId === assetId);
  }

  protected when(c: SlotConflict): string {
    return formatRange(c.start, c.end, this.lang(), this.timeZone());
  }

  protected addPicked(): void {
    const asset = this.candidates().find((a) => a.id === this.picked());
    if (!asset) return;
    this.add.emit(asset);
    this.picked.set('');
  }
}
