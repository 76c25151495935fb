import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { Router } from '@angular/router';
import type { NotificationDto } from '@madang/contracts';
import { firstValueFrom } from 'rxjs';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { DateTimePipe, IconComponent } from '@madang/web/ui';
import { NotificationsService } from '@madang/web/notifications/data-access';
import { notificationLink } from '@madang/web/notifications/util';

/** Toolbar bell: unread count as a badge, a menu of notifications, mark read. */
@Component({
  selector: 'app-notifications-menu',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatMenuModule, IconComponent, TranslatePipe, DateTimePipe],
  template: `
    <button
      mat-icon-button
      type="button"
      class="bell"
      data-testid="notifications"
      [matMenuTriggerFor]="menu"
      (menuOpened)="list.reload()"
      [attr.aria-label]="
        unread() > 0
          ? ('notifications.unread' | t: lang() : { count: unread() })
          : ('notifications.label' | t: lang())
      "
      [title]="'notifications.label' | t: lang()"
    >
      <app-icon name="notifications" />
      @if (unread() > 0) {
        <span class="count" aria-hidden="true" data-testid="notifications-count">{{
          unread() > 99 ? '99+' : unread()
        }}</span>
      }
    </button>
    <mat-menu #menu="matMenu" class="notifications-menu" xPosition="before">
      @if (items().length === 0) {
        <p class="empty" mat-menu-item disabled>{{ 'notifications.none' | t: lang() }}</p>
      }
      @for (n of items(); track n.id) {
        <button
          mat-menu-item
          type="button"
          class="notification"
          [class.unread]="!n.readAt"
          [attr.data-testid]="'notification-' + n.id"
          (click)="open(n)"
        >
          <span class="title">{{ n.title[lang()] }}</span>
          <span class="body">{{ n.body[lang()] }}</span>
          <span class="when">{{ n.createdAt | dateTime: lang() }}</span>
        </button>
      }
    </mat-menu>
  `,
  styles: `
    .bell {
      position: relative;
    }
    .count {
      position: absolute;
      top: 4px;
      right: 2px;
      min-width: 18px;
      height: 18px;
      padding: 0 4px;
      box-sizing: border-box;
      border-radius: 9px;
      background: #ffdad6;
      color: #410002;
      font:
        700 11px/18px system-ui,
        sans-serif;
      text-align: center;
    }
  `,
})
export class NotificationsMenuComponent {
  private readonly notifications = inject(NotificationsService);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;

  protected readonly list = rxResource({ stream: () => this.notifications.list() });
  private readonly read = signal<ReadonlySet<string>>(new Set());
  protected readonly items = computed<NotificationDto[]>(() => {
    const items = this.list.hasValue() ? this.list.value() : [];
    const read = this.read();
    return items.map((n) => (read.has(n.id) && !n.readAt ? { ...n, readAt: new Date().toISOString() } : n));
  });
  protected readonly unread = computed(() => this.items().filter((n) => !n.readAt).length);

  constructor() {
    // Look again now and then; a decision may arrive while the page is open.
    const timer = setInterval(() => this.list.reload(), 60_000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected async open(n: NotificationDto): Promise<void> {
    if (!n.readAt) {
      this.read.update((set) => new Set(set).add(n.id));
      try {
        await firstValueFrom(this.notifications.markRead(n.id));
      } catch {
        // Stays marked here; the next load shows the server's state.
      }
    }
    const link = notificationLink(n);
    if (link) await this.router.navigateByUrl(link);
  }
}
