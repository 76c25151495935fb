import { Module, OnModuleInit } from '@nestjs/common';
import { AuditModule } from '../platform/audit/audit.module';
import { FilesService } from '../platform/files/files.service';
import { ASSET_OWNER, AssetFilesPolicy } from './asset-files.policy';
import { CatalogueController } from './catalogue.controller';
import { CatalogueService } from './catalogue.service';
import { PhotoUploadInterceptor } from './photo-upload.interceptor';
import { PhotosService } from './photos.service';
import { PhotoVariantsController } from './photo-variants.controller';
import { PhotoVariantsRepository } from './photo-variants.repository';
import { PhotoVariantsService } from './photo-variants.service';
import { AssetsRepository } from './assets.repository';
import { CategoriesRepository } from './categories.repository';

/**
 * Assets, categories and their versioned rental rules. Exports CatalogueService: bookings reads the
 * assets as the rules engine sees them (`forRules`, `rulesAtVersion`). Asset photos are files of
 * owner type `asset` (purpose `photo`) in the files service, under `AssetFilesPolicy`.
 */
@Module({
  imports: [AuditModule],
  controllers: [CatalogueController, PhotoVariantsController],
  providers: [
    CatalogueService,
    PhotosService,
    AssetsRepository,
    CategoriesRepository,
    AssetFilesPolicy,
    PhotoUploadInterceptor,
    PhotoVariantsService,
    PhotoVariantsRepository,
  ],
  exports: [CatalogueService],
})
export class CatalogueModule implements OnModuleInit {
  constructor(
    private readonly files: FilesService,
    private readonly assetFiles: AssetFilesPolicy,
  ) {}

  onModuleInit(): void {
    this.files.registerOwner(ASSET_OWNER, this.assetFiles);
  }
}
