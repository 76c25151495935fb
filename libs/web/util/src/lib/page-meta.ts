import { DOCUMENT } from '@angular/common';
import { DestroyRef, Injectable, REQUEST, effect, inject, signal } from '@angular/core';
import { Meta, Title } from '@angular/platform-browser';
import { LOCALES, type Locale } from '@madang/contracts';
import { I18nService } from '@madang/web/i18n';
import { PUBLIC_ORIGIN } from './public-origin';
import { SiteConfigService } from './site-config';

/** A JSON value, for schema.org structured data. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonLd = { [key: string]: JsonValue };

export interface PageImage {
  /** Absolute, or a path on this site (made absolute with the site's origin). */
  url: string;
  alt?: string;
  width?: number;
  height?: number;
}

/** What one public page says about itself, in the current language. */
export interface PageMeta {
  /** The page's own title (the asset's name, the call's title); the site name is added to `<title>`. */
  title: string;
  /** Real text from the page's data; shortened to ~150 characters. */
  description: string;
  image?: PageImage | null;
  /** Open Graph type (default `website`). */
  type?: 'website' | 'article';
  /** schema.org structured data, written to `<script type="application/ld+json" id="page-jsonld">`. */
  jsonLd?: JsonLd | null;
  /** A page only its viewer may see (e.g. their own private observation): not for search engines. */
  noindex?: boolean;
}

/** The shell's identity, given once by the shell (its messages are the shell's, not this library's). */
export interface SiteIdentity {
  /** The site's name (og:site_name). */
  name(): string;
  /** `<title>` for a page title, or for the site itself when null. */
  documentTitle(page: string | null): string;
  /** The description of a page without its own. */
  description(): string;
  /** The centre's postal address (schema.org `PostalAddress`), for the places it lends. */
  address(): JsonLd;
}

/** What the router knows about the current page (set on every navigation by the title strategy). */
export interface RouteMeta {
  /** The route's title, already in the current language when read (null: the site's own). */
  title: () => string | null;
  /** False for signed-in work, error pages, sign-in: `<meta name="robots" content="noindex">`. */
  indexable: boolean;
  /** The page's path (no query, no fragment). */
  path: string;
  /**
   * Whether the address names the language (`?lang=en`). Then that address is the page's canonical one;
   * without it the page is the language-negotiated `x-default` and canonical to itself (a canonical
   * pointing at another `hreflang` address tells search engines the two are one page).
   */
  languageInAddress?: boolean;
}

const OG_LOCALE: Readonly<Record<Locale, string>> = { ko: 'ko_KR', en: 'en_US' };
export const JSON_LD_ID = 'page-jsonld';
/**
 * On `<head>` in a server-rendered page: which page and language its tags were written for (see
 * `PageMetaService.render`), so the browser does not write them all again while it hydrates.
 */
export const HEAD_FOR_ATTRIBUTE = 'data-head-for';
export const DESCRIPTION_LENGTH = 150;

/** Whitespace folded, cut at a word near `max` characters with an ellipsis. */
export function excerpt(text: string, max = DESCRIPTION_LENGTH): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?·-]+$/, '')}…`;
}

/** JSON for inside `<script>`: no `<` (so no `</script>` or `<!--`), and no line separators. */
export function jsonForScript(data: JsonLd): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The head of every page for search engines and link previews: `<title>`, description, canonical
 * and hreflang links, Open Graph and Twitter tags, schema.org JSON-LD and robots — in the current
 * language, and again whenever the language changes. SSR-safe: only `Title`, `Meta` and `DOCUMENT`.
 *
 * A public page calls `follow()` once (in its constructor); pages without a call get the site's
 * defaults for their route; private routes get `noindex`.
 */
@Injectable({ providedIn: 'root' })
export class PageMetaService {
  private readonly titleService = inject(Title);
  private readonly meta = inject(Meta);
  private readonly document = inject(DOCUMENT);
  private readonly publicOrigin = inject(PUBLIC_ORIGIN);
  private readonly i18n = inject(I18nService);
  private readonly site = inject(SiteConfigService);

  private readonly identity = signal<SiteIdentity | null>(null);
  /** Null until the router has navigated (the title strategy sets it): nothing is written before. */
  private readonly route = signal<RouteMeta | null>(null);
  private readonly page = signal<{ owner: object; build: () => PageMeta | null } | null>(null);
  private readonly rendering = inject(REQUEST, { optional: true }) !== null;
  /** In the browser: what the server wrote the head for, until the first page or language it did not. */
  private serverWrote: string | null = this.rendering
    ? null
    : this.document.head.getAttribute(HEAD_FOR_ATTRIBUTE);

  constructor() {
    effect(() => this.render());
  }

  /** The shell's name and default texts (called once by the shell). */
  identify(identity: SiteIdentity): void {
    this.identity.set(identity);
  }

  /** The router's view of the page just navigated to. */
  setRoute(route: RouteMeta): void {
    this.route.set(route);
  }

  /**
   * Call in a public page's constructor: `build` reads the page's data and the language (signals),
   * and is read again whenever they change; return null while the data is loading (the route's
   * defaults stay). Ends when the page is destroyed.
   */
  follow(build: () => PageMeta | null): void {
    const owner = {};
    this.page.set({ owner, build });
    inject(DestroyRef).onDestroy(() => {
      if (this.page()?.owner === owner) this.page.set(null);
    });
  }

  /**
   * The site's origin: PUBLIC_URL from the server, else where the visitor reached it (while the server
   * renders, the request's origin the API passes on — the rendering request itself is loopback).
   */
  origin(): string {
    const configured = this.site.config().publicUrl;
    if (configured) return configured;
    return this.publicOrigin !== 'null' ? this.publicOrigin : '';
  }

  /** The centre's postal address as schema.org data (null before the shell has identified itself). */
  centreAddress(): JsonLd | null {
    return this.identity()?.address() ?? null;
  }

  /**
   * The meta of a list page (catalogue, calls, archive, observations): its title, a description
   * made of its lead and the first items' names, and a schema.org `ItemList` of the items' pages.
   */
  listPage(title: string, lead: string, items: readonly { name: string; path: string }[]): PageMeta {
    const locale = this.i18n.locale();
    const names = items.map((i) => i.name).join(', ');
    return {
      title,
      description: excerpt(names ? `${lead} ${names}` : lead),
      jsonLd: {
        '@context': 'https://schema.org',
        '@type': 'ItemList',
        name: title,
        numberOfItems: items.length,
        itemListElement: items.map((item, index) => ({
          '@type': 'ListItem',
          position: index + 1,
          name: item.name,
          url: this.absolute(`${item.path}?lang=${locale}`),
        })),
      },
    };
  }

  /** An absolute URL for a path on this site (absolute URLs are left alone). */
  absolute(pathOrUrl: string): string {
    return /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${this.origin()}${pathOrUrl}`;
  }

  private render(): void {
    const identity = this.identity();
    const route = this.route();
    if (!route) return;
    const locale = this.i18n.locale();
    const page = this.page();
    // What the tags below depend on but the page's data. The browser's first render of a page the server
    // rendered has that same data (the transfer cache), so when this matches what the server wrote the
    // head for, the tags are already right: hydration skips building and writing them again.
    const writtenFor = [
      route.path,
      locale,
      route.indexable,
      route.languageInAddress ?? false,
      !!page,
      !!identity,
    ]
      .map(String)
      .join('|');
    if (this.serverWrote !== null) {
      if (writtenFor === this.serverWrote) return;
      this.serverWrote = null;
    }
    const built = route.indexable ? (page?.build() ?? null) : null;
    const indexable = route.indexable && !built?.noindex;
    const own = indexable ? built : null;
    const routeTitle = built?.noindex ? built.title : route.title();
    const title = own?.title ?? routeTitle;
    const description = excerpt(own?.description || identity?.description() || '');
    const siteName = identity?.name() ?? '';
    const documentTitle = identity ? identity.documentTitle(title) : (title ?? '');
    const origin = this.origin();
    const url = (l: Locale | null) => (l ? `${origin}${route.path}?lang=${l}` : `${origin}${route.path}`);
    const image = own?.image ?? null;

    this.titleService.setTitle(documentTitle);
    this.setName('description', description || null);
    this.setName('robots', indexable ? null : 'noindex');

    const ownUrl = url(route.languageInAddress ? locale : null);
    this.setLink('canonical', null, indexable ? ownUrl : null);
    for (const l of LOCALES) this.setLink('alternate', l, indexable ? url(l) : null);
    this.setLink('alternate', 'x-default', indexable ? url(null) : null);

    this.setProperty('og:title', title ?? siteName);
    this.setProperty('og:description', description || null);
    this.setProperty('og:url', ownUrl);
    this.setProperty('og:type', own?.type ?? 'website');
    this.setProperty('og:site_name', siteName || null);
    this.setProperty('og:locale', OG_LOCALE[locale]);
    this.setProperty('og:locale:alternate', OG_LOCALE[LOCALES.find((l) => l !== locale) ?? locale]);
    this.setProperty('og:image', image ? this.absolute(image.url) : null);
    this.setProperty('og:image:alt', image?.alt ?? null);
    this.setProperty('og:image:width', image?.width ? String(image.width) : null);
    this.setProperty('og:image:height', image?.height ? String(image.height) : null);
    this.setName('twitter:card', image ? 'summary_large_image' : 'summary');
    this.setJsonLd(own?.jsonLd ?? null);

    if (this.rendering) {
      // Only a page whose own tags were written (its data came) is left alone by the browser; a page that
      // follows but had no data here is written again there, where its data may come.
      if (page && !built && route.indexable) this.document.head.removeAttribute(HEAD_FOR_ATTRIBUTE);
      else this.document.head.setAttribute(HEAD_FOR_ATTRIBUTE, writtenFor);
    }
  }

  private setName(name: string, content: string | null): void {
    if (content === null) this.meta.removeTag(`name="${name}"`);
    else this.meta.updateTag({ name, content });
  }

  private setProperty(property: string, content: string | null): void {
    if (content === null) this.meta.removeTag(`property="${property}"`);
    else this.meta.updateTag({ property, content });
  }

  private setLink(rel: 'canonical' | 'alternate', hreflang: string | null, href: string | null): void {
    const head = this.document.head;
    const selector = hreflang ? `link[rel="${rel}"][hreflang="${hreflang}"]` : `link[rel="${rel}"]`;
    let link = head.querySelector<HTMLLinkElement>(selector);
    if (href === null) {
      link?.remove();
      return;
    }
    if (!link) {
      link = this.document.createElement('link');
      link.setAttribute('rel', rel);
      if (hreflang) link.setAttribute('hreflang', hreflang);
      head.appendChild(link);
    }
    link.setAttribute('href', href);
  }

  private setJsonLd(data: JsonLd | null): void {
    let script = this.document.getElementById(JSON_LD_ID);
    if (data === null) {
      script?.remove();
      return;
    }
    if (!script) {
      script = this.document.createElement('script');
      script.id = JSON_LD_ID;
      script.setAttribute('type', 'application/ld+json');
      this.document.head.appendChild(script);
    }
    script.textContent = jsonForScript(data);
  }
}
