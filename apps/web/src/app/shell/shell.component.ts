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
// Standalone pieces, not the NgModules, so the bundler keeps only what the shell shows. The menu is
// plain links styled like Material's nav list: @angular/material/list imports @angular/forms (for its
// selection list), and esbuild puts a file into the first page's chunk as soon as the first page
// imports it, used or not.
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { type Locale, PERMISSIONS } from '@madang/contracts';
import { filter, skip } from 'rxjs';
import { AuthService } from '@madang/web/session';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
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
    MatToolbar,
    MatSidenav,
    MatSidenavContainer,
    MatSidenavContent,
    MatButton,
    MatIconButton,
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
    void this.announcer.announce(this.i18n.t('lang.changed'));
  }

  protected onNavigate(): void {
    if (this.isHandset()) void this.sidenav().close();
  }

  protected async signOut(): Promise<void> {
    try {
      await this.auth.signOut();
    } finally {
      // The snack bar (and the overlay it needs) loads on sign-out, not with the first page.
      const { MatSnackBar } = await import('@angular/material/snack-bar');
      this.injector.get(MatSnackBar).open(this.i18n.t('user.signedOut'), undefined, { duration: 4000 });
      await this.router.navigateByUrl('/');
    }
  }

  private focusHeading(): void {
    const main = this.document.getElementById('main-content');
    const heading = main?.querySelector<HTMLElement>('h1');
    (heading ?? main)?.focus();
  }
}
