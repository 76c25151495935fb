import { NgComponentOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  type Type,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { OverdueCardComponent } from './overdue-card.component';
import { AuthService } from '@madang/web/session';
import { I18nService, TranslatePipe } from '@madang/web/i18n';
import { PERMISSIONS } from '@madang/contracts';
import { PageMetaService } from '@madang/web/util';

@Component({
  selector: 'app-home',
  // Hydrates without Intl (nothing formatted until someone reaches for it): see NO_INTL_AT_START.
  host: { 'data-no-intl-at-start': '' },
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, NgComponentOutlet, OverdueCardComponent],
  template: `
    <section class="hero" aria-labelledby="home-title">
      <h1 class="page-title" id="home-title" tabindex="-1">{{ 'home.title' | t: lang() }}</h1>
      <p class="page-lead">{{ 'home.lead' | t: lang() }}</p>
    </section>

    @if (overdue(); as list) {
      <ng-container *ngComponentOutlet="list" />
    }

    <section class="card" aria-labelledby="home-what">
      <h2 class="section-title" id="home-what">{{ 'home.what' | t: lang() }}</h2>
      <ul class="points">
        <li>{{ 'home.point1' | t: lang() }}</li>
        <li>{{ 'home.point2' | t: lang() }}</li>
        <li>{{ 'home.point3' | t: lang() }}</li>
      </ul>
    </section>

    @if (managesRecruitment()) {
      @defer {
        <section class="card" aria-labelledby="home-obligations" data-testid="home-obligations">
          <app-recruitment-overdue-card />
        </section>
      }
    }

    <section class="card" aria-labelledby="home-start">
      @if (me(); as user) {
        <h2 class="section-title" id="home-start">
          {{ 'home.welcomeBack' | t: lang() : { name: user.displayName } }}
        </h2>
        <p>{{ 'home.signedInText' | t: lang() }}</p>
        <div class="form-actions">
          <a class="action-link" routerLink="/profile" data-testid="home-profile">{{
            'nav.profile' | t: lang()
          }}</a>
        </div>
      } @else {
        <h2 class="section-title" id="home-start">{{ 'home.getStarted' | t: lang() }}</h2>
        <p>{{ 'home.getStartedText' | t: lang() }}</p>
        <div class="form-actions">
          <a class="action-link" routerLink="/sign-in" data-testid="home-sign-in">{{
            'nav.signIn' | t: lang()
          }}</a>
          <a class="action-link outlined" routerLink="/sign-up" data-testid="home-sign-up">{{
            'nav.signUp' | t: lang()
          }}</a>
        </div>
      }
    </section>
  `,
  styles: `
    :host {
      display: grid;
      gap: 24px;
    }
    .hero {
      padding: 32px;
      border-radius: 24px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .hero .page-title,
    .hero .page-lead {
      color: inherit;
      max-width: 60ch;
    }
    .hero .page-lead {
      margin-bottom: 0;
    }
    .card {
      padding: 24px;
      border-radius: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-low);
    }
    .card p {
      margin: 0 0 8px;
    }
    .points {
      margin: 0;
      padding-inline-start: 1.25rem;
      display: grid;
      gap: 8px;
    }
    @media (max-width: 520px) {
      .hero {
        padding: 20px;
      }
      .card {
        padding: 16px;
      }
    }
  `,
})
export class HomeComponent {
  private readonly i18n = inject(I18nService);
  private readonly pageMeta = inject(PageMetaService);
  protected readonly lang = this.i18n.locale;
  private readonly auth = inject(AuthService);
  protected readonly me = this.auth.me;
  /** Approvers see what is overdue at the equipment desk first (the desk's code loads only for them). */
  private readonly approver = computed(() => this.auth.permissions().has(PERMISSIONS.BOOKINGS_DECIDE));
  protected readonly overdue = signal<Type<unknown> | null>(null);

  constructor() {
    this.pageMeta.follow(() => {
      const lang = this.lang();
      const name = `${this.i18n.t('app.nameKo')} ${this.i18n.t('app.name')}`;
      const description = this.i18n.t('home.lead');
      return {
        title: this.i18n.t('home.title'),
        description,
        jsonLd: {
          '@context': 'https://schema.org',
          '@type': 'WebSite',
          name,
          description,
          inLanguage: lang,
          url: this.pageMeta.absolute(`/?lang=${lang}`),
          publisher: { '@type': 'Organization', name: this.i18n.t('app.subtitle') },
        },
      };
    });
    effect(() => {
      if (!this.approver() || this.overdue()) return;
      void import('@madang/web/bookings/feature-desk').then((m) => this.overdue.set(m.OverdueListComponent));
    });
  }
  /** Approvers see the recruitment obligations past due (loaded only for them). */
  protected readonly managesRecruitment = computed(() =>
    this.auth.permissions().has(PERMISSIONS.RECRUITMENT_MANAGE),
  );
}
