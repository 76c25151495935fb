import { Global, Module } from '@nestjs/common';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';

/**
 * The job runner, global so every domain module can inject JobsService and define its jobs.
 * Needs TypeORM's DataSource (TypeOrmModule.forRoot) in the application.
 */
@Global()
@Module({
  controllers: [JobsController],
  providers: [JobsService],
  exports: [JobsService],
})
export class JobsModule {}
