import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';

/**
 * The job runner, global so every domain module can inject JobsService and define its jobs.
 * Needs TypeORM's DataSource (TypeOrmModule.forRoot) in the application.
 */
@Module({})
export class JobsModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      controllers: [JobsController],
      providers: [{ provide: AppConfig, useValue: config }, JobsService],
      exports: [JobsService],
    };
  }
}
