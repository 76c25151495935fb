import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { ApprovalQueueItem } from '@madang/contracts';
import { formatDuration } from '@madang/booking-rules';
import { firstValueFrom } from 'rxjs';
import { failureText, PageState } from '@madang/web/util';
import { BookingsService } from '@madang/web/bookings/data-access';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { formatRange } from '@madang/web/bookings/util';
import {
  MoneyComponent,
  PaginatorComponent,
  type ReasonDialogData,
  ReasonDialogComponent,
  type ReasonDialogResult,
} from '@madang/web/ui';

@Component({
  selector: 'app-approval-queue',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatTableModule,
    MatCheckboxModule,
    MatButtonModule,
    MatProgressBarModule,
    MoneyComponent,
    PaginatorComponent,
    TranslatePipe,
  ],
  templateUrl: './approval-queue.component.html',
  styleUrl: './approval-queue.component.scss',
})
export class ApprovalQueueComponent {
  private readonly bookings = inject(BookingsService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly columns = ['select', 'waiting', 'requester', 'request', 'conflicts', 'total', 'actions'];

  protected readonly paging = new PageState();
  protected readonly queue = rxResource({
    params: () => this.paging.query(),
    stream: ({ params }) => this.bookings.queue(params),
  });
  /** Decided on this page, hidden until the next reload. */
  private readonly decided = signal<ReadonlySet<string>>(new Set());
  protected readonly rows = computed(() => {
    const items = this.queue.hasValue() ? this.queue.value().items : [];
    const decided = this.decided();
    return items.filter((i) => !decided.has(i.id));
  });
  /** Requests still waiting: the server's count less those decided here since it was read. */
  protected readonly total = computed(() =>
    this.queue.hasValue() ? Math.max(0, this.queue.value().total - this.decided().size) : 0,
  );
  protected readonly loadError = computed(() =>
    this.queue.error() ? failureText(this.queue.error(), this.lang()) : null,
  );
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly selectedIds = computed(() =>
    this.rows()
      .filter((r) => this.selected().has(r.id))
      .map((r) => r.id),
  );
  protected readonly allSelected = computed(
    () => this.rows().length > 0 && this.selectedIds().length === this.rows().length,
  );
  protected readonly busy = signal(false);

  protected waiting(item: ApprovalQueueItem): string {
    return formatDuration(item.waitingMinutes, this.lang());
  }

  protected when(item: ApprovalQueueItem): string {
    return formatRange(item.start, item.end, this.lang());
  }

  protected assets(item: ApprovalQueueItem): string {
    const lang = this.lang();
    return item.items
      .map((i) => (i.quantity > 1 ? `${i.assetName[lang]} × ${i.quantity}` : i.assetName[lang]))
      .join(', ');
  }

  protected toggle(id: string, checked: boolean): void {
    this.selected.update((set) => {
      const next = new Set(set);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  protected toggleAll(checked: boolean): void {
    this.selected.set(checked ? new Set(this.rows().map((r) => r.id)) : new Set());
  }

  protected async approve(item: ApprovalQueueItem): Promise<void> {
    this.busy.set(true);
    try {
      await firstValueFrom(this.bookings.approve(item.id));
      this.markDecided([item.id]);
      this.snackBar.open(this.i18n.t('approvals.approved'), undefined, { duration: 4000 });
    } catch (error: unknown) {
      this.fail(error);
    } finally {
      this.busy.set(false);
    }
  }

  protected async reject(item: ApprovalQueueItem): Promise<void> {
    const reason = await this.askReason(
      this.i18n.t('approvals.rejectTitle'),
      `${item.requester.displayName} · ${this.assets(item)} · ${this.when(item)}`,
    );
    if (reason === null) return;
    this.busy.set(true);
    try {
      await firstValueFrom(this.bookings.reject(item.id, reason));
      this.markDecided([item.id]);
      this.snackBar.open(this.i18n.t('approvals.rejected'), undefined, { duration: 4000 });
    } catch (error: unknown) {
      this.fail(error);
    } finally {
      this.busy.set(false);
    }
  }

  protected async bulk(action: 'approve' | 'reject'): Promise<void> {
    const ids = this.selectedIds();
    if (ids.length === 0) return;
    let reason: string | undefined;
    if (action === 'reject') {
      const given = await this.askReason(this.i18n.t('approvals.rejectBulkTitle', { count: ids.length }));
      if (given === null) return;
      reason = given;
    }
    this.busy.set(true);
    try {
      const result = await firstValueFrom(this.bookings.decide({ ids, action, reason }));
      const done = result.results.filter((r) => r.ok).map((r) => r.id);
      this.markDecided(done);
      this.snackBar.open(
        this.i18n.t('approvals.bulkDone', { ok: done.length, failed: result.results.length - done.length }),
        undefined,
        { duration: 5000 },
      );
      if (done.length < result.results.length) this.queue.reload();
    } catch (error: unknown) {
      this.fail(error);
    } finally {
      this.busy.set(false);
    }
  }

  /** Another page: what was decided here is in the new page's data already, selections are not. */
  protected onPage(): void {
    this.decided.set(new Set());
    this.selected.set(new Set());
  }

  private markDecided(ids: string[]): void {
    this.decided.update((set) => new Set([...set, ...ids]));
    this.selected.update((set) => new Set([...set].filter((id) => !ids.includes(id))));
  }

  private async askReason(title: string, message?: string): Promise<string | null> {
    const ref = this.dialog.open<ReasonDialogComponent, ReasonDialogData, ReasonDialogResult>(
      ReasonDialogComponent,
      {
        data: {
          title,
          message,
          reasonLabel: this.i18n.t('approvals.reason'),
          reasonRequired: true,
          confirmLabel: this.i18n.t('approvals.reject'),
          cancelLabel: this.i18n.t('form.cancel'),
        },
      },
    );
    const result = await firstValueFrom(ref.afterClosed());
    return result ? result.reason : null;
  }

  private fail(error: unknown): void {
    this.snackBar.open(failureText(error, this.lang()), this.i18n.t('error.dismiss'), { duration: 8000 });
    this.queue.reload();
  }
}
