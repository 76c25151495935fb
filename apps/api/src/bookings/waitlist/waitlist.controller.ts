import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS, type BookingDto, type WaitlistEntryDto } from '@madang/contracts';
import type { Actor } from '../../core/actor';
import { CurrentActor, RequirePermission } from '../../core/decorators';
import { uuidPipe } from '../../core/params';
import { assertSpan, MAX_SPAN_DAYS } from '../../core/time-range';
import { JoinWaitlistDto } from './waitlist.dto';
import { WaitlistService } from './waitlist.service';

@ApiTags('waitlist')
@ApiCookieAuth()
@Controller()
export class WaitlistController {
  constructor(private readonly waitlist: WaitlistService) {}

  @Post('assets/:id/waitlist')
  @RequirePermission(PERMISSIONS.BOOKINGS_CREATE)
  join(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: JoinWaitlistDto,
  ): Promise<WaitlistEntryDto> {
    assertSpan(dto.start, dto.end, 'end', MAX_SPAN_DAYS.booking);
    return this.waitlist.join(actor, id, dto);
  }

  @Get('waitlist')
  @RequirePermission(PERMISSIONS.BOOKINGS_READ_OWN)
  list(@CurrentActor() actor: Actor): Promise<WaitlistEntryDto[]> {
    return this.waitlist.list(actor);
  }

  @Delete('waitlist/:id')
  @RequirePermission(PERMISSIONS.BOOKINGS_CREATE)
  @HttpCode(204)
  leave(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<void> {
    return this.waitlist.leave(actor, id);
  }

  @Post('waitlist/offers/:id/accept')
  @RequirePermission(PERMISSIONS.BOOKINGS_CREATE)
  @HttpCode(201)
  accept(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<BookingDto> {
    return this.waitlist.accept(actor, id);
  }
}
