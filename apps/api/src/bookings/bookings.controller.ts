import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import {
  Page,
  PERMISSIONS,
  type ApprovalQueueItem,
  type AvailabilityResponse,
  type BookingDto,
  type BulkDecisionResult,
  type CancellationTerms,
  type QuoteResponse,
} from '@madang/contracts';
import type { Response } from 'express';
import type { Actor } from '../core/actor';
import { PageQueryDto } from '../core/pagination';
import { CurrentActor, OptionalActor, Public, RequirePermission } from '../core/decorators';
import { invalidField } from '../core/domain-error';
import { assertSpan, MAX_SPAN_DAYS } from '../core/time-range';
import { uuidPipe } from '../core/params';
import { BookingsQueryService } from './bookings-query.service';
import { BookingsService } from './bookings.service';
import {
  AvailabilityQueryDto,
  BookingListQueryDto,
  BulkDecisionDto,
  CreateBookingDto,
  ReasonDto,
  RejectDto,
} from './dto/bookings.dto';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,100}$/;

@ApiTags('bookings')
@Controller()
export class BookingsController {
  constructor(
    private readonly bookings: BookingsService,
    private readonly queries: BookingsQueryService,
  ) {}

  @Get('availability')
  @Public()
  availability(
    @OptionalActor() actor: Actor | undefined,
    @Query() query: AvailabilityQueryDto,
  ): Promise<AvailabilityResponse> {
    return this.queries.availability(actor, query);
  }

  @Post('bookings/quote')
  @RequirePermission(PERMISSIONS.BOOKINGS_CREATE)
  @HttpCode(200)
  @ApiCookieAuth()
  quote(@CurrentActor() actor: Actor, @Body() dto: CreateBookingDto): Promise<QuoteResponse> {
    assertSpan(dto.start, dto.end, 'end', MAX_SPAN_DAYS.booking);
    return this.bookings.quote(actor, dto);
  }

  @Post('bookings')
  @RequirePermission(PERMISSIONS.BOOKINGS_CREATE)
  @ApiCookieAuth()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key returns the first answer',
  })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateBookingDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BookingDto> {
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) throw invalidField('Idempotency-Key', 'invalid');
    assertSpan(dto.start, dto.end, 'end', MAX_SPAN_DAYS.booking);
    const { booking, replayed } = await this.bookings.create(actor, dto, key);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.status(201);
    return booking;
  }

  @Get('bookings')
  @RequirePermission(PERMISSIONS.BOOKINGS_READ_OWN)
  @ApiCookieAuth()
  list(@CurrentActor() actor: Actor, @Query() query: BookingListQueryDto): Promise<Page<BookingDto>> {
    assertSpan(query.from, query.to, 'to', MAX_SPAN_DAYS.list);
    return this.queries.list(actor, query);
  }

  @Post('bookings/decisions')
  @RequirePermission(PERMISSIONS.BOOKINGS_DECIDE)
  @HttpCode(200)
  @ApiCookieAuth()
  decideMany(@CurrentActor() actor: Actor, @Body() dto: BulkDecisionDto): Promise<BulkDecisionResult> {
    return this.bookings.decideMany(actor, dto);
  }

  @Get('bookings/:id')
  @RequirePermission(PERMISSIONS.BOOKINGS_READ_OWN)
  @ApiCookieAuth()
  get(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<BookingDto> {
    return this.bookings.get(actor, id);
  }

  @Post('bookings/:id/approve')
  @RequirePermission(PERMISSIONS.BOOKINGS_DECIDE)
  @HttpCode(200)
  @ApiCookieAuth()
  approve(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: ReasonDto,
  ): Promise<BookingDto> {
    return this.bookings.approve(actor, id, dto.reason);
  }

  @Post('bookings/:id/reject')
  @RequirePermission(PERMISSIONS.BOOKINGS_DECIDE)
  @HttpCode(200)
  @ApiCookieAuth()
  reject(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: RejectDto,
  ): Promise<BookingDto> {
    return this.bookings.reject(actor, id, dto.reason);
  }

  @Get('bookings/:id/cancellation')
  @RequirePermission(PERMISSIONS.BOOKINGS_READ_OWN)
  @ApiCookieAuth()
  cancellationTerms(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<CancellationTerms> {
    return this.bookings.cancellationTerms(actor, id);
  }

  @Post('bookings/:id/cancel')
  @RequirePermission(PERMISSIONS.BOOKINGS_READ_OWN)
  @HttpCode(200)
  @ApiCookieAuth()
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: ReasonDto,
  ): Promise<BookingDto> {
    return this.bookings.cancel(actor, id, dto.reason);
  }

  @Get('approvals/queue')
  @RequirePermission(PERMISSIONS.BOOKINGS_DECIDE)
  @ApiCookieAuth()
  queue(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<Page<ApprovalQueueItem>> {
    return this.queries.queue(actor, query);
  }
}
