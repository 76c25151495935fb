import { Controller, Get } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { JobsHealth, PERMISSIONS } from '@madang/contracts';
import type { Actor } from '../../core/actor';
import { CurrentActor, RequirePermission } from '../../core/decorators';
import { JobsService } from './jobs.service';

@ApiTags('admin')
@ApiCookieAuth()
@Controller('admin/jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  @RequirePermission(PERMISSIONS.JOBS_READ)
  @ApiOperation({
    summary: 'Background jobs per queue: last run, failures in 24 h, depth, next scheduled run',
  })
  health(@CurrentActor() actor: Actor): Promise<JobsHealth> {
    return this.jobs.health(actor);
  }
}
