import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  PART_CHECK_STATES,
  type AssetPartDto,
  type DeskItem,
  type PartCheckInput,
  type PartCheckState,
} from '@madang/contracts';
import { DeskService } from '@madang/web/bookings/data-access';
import { formatInstant, formatRange } from '@madang/web/bookings/util';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { KrwPipe } from '@madang/web/ui';
import { failureText } from '@madang/web/util';
import { firstValueFrom, type Observable } from 'rxjs';

type Checklist = Record<string, PartCheckState>;

const allOk = (parts: readonly { id: string }[]): Checklist =>
  Object.fromEntries(parts.map((p) => [p.id, 'ok' as PartCheckState]));

/**
 * One booked item at the desk: hand it out (who took it, condition, every part ticked), take it back
 * (condition, every part that went out), keep part of the deposit. The part checklist is a group of
 * radio buttons per part: Tab moves between parts, arrow keys between OK / missing / damaged.
 */
@Component({
  selector: 'app-desk-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslatePipe, KrwPipe],
  template: `
    <article class="item" [attr.data-testid]="'desk-item-' + item().assetName.en">
      <header>
        <h3>{{ item().assetName[lang()] }}</h3>
        <p class="meta">
          {{ 'desk.booker' | t: lang() : { name: item().requester.displayName } }} ·
          {{ when() }}
        </p>
        @if (open(); as c) {
          <p class="meta">
            {{ 'desk.handedOut' | t: lang() : { at: at(c.handedOutAt), name: c.receivedBy } }} ·
            {{ 'desk.due' | t: lang() : { at: at(item().returnDue) } }}
          </p>
        }
        @if (returned(); as c) {
          <p class="meta">{{ 'desk.returnedAt' | t: lang() : { at: at(c.returnedAt ?? '') } }}</p>
        }
      </header>

      @if (mode() === 'out') {
        <form class="grid" (submit)="$event.preventDefault(); handOut()">
          <label
            >{{ 'desk.receivedBy' | t: lang() }}
            <input
              name="receivedBy"
              data-testid="desk-received-by"
              required
              maxlength="100"
              [value]="receivedBy()"
              (input)="receivedBy.set(value($event))"
          /></label>
          <label
            >{{ 'desk.condition' | t: lang() }}
            <input
              name="condition"
              maxlength="1000"
              [value]="condition()"
              (input)="condition.set(value($event))"
          /></label>
          @if (item().parts.length) {
            <fieldset class="parts">
              <legend>{{ 'desk.parts' | t: lang() }}</legend>
              @for (part of item().parts; track part.id) {
                <div class="part" role="radiogroup" [attr.aria-label]="part.name[lang()]">
                  <span class="part-name">{{ partLabel(part) }}</span>
                  @for (state of states; track state) {
                    <label class="state">
                      <input
                        type="radio"
                        [name]="'out-' + part.id"
                        [value]="state"
                        [checked]="checks()[part.id] === state"
                        [attr.data-testid]="'part-' + part.name.en + '-' + state"
                        (change)="set(part.id, state)"
                      />
                      {{ stateKey[state] | t: lang() }}
                    </label>
                  }
                </div>
              }
            </fieldset>
          }
          <div class="actions">
            <button
              mat-flat-button
              type="submit"
              data-testid="desk-hand-out"
              [disabled]="busy() || !receivedBy().trim()"
            >
              {{ 'desk.handOut' | t: lang() }}
            </button>
          </div>
        </form>
      }

      @if (mode() === 'in' && open(); as c) {
        <form class="grid" (submit)="$event.preventDefault(); takeBack()">
          <label
            >{{ 'desk.condition' | t: lang() }}
            <input
              name="conditionIn"
              data-testid="desk-condition-in"
              maxlength="1000"
              [value]="condition()"
              (input)="condition.set(value($event))"
          /></label>
          @if (c.out.length) {
            <fieldset class="parts">
              <legend>{{ 'desk.parts' | t: lang() }}</legend>
              @for (part of c.out; track part.partId) {
                <div class="part" role="radiogroup" [attr.aria-label]="part.name[lang()]">
                  <span class="part-name">{{ part.name[lang()] }}</span>
                  @for (state of states; track state) {
                    <label class="state">
                      <input
                        type="radio"
                        [name]="'in-' + part.partId"
                        [value]="state"
                        [checked]="checks()[part.partId] === state"
                        [attr.data-testid]="'part-' + part.name.en + '-' + state"
                        (change)="set(part.partId, state)"
                      />
                      {{ stateKey[state] | t: lang() }}
                    </label>
                  }
                </div>
              }
            </fieldset>
          }
          <div class="actions">
            <button mat-flat-button type="submit" data-testid="desk-take-back" [disabled]="busy()">
              {{ 'desk.takeBack' | t: lang() }}
            </button>
          </div>
        </form>
      }

      @if (item().custody; as c) {
        <div class="photos">
          @for (photoId of c.photoIds; track photoId; let n = $index) {
            <a [href]="'/api/files/' + photoId + '/content'" target="_blank" rel="noopener">{{
              'desk.photo' | t: lang() : { n: n + 1 }
            }}</a>
          }
          <input
            #picker
            type="file"
            accept="image/jpeg,image/png,image/webp"
            class="cdk-visually-hidden"
            tabindex="-1"
            aria-hidden="true"
            data-testid="desk-photo-input"
            (change)="attach(c.id, picker)"
          />
          <button mat-button type="button" [disabled]="busy()" (click)="picker.click()">
            {{ 'desk.addPhoto' | t: lang() }}
          </button>
        </div>
      }
      @if (returned(); as c) {
        @if (missing(c.in) > 0) {
          <p class="warn">{{ 'desk.missingParts' | t: lang() : { count: missing(c.in) } }}</p>
        }
      }
      @if (item().deposit > 0 && (returned() || open())) {
        <p class="meta">
          {{
            'desk.deposit'
              | t
                : lang()
                : { amount: (item().deposit | krw: lang()), kept: (item().depositKept | krw: lang()) }
          }}
        </p>
        @if (returned() && item().depositKept < item().deposit) {
          <form class="grid keep" (submit)="$event.preventDefault(); keep()">
            <label
              >{{ 'desk.keepAmount' | t: lang() }}
              <input
                type="number"
                name="keepAmount"
                data-testid="desk-keep-amount"
                min="1"
                [max]="item().deposit - item().depositKept"
                [value]="keepAmount()"
                (input)="keepAmount.set(value($event))"
            /></label>
            <label
              >{{ 'desk.keepReason' | t: lang() }}
              <input
                name="keepReason"
                data-testid="desk-keep-reason"
                maxlength="500"
                [value]="keepReason()"
                (input)="keepReason.set(value($event))"
            /></label>
            <div class="actions">
              <button
                mat-stroked-button
                type="submit"
                data-testid="desk-keep"
                [disabled]="busy() || !keepReason().trim() || !(+keepAmount() > 0)"
              >
                {{ 'desk.keep' | t: lang() }}
              </button>
            </div>
          </form>
        }
      }
    </article>
  `,
  styles: `
    .item {
      padding: 16px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-low);
    }
    h3 {
      margin: 0 0 4px;
      font-size: 1.1rem;
    }
    .meta {
      margin: 0 0 4px;
      color: var(--mat-sys-on-surface-variant);
    }
    .warn {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
    .grid {
      display: grid;
      gap: 10px;
      margin-top: 12px;
    }
    label {
      display: grid;
      gap: 4px;
      font-weight: 500;
    }
    input:not([type='radio']) {
      font: inherit;
      padding: 8px 10px;
      border-radius: 8px;
      border: 1px solid var(--mat-sys-outline);
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    .parts {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 8px 12px;
      margin: 0;
    }
    .part {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 16px;
      padding: 6px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .part:last-child {
      border-bottom: 0;
    }
    .part-name {
      flex: 1 1 12rem;
    }
    .state {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      font-weight: 400;
      min-height: 32px;
    }
    .actions {
      display: flex;
      gap: 8px;
    }
    .photos {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-top: 8px;
    }
  `,
})
export class DeskItemComponent {
  readonly item = input.required<DeskItem>();
  /** `out`: hand it out; `in`: take it back; `view`: show only. */
  readonly mode = input.required<'out' | 'in' | 'view'>();
  readonly changed = output<void>();

  private readonly desk = inject(DeskService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly states = PART_CHECK_STATES;
  protected readonly stateKey = {
    ok: 'desk.state.ok',
    missing: 'desk.state.missing',
    damaged: 'desk.state.damaged',
  } as const satisfies Record<PartCheckState, string>;
  protected readonly busy = signal(false);

  protected readonly open = computed(() => {
    const c = this.item().custody;
    return c && c.returnedAt === null ? c : null;
  });
  protected readonly returned = computed(() => {
    const c = this.item().custody;
    return c && c.returnedAt !== null ? c : null;
  });
  protected readonly receivedBy = linkedSignal(() => this.item().requester.displayName);
  protected readonly condition = linkedSignal(() => (this.item() ? '' : ''));
  protected readonly checks = linkedSignal<Checklist>(() => {
    const open = this.open();
    return open ? allOk(open.out.map((p) => ({ id: p.partId }))) : allOk(this.item().parts);
  });
  protected readonly keepAmount = linkedSignal(() => String(this.item().deposit - this.item().depositKept));
  protected readonly keepReason = linkedSignal(() => (this.item() ? '' : ''));
  protected readonly when = computed(() => formatRange(this.item().start, this.item().end, this.lang()));

  protected at(iso: string): string {
    return formatInstant(iso, this.lang());
  }

  protected partLabel(part: AssetPartDto): string {
    const name = part.name[this.lang()];
    const count = part.quantity > 1 ? ` × ${part.quantity}` : '';
    return part.serial ? `${name}${count} (${part.serial})` : `${name}${count}`;
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected set(partId: string, state: PartCheckState): void {
    this.checks.update((c) => ({ ...c, [partId]: state }));
  }

  protected missing(checks: readonly { state: PartCheckState }[]): number {
    return checks.filter((c) => c.state !== 'ok').length;
  }

  private list(): PartCheckInput[] {
    return Object.entries(this.checks()).map(([partId, state]) => ({ partId, state }));
  }

  protected handOut(): Promise<void> {
    return this.run('desk.handedOutDone', () =>
      this.desk.handOut(this.item().bookingId, {
        assetId: this.item().assetId,
        receivedBy: this.receivedBy().trim(),
        condition: this.condition().trim() || undefined,
        parts: this.item().parts.length ? this.list() : undefined,
      }),
    );
  }

  protected takeBack(): Promise<void> {
    const open = this.open();
    if (!open) return Promise.resolve();
    return this.run('desk.returnedDone', () =>
      this.desk.takeBack(open.id, {
        condition: this.condition().trim(),
        parts: open.out.length ? this.list() : undefined,
      }),
    );
  }

  protected keep(): Promise<void> {
    return this.run('desk.kept', () =>
      this.desk.retain(this.item().bookingId, {
        amount: Number(this.keepAmount()),
        reason: this.keepReason().trim(),
        handoutId: this.returned()?.id,
      }),
    );
  }

  protected attach(handoutId: string, picker: HTMLInputElement): Promise<void> {
    const file = picker.files?.[0];
    picker.value = '';
    if (!file) return Promise.resolve();
    return this.run('desk.photoAdded', () => this.desk.uploadPhoto(handoutId, file));
  }

  private async run(
    done: 'desk.handedOutDone' | 'desk.returnedDone' | 'desk.kept' | 'desk.photoAdded',
    call: () => Observable<unknown>,
  ): Promise<void> {
    this.busy.set(true);
    try {
      await firstValueFrom(call());
      this.snackBar.open(this.i18n.t(done), undefined, { duration: 4000 });
      this.changed.emit();
    } catch (error: unknown) {
      this.snackBar.open(failureText(error, this.lang()), this.i18n.t('error.dismiss'), { duration: 8000 });
    } finally {
      this.busy.set(false);
    }
  }
}
