import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { FILE_PURPOSES, FILE_UPLOAD_FIELD, FileInfo, FileUploadResult, PERMISSIONS } from '@madang/contracts';
import type { Response } from 'express';
import type { Actor } from '../../core/actor';
import { CurrentActor, OptionalActor, Public, RequirePermission } from '../../core/decorators';
import { uuidPipe } from '../../core/params';
import { FileListQueryDto, UploadFileDto } from './files.dto';
import { FilesService } from './files.service';
import { sendFile } from './send-file';
import { FileUploadInterceptor, toNewFile, UploadedPart } from './upload.interceptor';

/**
 * Files of any owner. Signing in is all the route asks (`self`); the owner's domain policy
 * decides every request, and what the actor may not see is 404.
 */
@ApiTags('files')
@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Post()
  @RequirePermission(PERMISSIONS.SELF)
  @ApiCookieAuth()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['ownerType', 'ownerId', 'purpose', FILE_UPLOAD_FIELD],
      properties: {
        ownerType: { type: 'string' },
        ownerId: { type: 'string', format: 'uuid' },
        purpose: { type: 'string', enum: [...FILE_PURPOSES] },
        [FILE_UPLOAD_FIELD]: { type: 'string', format: 'binary' },
      },
    },
  })
  @UseInterceptors(FileUploadInterceptor)
  upload(
    @CurrentActor() actor: Actor,
    @Body() dto: UploadFileDto,
    @UploadedFile() part: UploadedPart | undefined,
  ): Promise<FileUploadResult> {
    return this.files.attach(actor, toNewFile(part, dto));
  }

  @Get()
  @Public()
  list(@OptionalActor() actor: Actor | undefined, @Query() query: FileListQueryDto): Promise<FileInfo[]> {
    return this.files.list(actor, query.ownerType, query.ownerId, query.purpose);
  }

  @Get(':id')
  @Public()
  get(@OptionalActor() actor: Actor | undefined, @Param('id', uuidPipe('id')) id: string): Promise<FileInfo> {
    return this.files.get(actor, id);
  }

  @Get(':id/content')
  @Public()
  async content(
    @OptionalActor() actor: Actor | undefined,
    @Param('id', uuidPipe('id')) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const { info, stream } = await this.files.open(actor, id);
    await sendFile(res, { name: info.name, mediaType: info.mediaType, size: info.size, stream });
  }

  @Delete(':id')
  @RequirePermission(PERMISSIONS.SELF)
  @HttpCode(204)
  @ApiCookieAuth()
  remove(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<void> {
    return this.files.remove(actor, id);
  }
}
