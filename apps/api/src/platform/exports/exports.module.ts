import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ExportRunsRepository } from './export-runs.repository';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

/**
 * Reports as CSV, XLSX and PDF for every domain. Global like FilesModule (whose FilesService it
 * uses to keep finished background exports); domains inject `ExportsService`.
 */
@Global()
@Module({
  imports: [AuditModule],
  controllers: [ExportsController],
  providers: [ExportRunsRepository, ExportsService],
  exports: [ExportsService],
})
export class ExportsModule {}
