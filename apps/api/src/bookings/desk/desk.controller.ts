import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import {
  PERMISSIONS,
  type AssetPartDto,
  type CheckInDto as CheckInView,
  type CustodyDto,
  type DepositRetentionDto,
  type DeskDayDto,
  type DeskItem,
} from '@madang/contracts';
import type { Actor } from '../../core/actor';
import { CurrentActor, Public, RequirePermission } from '../../core/decorators';
import { uuidPipe } from '../../core/params';
import { AssetPartsService } from './asset-parts.service';
import { CheckInService } from './check-in.service';
import { CustodyService } from './custody.service';
import {
  CheckInDto,
  DeskDayQueryDto,
  HandOutDto,
  PutAssetPartsDto,
  RetainDepositDto,
  ReturnDto,
} from './desk.dto';

/** Kits, the equipment desk (hand-out, return, deposit kept) and check-in. */
@ApiTags('desk')
@Controller()
export class DeskController {
  constructor(
    private readonly parts: AssetPartsService,
    private readonly custody: CustodyService,
    private readonly checkIns: CheckInService,
  ) {}

  @Get('assets/:id/parts')
  @Public()
  listParts(@Param('id', uuidPipe('id')) assetId: string): Promise<AssetPartDto[]> {
    return this.parts.list(assetId);
  }

  @Put('assets/:id/parts')
  @RequirePermission(PERMISSIONS.CATALOGUE_MANAGE)
  @ApiCookieAuth()
  replaceParts(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) assetId: string,
    @Body() dto: PutAssetPartsDto,
  ): Promise<AssetPartDto[]> {
    return this.parts.replace(actor, assetId, dto);
  }

  @Get('desk')
  @RequirePermission(PERMISSIONS.BOOKINGS_DECIDE)
  @ApiCookieAuth()
  day(@CurrentActor() actor: Actor, @Query() query: DeskDayQueryDto): Promise<DeskDayDto> {
    return this.custody.day(actor, query.date);
  }

  @Get('desk/overdue')
  @RequirePermission(PERMISSIONS.BOOKINGS_DECIDE)
  @ApiCookieAuth()
  overdue(@CurrentActor() actor: Actor): Promise<DeskItem[]> {
    return this.custody.overdue(actor);
  }

  @Post('bookings/:id/handouts')
  @RequirePermission(PERMISSIONS.BOOKINGS_DECIDE)
  @ApiCookieAuth()
  handOut(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) bookingId: string,
    @Body() dto: HandOutDto,
  ): Promise<CustodyDto> {
    return this.custody.handOut(actor, bookingId, dto);
  }

  @Post('handouts/:id/return')
  @RequirePermission(PERMISSIONS.BOOKINGS_DECIDE)
  @ApiCookieAuth()
  takeBack(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) handoutId: string,
    @Body() dto: ReturnDto,
  ): Promise<CustodyDto> {
    return this.custody.takeBack(actor, handoutId, dto);
  }

  @Get('bookings/:id/custody')
  @RequirePermission(PERMISSIONS.BOOKINGS_READ_OWN)
  @ApiCookieAuth()
  custodyOf(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) bookingId: string,
  ): Promise<CustodyDto[]> {
    return this.custody.ofBooking(actor, bookingId);
  }

  @Post('bookings/:id/deposit-retentions')
  @RequirePermission(PERMISSIONS.BOOKINGS_DECIDE)
  @ApiCookieAuth()
  retain(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) bookingId: string,
    @Body() dto: RetainDepositDto,
  ): Promise<DepositRetentionDto> {
    return this.custody.retainDeposit(actor, bookingId, dto);
  }

  @Get('bookings/:id/check-in')
  @RequirePermission(PERMISSIONS.BOOKINGS_READ_OWN)
  @ApiCookieAuth()
  checkInInfo(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) bookingId: string,
  ): Promise<CheckInView> {
    return this.checkIns.info(actor, bookingId);
  }

  @Post('bookings/:id/check-in')
  @RequirePermission(PERMISSIONS.BOOKINGS_READ_OWN)
  @ApiCookieAuth()
  checkIn(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) bookingId: string,
    @Body() dto: CheckInDto,
  ): Promise<CheckInView> {
    return this.checkIns.checkIn(actor, bookingId, dto);
  }
}
