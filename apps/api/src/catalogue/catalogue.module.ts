import { Module } from '@nestjs/common';
import { AuditModule } from '../platform/audit/audit.module';
import { CatalogueController } from './catalogue.controller';
import { CatalogueService } from './catalogue.service';
import { PhotosService } from './photos.service';
import { AssetsRepository } from './assets.repository';
import { CategoriesRepository } from './categories.repository';

/**
 * Assets, categories and their versioned rental rules. Exports CatalogueService: bookings reads the
 * assets as the rules engine sees them (`forRules`, `rulesAtVersion`).
 */
@Module({
  imports: [AuditModule],
  controllers: [CatalogueController],
  providers: [CatalogueService, PhotosService, AssetsRepository, CategoriesRepository],
  exports: [CatalogueService],
})
export class CatalogueModule {}
