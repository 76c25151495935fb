import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { FILE_STORE } from './file-store';
import { FilesController } from './files.controller';
import { FilesRepository } from './files.repository';
import { FilesService } from './files.service';
import { PostgresFileStore } from './postgres-file-store';
import { FileUploadInterceptor } from './upload.interceptor';

/**
 * Attachments for every domain. Global, like the database: any domain module can inject
 * `FilesService` and register its owner types. Swap the store by providing another `FILE_STORE`.
 */
@Global()
@Module({
  imports: [AuditModule],
  controllers: [FilesController],
  providers: [
    FilesRepository,
    PostgresFileStore,
    { provide: FILE_STORE, useExisting: PostgresFileStore },
    FilesService,
    FileUploadInterceptor,
  ],
  exports: [FilesService, FileUploadInterceptor],
})
export class FilesModule {}
