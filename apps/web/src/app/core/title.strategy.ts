import { Injectable, inject } from '@angular/core';
import { type ActivatedRouteSnapshot, type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { isLocale } from '@madang/contracts';
import { I18nService, LOCALE_QUERY_PARAM, type MessageKey } from '@madang/web/i18n';
import { PageMetaService } from '@madang/web/util';
import { firstPageYields } from './first-page-yield';

/**
 * Route `title`s are message keys; the document title follows the language. The head itself
 * (title, description, canonical, Open Graph, robots) is written by PageMetaService: this strategy
 * gives it the shell's name and defaults once, and each route's title and whether it may be indexed.
 */
@Injectable({ providedIn: 'root' })
export class I18nTitleStrategy extends TitleStrategy {
  private readonly i18n = inject(I18nService);
  private readonly pageMeta = inject(PageMetaService);

  constructor() {
    super();
    const site = () =>
      `${this.i18n.t('app.nameKo')} ${this.i18n.t('app.name')} · ${this.i18n.t('app.subtitle')}`;
    this.pageMeta.identify({
      name: () => `${this.i18n.t('app.nameKo')} ${this.i18n.t('app.name')}`,
      documentTitle: (page) => (page ? `${page} · ${site()}` : site()),
      description: () => this.i18n.t('app.description'),
      address: () => ({
        '@type': 'PostalAddress',
        name: this.i18n.t('app.subtitle'),
        addressRegion: this.i18n.t('app.addressRegion'),
        addressCountry: 'KR',
      }),
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const key = (this.buildTitle(snapshot) as MessageKey | undefined) ?? null;
    this.pageMeta.setRoute({
      title: () => (key ? this.i18n.t(key) : null),
      indexable: isPublic(snapshot.root),
      path: snapshot.url.split(/[?#]/)[0] || '/',
      languageInAddress: isLocale(snapshot.root.queryParamMap.get(LOCALE_QUERY_PARAM)),
    });
  }
}

/**
 * A page search engines may index: no route on its way is guarded (guards mean signed-in work, or
 * sign-in itself; firstPageYields, on every route, only times the first page) and it is not an error
 * page (route data `status`).
 */
export function isPublic(route: ActivatedRouteSnapshot): boolean {
  for (let r: ActivatedRouteSnapshot | null = route; r; r = r.firstChild) {
    const config = r.routeConfig;
    const guards = (config?.canActivate ?? []).filter((guard) => guard !== firstPageYields);
    if (guards.length || config?.canMatch?.length || config?.canActivateChild?.length) return false;
    if (r.data['status'] !== undefined) return false;
  }
  return true;
}
