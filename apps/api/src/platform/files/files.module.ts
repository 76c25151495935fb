import { DynamicModule, Module } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { AppConfig } from '../../config/app-config';
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
@Module({})
export class FilesModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: FilesModule,
      global: true,
      controllers: [FilesController],
      providers: [
        { provide: AppConfig, useValue: config },
        // Stateless; listed here until the audit module exports it (then import that module instead).
        AuditService,
        FilesRepository,
        PostgresFileStore,
        { provide: FILE_STORE, useExisting: PostgresFileStore },
        FilesService,
        FileUploadInterceptor,
      ],
      exports: [FilesService, FileUploadInterceptor],
    };
  }
}
