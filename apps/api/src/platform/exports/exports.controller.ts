import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { ExportRunStatus, PERMISSIONS } from '@madang/contracts';
import type { Response } from 'express';
import type { Actor } from '../../core/actor';
import { CurrentActor, RequirePermission } from '../../core/decorators';
import { uuidPipe } from '../../core/params';
import { sendFile } from '../files/send-file';
import { ExportsService } from './exports.service';

/** Background exports, seen only by whoever started them. Domains start them from their own routes. */
@ApiTags('exports')
@ApiCookieAuth()
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get(':id')
  @RequirePermission(PERMISSIONS.SELF)
  status(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<ExportRunStatus> {
    return this.exports.status(actor, id);
  }

  @Get(':id/file')
  @RequirePermission(PERMISSIONS.SELF)
  async file(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const { info, stream } = await this.exports.open(actor, id);
    await sendFile(res, { name: info.name, mediaType: info.mediaType, size: info.size, stream });
  }
}
