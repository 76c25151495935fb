import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { LivingLabsModule } from '../living-labs/living-labs.module';
import { RecruitmentModule } from '../recruitment/recruitment.module';
import { SeoService } from './seo.service';

/**
 * What search engines read at the site root: `/sitemap.xml` and `/robots.txt`. Not API routes (no
 * `/api` prefix, not in OpenAPI): `serveSeoFiles` mounts them on the HTTP server before the web app.
 */
@Module({
  imports: [CatalogueModule, RecruitmentModule, LivingLabsModule],
  providers: [SeoService],
  exports: [SeoService],
})
export class SeoModule {}
