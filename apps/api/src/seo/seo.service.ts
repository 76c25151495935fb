import { Injectable } from '@nestjs/common';
import { LOCALES, PAGE_LIMIT_MAX, type Page } from '@madang/contracts';
import { CatalogueService } from '../catalogue/catalogue.service';
import { ObservationsService } from '../living-labs/observations.service';
import { PublicLabsService } from '../living-labs/public-labs.service';
import { CallsService } from '../recruitment/calls.service';
import { PUBLIC_LIST_PATHS, robotsTxt, sitemapXml, type SitemapPage } from './sitemap';

/** A sitemap holds at most 50,000 addresses; each page is listed once per language. */
export const SITEMAP_MAX_PAGES = Math.floor(50_000 / LOCALES.length);

/**
 * `/sitemap.xml` and `/robots.txt`: the public pages, gathered from each domain's own public list
 * (the same service methods the public API serves), so what is listed is exactly what an anonymous
 * visitor may open — active assets, calls past their draft, published projects, public observations.
 */
@Injectable()
export class SeoService {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly calls: CallsService,
    private readonly labs: PublicLabsService,
    private readonly observations: ObservationsService,
  ) {}

  async sitemap(origin: string): Promise<string> {
    return sitemapXml(origin, await this.pages(), LOCALES);
  }

  robots(origin: string): string {
    return robotsTxt(origin);
  }

  /** Every public page, lists first, capped at what one sitemap may hold. */
  async pages(): Promise<SitemapPage[]> {
    const assets = await this.catalogue.listAssets(undefined, {});
    const calls = await allPages((limit, offset) => this.calls.publicList({ limit, offset }));
    const projects = await allPages((limit, offset) => this.labs.list({ limit, offset }, 'ko'));
    const observations = await allPages((limit, offset) => this.observations.listPublic({ limit, offset }));
    return [
      ...PUBLIC_LIST_PATHS.map((path) => ({ path })),
      ...assets.map((a) => ({ path: `/catalogue/${a.id}` })),
      ...calls.map((c) => ({ path: `/calls/${c.id}` })),
      ...projects.map((p) => ({ path: `/labs/shared/${p.id}`, lastmod: p.publishedAt })),
      ...observations.map((o) => ({ path: `/observations/${o.id}`, lastmod: o.createdAt })),
    ].slice(0, SITEMAP_MAX_PAGES);
  }
}

/** Reads a paged public list to its end (or to the sitemap's cap). */
async function allPages<T>(read: (limit: number, offset: number) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const page = await read(PAGE_LIMIT_MAX, items.length);
    items.push(...page.items);
    if (page.items.length < PAGE_LIMIT_MAX || items.length >= page.total || items.length >= SITEMAP_MAX_PAGES)
      return items;
  }
}
