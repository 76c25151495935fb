import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ArchiveSummary, Page, PublicProjectPage, PublicProjectSummary } from '@madang/contracts';
import type { Response } from 'express';
import type { RequestMeta } from '../core/actor';
import { Meta, Public } from '../core/decorators';
import { uuidPipe } from '../core/params';
import { ArchiveQueryDto } from './dto/projects.dto';
import { PublicLabsService } from './public-labs.service';

/** The public archive of living labs: published projects only, without sign-in. */
@ApiTags('living-labs')
@Controller('public/labs')
export class PublicLabsController {
  constructor(private readonly labs: PublicLabsService) {}

  @Get('projects')
  @Public()
  list(@Query() query: ArchiveQueryDto, @Meta() meta: RequestMeta): Promise<Page<PublicProjectSummary>> {
    return this.labs.list(query, meta.locale);
  }

  @Get('summary')
  @Public()
  summary(@Query() query: ArchiveQueryDto): Promise<ArchiveSummary> {
    return this.labs.archiveSummary(query);
  }

  @Get('projects/:id')
  @Public()
  page(@Param('id', uuidPipe('id')) id: string, @Meta() meta: RequestMeta): Promise<PublicProjectPage> {
    return this.labs.page(id, meta.locale);
  }

  @Get('projects/:id/results.csv')
  @Public()
  @ApiProduces('text/csv')
  async results(@Param('id', uuidPipe('id')) id: string, @Res() res: Response): Promise<void> {
    const { name, body } = await this.labs.resultsCsv(id);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(body);
  }
}
