import { LiveAnnouncer } from '@angular/cdk/a11y';
import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatListModule } from '@angular/material/list';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { type Locale, PERMISSIONS } from '@madang/contracts';
import { filter, skip } from 'rxjs';
import { AuthService } from '@madang/web/session';
import { I18nService, LOCALE_QUERY_PARAM, TranslatePipe } from '@madang/web/i18n';
import { NotificationsMenuComponent } from '@madang/web/notifications/feature-bell';
import { injectHandset } from '@madang/web/util';
import { IconComponent } from '@madang/web/ui';
import { NAV_ITEMS, type NavScope, visibleNavSections } from './navigation';
import { SettlementScopeService } from '@madang/web/settlement/data-access';

@Component({
  selector: 'app-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatSidenavModule,
    MatListModule,
    MatButtonModule,
    IconComponent,
    TranslatePipe,
    NotificationsMenuComponent,
  ],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
})
export class ShellComponent {
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly snackBar = inject(MatSnackBar);
  private readonly sidenav = viewChild.required(MatSidenav);

  protected readonly lang = this.i18n.locale;
  protected readonly me = this.auth.me;
  protected readonly otherLocale = computed<Locale>(() => (this.lang() === 'ko' ? 'en' : 'ko'));
  protected readonly isHandset = injectHandset();
  protected readonly menuOpen = signal(false);
  protected readonly canReadNotifications = computed(() =>
    this.auth.permissions().has(PERMISSIONS.NOTIFICATIONS_READ),
  );
  private readonly settlementScope = inject(SettlementScopeService);
  protected readonly navSections = computed(() =>
    visibleNavSections(
      this.auth.isSignedIn(),
      this.auth.permissions(),
      NAV_ITEMS,
      new Set<NavScope>(this.settlementScope.visible() ? ['settlement'] : []),
    ),
  );

  constructor() {
    // Ask what of settlement this user may see whenever who is signed in changes.
    effect(() => {
      this.auth.me();
      void untracked(() => this.settlementScope.load());
    });
    // Move focus to the new page's heading so screen-reader and keyboard users land on it.
    // The first navigation is the page load: leave focus where the browser put it.
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        skip(1),
        takeUntilDestroyed(),
      )
      .subscribe(() => afterNextRender(() => this.focusHeading(), { injector: this.injector }));
  }

  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.focusHeading();
  }

  protected async toggleLocale(): Promise<void> {
    await this.auth.changeLocale(this.otherLocale());
    // An address that named the old language (`?lang=en`) would now say the wrong thing: drop it.
    if (this.router.parseUrl(this.router.url).queryParamMap.has(LOCALE_QUERY_PARAM))
      void this.router.navigate([], {
        queryParams: { [LOCALE_QUERY_PARAM]: null },
        queryParamsHandling: 'merge',
        replaceUrl: true,
      });
    void this.announcer.announce(this.i18n.t('lang.changed'));
  }

  protected onNavigate(): void {
    if (this.isHandset()) void this.sidenav().close();
  }

  protected async signOut(): Promise<void> {
    try {
      await this.auth.signOut();
    } finally {
      this.snackBar.open(this.i18n.t('user.signedOut'), undefined, { duration: 4000 });
      await this.router.navigateByUrl('/');
    }
  }

  private focusHeading(): void {
    const main = this.document.getElementById('main-content');
    const heading = main?.querySelector<HTMLElement>('h1');
    (heading ?? main)?.focus();
  }
}
