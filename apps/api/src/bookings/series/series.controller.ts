import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import {
  PERMISSIONS,
  type BookingSeriesDto,
  type CreateSeriesResponse,
  type EditSeriesResponse,
  type Page,
  type SeriesCancelResult,
  type SeriesDecisionResult,
  type SeriesPreview,
  type SeriesSummaryDto,
} from '@madang/contracts';
import type { Actor } from '../../core/actor';
import { CurrentActor, RequirePermission } from '../../core/decorators';
import { invalidField } from '../../core/domain-error';
import { uuidPipe } from '../../core/params';
import {
  CreateSeriesDto,
  EditSeriesDto,
  OccurrenceChangeDto,
  SeriesCancelDto,
  SeriesDecisionDto,
  SeriesListQueryDto,
  SeriesRequestDto,
} from './dto/series.dto';
import { SeriesChangesService } from './series-changes.service';
import { SeriesService } from './series.service';

const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Recurring booking series (issue 12): each occurrence is a normal booking. */
@ApiTags('booking series')
@ApiCookieAuth()
@Controller('bookings/series')
export class SeriesController {
  constructor(
    private readonly series: SeriesService,
    private readonly changes: SeriesChangesService,
  ) {}

  @Post('preview')
  @RequirePermission(PERMISSIONS.BOOKINGS_CREATE)
  @HttpCode(200)
  preview(@CurrentActor() actor: Actor, @Body() dto: SeriesRequestDto): Promise<SeriesPreview> {
    return this.series.preview(actor, dto);
  }

  @Post()
  @RequirePermission(PERMISSIONS.BOOKINGS_CREATE)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateSeriesDto): Promise<CreateSeriesResponse> {
    return this.series.create(actor, dto);
  }

  @Get()
  @RequirePermission(PERMISSIONS.BOOKINGS_READ_OWN)
  list(@CurrentActor() actor: Actor, @Query() query: SeriesListQueryDto): Promise<Page<SeriesSummaryDto>> {
    return this.series.list(actor, query);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.BOOKINGS_READ_OWN)
  get(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<BookingSeriesDto> {
    return this.series.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission(PERMISSIONS.BOOKINGS_CREATE)
  edit(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: EditSeriesDto,
  ): Promise<EditSeriesResponse> {
    return this.changes.edit(actor, id, dto);
  }

  @Patch(':id/occurrences/:date')
  @RequirePermission(PERMISSIONS.BOOKINGS_CREATE)
  changeOccurrence(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Param('date') date: string,
    @Body() dto: OccurrenceChangeDto,
  ): Promise<BookingSeriesDto> {
    if (!LOCAL_DATE.test(date)) throw invalidField('date', 'not_date');
    return this.changes.changeOccurrence(actor, id, date, dto);
  }

  @Post(':id/decision')
  @RequirePermission(PERMISSIONS.BOOKINGS_DECIDE)
  @HttpCode(200)
  decide(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: SeriesDecisionDto,
  ): Promise<SeriesDecisionResult> {
    return this.changes.decide(actor, id, dto);
  }

  @Post(':id/cancel')
  @RequirePermission(PERMISSIONS.BOOKINGS_READ_OWN)
  @HttpCode(200)
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: SeriesCancelDto,
  ): Promise<SeriesCancelResult> {
    return this.changes.cancel(actor, id, dto);
  }
}
