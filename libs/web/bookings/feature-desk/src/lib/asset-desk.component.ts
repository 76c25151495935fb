import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  OUT_OF_SERVICE_REASONS,
  type BlockConflict,
  type OutOfServiceReason,
  type PutAssetPartsRequest,
} from '@madang/contracts';
import { DeskService } from '@madang/web/bookings/data-access';
import { formatRange, fromLocalInput } from '@madang/web/bookings/util';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { centreTimeZone, failureText, toProblem } from '@madang/web/util';
import { firstValueFrom } from 'rxjs';

type PartRow = PutAssetPartsRequest['parts'][number] & { key: number };

/**
 * `/desk/assets/:id` (catalogue:manage): a kit's parts, edited as one ordered list, and the asset's
 * out-of-service periods — set (a collision lists the bookings holding that time) and ended.
 */
@Component({
  selector: 'app-asset-desk',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslatePipe],
  template: `
    <h1 class="page-title" tabindex="-1">{{ 'assetDesk.title' | t: lang() }}</h1>

    <section aria-labelledby="parts-title">
      <h2 class="section-title" id="parts-title">{{ 'assetDesk.parts' | t: lang() }}</h2>
      @if (!rows().length) {
        <p>{{ 'assetDesk.noParts' | t: lang() }}</p>
      }
      <form (submit)="$event.preventDefault(); saveParts()">
        @for (row of rows(); track row.key; let i = $index) {
          <fieldset class="row">
            <legend class="visually-hidden">{{ row.name.ko || i + 1 }}</legend>
            <label
              >{{ 'assetDesk.nameKo' | t: lang() }}
              <input required maxlength="100" [value]="row.name.ko" (input)="edit(i, 'ko', $event)"
            /></label>
            <label
              >{{ 'assetDesk.nameEn' | t: lang() }}
              <input required maxlength="100" [value]="row.name.en" (input)="edit(i, 'en', $event)"
            /></label>
            <label class="narrow"
              >{{ 'assetDesk.quantity' | t: lang() }}
              <input
                type="number"
                min="1"
                max="100"
                [value]="row.quantity ?? 1"
                (input)="edit(i, 'quantity', $event)"
            /></label>
            <label
              >{{ 'assetDesk.serial' | t: lang() }}
              <input maxlength="100" [value]="row.serial ?? ''" (input)="edit(i, 'serial', $event)"
            /></label>
            <button mat-button type="button" (click)="remove(i)">{{ 'assetDesk.remove' | t: lang() }}</button>
          </fieldset>
        }
        <div class="actions">
          <button mat-stroked-button type="button" (click)="add()">
            {{ 'assetDesk.addPart' | t: lang() }}
          </button>
          <button mat-flat-button type="submit" [disabled]="busy()">
            {{ 'assetDesk.save' | t: lang() }}
          </button>
        </div>
      </form>
    </section>

    <section aria-labelledby="oos-title">
      <h2 class="section-title" id="oos-title">{{ 'oos.title' | t: lang() }}</h2>
      @if (blocks.hasValue()) {
        <ul>
          @for (b of blocks.value(); track b.id) {
            <li>
              {{ range(b.start, b.end) }} · {{ reasonKey(b.reason) | t: lang() }}
              @if (b.note) {
                · {{ b.note }}
              }
              @if (!b.source) {
                <button mat-button type="button" (click)="release(b.id)">
                  {{ 'oos.release' | t: lang() }}
                </button>
              }
            </li>
          } @empty {
            <li>{{ 'oos.none' | t: lang() }}</li>
          }
        </ul>
      }
      <form class="oos" (submit)="$event.preventDefault(); setOutOfService()">
        <label
          >{{ 'oos.start' | t: lang() }}
          <input
            type="datetime-local"
            required
            data-testid="oos-start"
            [value]="start()"
            (input)="start.set(value($event))"
        /></label>
        <label
          >{{ 'oos.end' | t: lang() }}
          <input
            type="datetime-local"
            required
            data-testid="oos-end"
            [value]="end()"
            (input)="end.set(value($event))"
        /></label>
        <label
          >{{ 'oos.reason' | t: lang() }}
          <select data-testid="oos-reason" [value]="reason()" (change)="reason.set(asReason($event))">
            @for (r of reasons; track r) {
              <option [value]="r">{{ reasonKey(r) | t: lang() }}</option>
            }
          </select>
        </label>
        <label
          >{{ 'oos.note' | t: lang() }}
          <input maxlength="500" [value]="note()" (input)="note.set(value($event))"
        /></label>
        <div class="actions">
          <button mat-flat-button type="submit" data-testid="oos-add" [disabled]="busy()">
            {{ 'oos.add' | t: lang() }}
          </button>
        </div>
      </form>
      @if (conflicts().length) {
        <div role="alert" class="error">
          <p>{{ 'oos.conflicts' | t: lang() }}</p>
          <ul>
            @for (c of conflicts(); track c.bookingId + c.start) {
              <li>{{ c.assetName[lang()] }} · {{ range(c.start, c.end) }}</li>
            }
          </ul>
        </div>
      }
    </section>
  `,
  styles: `
    :host {
      display: grid;
      gap: 24px;
    }
    section {
      display: grid;
      gap: 12px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: end;
      border: 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      padding: 8px 0;
      margin: 0;
    }
    label {
      display: grid;
      gap: 4px;
      font-weight: 500;
    }
    .narrow input {
      width: 5rem;
    }
    input,
    select {
      font: inherit;
      padding: 8px 10px;
      border-radius: 8px;
      border: 1px solid var(--mat-sys-outline);
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    .oos {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: end;
    }
    .actions {
      display: flex;
      gap: 8px;
      margin-top: 8px;
    }
    .error {
      color: var(--mat-sys-error);
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `,
})
export class AssetDeskComponent {
  /** The asset id (route parameter). */
  readonly id = input.required<string>();
  private readonly desk = inject(DeskService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly reasons = OUT_OF_SERVICE_REASONS;
  protected readonly busy = signal(false);
  private key = 0;

  protected readonly parts = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.desk.parts(params),
  });
  protected readonly rows = linkedSignal<PartRow[]>(() =>
    this.parts.hasValue()
      ? this.parts.value().map((p) => ({
          key: this.key++,
          id: p.id,
          name: { ...p.name },
          quantity: p.quantity,
          serial: p.serial,
        }))
      : [],
  );
  protected readonly blocks = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.desk.outOfService(params),
  });
  protected readonly start = signal('');
  protected readonly end = signal('');
  protected readonly reason = signal<OutOfServiceReason>('maintenance');
  protected readonly note = signal('');
  protected readonly conflicts = signal<BlockConflict[]>([]);
  /** The centre's zone (the server's `MADANG_TIMEZONE`): the out-of-service inputs are read in it. */
  private readonly zone = computed(() => centreTimeZone());

  protected reasonKey(reason: string) {
    return reason === 'repair'
      ? 'oos.reason.repair'
      : reason === 'other'
        ? 'oos.reason.other'
        : 'oos.reason.maintenance';
  }

  protected range(start: string, end: string): string {
    return formatRange(start, end, this.lang());
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected asReason(event: Event): OutOfServiceReason {
    const value = (event.target as HTMLSelectElement).value;
    return (OUT_OF_SERVICE_REASONS as readonly string[]).includes(value)
      ? (value as OutOfServiceReason)
      : 'other';
  }

  protected edit(index: number, field: 'ko' | 'en' | 'quantity' | 'serial', event: Event): void {
    const value = this.value(event);
    this.rows.update((rows) =>
      rows.map((row, i) => {
        if (i !== index) return row;
        if (field === 'ko' || field === 'en') return { ...row, name: { ...row.name, [field]: value } };
        if (field === 'quantity') return { ...row, quantity: Number(value) || 1 };
        return { ...row, serial: value };
      }),
    );
  }

  protected add(): void {
    this.rows.update((rows) => [
      ...rows,
      { key: this.key++, name: { ko: '', en: '' }, quantity: 1, serial: '' },
    ]);
  }

  protected remove(index: number): void {
    this.rows.update((rows) => rows.filter((_, i) => i !== index));
  }

  protected async saveParts(): Promise<void> {
    await this.run('assetDesk.saved', async () => {
      const parts = this.rows().map(({ key: _key, ...row }) => row);
      await firstValueFrom(this.desk.replaceParts(this.id(), { parts }));
      this.parts.reload();
    });
  }

  protected async setOutOfService(): Promise<void> {
    this.conflicts.set([]);
    const start = fromLocalInput(this.start(), this.zone());
    const end = fromLocalInput(this.end(), this.zone());
    if (!start || !end) return;
    await this.run('oos.saved', async () => {
      await firstValueFrom(
        this.desk.setOutOfService(this.id(), {
          start,
          end,
          reason: this.reason(),
          ...(this.note().trim() ? { note: this.note().trim() } : {}),
        }),
      );
      this.blocks.reload();
    });
  }

  protected async release(blockId: string): Promise<void> {
    await this.run('oos.released', async () => {
      await firstValueFrom(this.desk.endOutOfService(this.id(), blockId));
      this.blocks.reload();
    });
  }

  private async run(
    done: 'assetDesk.saved' | 'oos.saved' | 'oos.released',
    work: () => Promise<void>,
  ): Promise<void> {
    this.busy.set(true);
    try {
      await work();
      this.snackBar.open(this.i18n.t(done), undefined, { duration: 4000 });
    } catch (error: unknown) {
      const problem = toProblem(error);
      const conflicts = problem['conflicts'];
      if (Array.isArray(conflicts)) this.conflicts.set(conflicts as BlockConflict[]);
      this.snackBar.open(failureText(error, this.lang()), this.i18n.t('error.dismiss'), { duration: 8000 });
    } finally {
      this.busy.set(false);
    }
  }
}
