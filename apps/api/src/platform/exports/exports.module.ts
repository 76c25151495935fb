import { DynamicModule, Module } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { AppConfig } from '../../config/app-config';
import { ExportRunsRepository } from './export-runs.repository';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

/**
 * Reports as CSV, XLSX and PDF for every domain. Global like FilesModule (whose FilesService it
 * uses to keep finished background exports); domains inject `ExportsService`.
 */
@Module({})
export class ExportsModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ExportsModule,
      global: true,
      controllers: [ExportsController],
      providers: [
        { provide: AppConfig, useValue: config },
        // Stateless; listed here until the audit module exports it (then import that module instead).
        AuditService,
        ExportRunsRepository,
        ExportsService,
      ],
      exports: [ExportsService],
    };
  }
}
