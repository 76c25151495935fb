import { DOCUMENT, NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
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
// No Material component in the shell but the toolbar: Material's button and sidenav (and the CDK
// scrolling, ripples and focus handling they bring) would load with the first page. The menu is plain
// links in an <aside> on a desk and in a native modal <dialog> on a phone; buttons are plain buttons.
// Material's list is avoided too: it imports @angular/forms, and esbuild puts an imported file into
// the first page's chunk whether the first page uses it or not.
import { MatToolbar } from '@angular/material/toolbar';
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
    MatToolbar,
    NgTemplateOutlet,
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
  private readonly drawer = viewChild<ElementRef<HTMLDialogElement>>('drawer');

  protected readonly lang = this.i18n.locale;
  protected readonly me = this.auth.me;
  protected readonly otherLocale = computed<Locale>(() => (this.lang() === 'ko' ? 'en' : 'ko'));
  protected readonly isHandset = injectHandset();
  protected readonly menuOpen = signal(false);
  /**
   * What the polite live region says (the language changed). The shell's own region, not the CDK's
   * LiveAnnouncer: @angular/cdk/a11y would bring focus traps and key managers into the first page.
   */
  protected readonly announcement = signal('');
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
    // Grown from phone to desk width with the drawer open: the drawer is gone, so is its state.
    effect(() => {
      if (!this.isHandset()) untracked(() => this.menuOpen.set(false));
    });
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
    // Emptied first, so the same words said twice are announced twice.
    this.announcement.set('');
    afterNextRender(() => this.announcement.set(this.i18n.t('lang.changed')), { injector: this.injector });
  }

  protected toggleMenu(): void {
    if (this.menuOpen()) this.closeMenu();
    else {
      this.menuOpen.set(true);
      this.drawer()?.nativeElement.showModal();
    }
  }

  protected closeMenu(): void {
    this.drawer()?.nativeElement.close();
    this.menuOpen.set(false);
  }

  /** A click on the dialog itself, not on its content, is a click on the backdrop. */
  protected closeOnBackdrop(event: MouseEvent): void {
    if (event.target === this.drawer()?.nativeElement) this.closeMenu();
  }

  protected onNavigate(): void {
    if (this.isHandset()) this.closeMenu();
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
