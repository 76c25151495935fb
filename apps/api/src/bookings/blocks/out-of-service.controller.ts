import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS, type OutOfServiceDto } from '@madang/contracts';
import type { Actor } from '../../core/actor';
import { CurrentActor, RequirePermission } from '../../core/decorators';
import { uuidPipe } from '../../core/params';
import { BookingBlocksService } from './booking-blocks.service';
import { CreateOutOfServiceDto, OutOfServiceQueryDto } from './out-of-service.dto';

/** Out-of-service periods of an asset: blocks that staff set and end in the catalogue. */
@ApiTags('catalogue')
@ApiCookieAuth()
@Controller('assets/:id/out-of-service')
export class OutOfServiceController {
  constructor(private readonly blocks: BookingBlocksService) {}

  @Post()
  @RequirePermission(PERMISSIONS.CATALOGUE_MANAGE)
  create(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) assetId: string,
    @Body() dto: CreateOutOfServiceDto,
  ): Promise<OutOfServiceDto> {
    return this.blocks.outOfService(actor, assetId, dto);
  }

  @Get()
  @RequirePermission(PERMISSIONS.CATALOGUE_MANAGE)
  list(
    @Param('id', uuidPipe('id')) assetId: string,
    @Query() query: OutOfServiceQueryDto,
  ): Promise<OutOfServiceDto[]> {
    return this.blocks.listForAsset(assetId, query.released === 'true');
  }

  @Delete(':blockId')
  @RequirePermission(PERMISSIONS.CATALOGUE_MANAGE)
  @HttpCode(204)
  release(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) assetId: string,
    @Param('blockId', uuidPipe('blockId')) blockId: string,
  ): Promise<void> {
    return this.blocks.releaseOutOfService(actor, assetId, blockId);
  }
}
