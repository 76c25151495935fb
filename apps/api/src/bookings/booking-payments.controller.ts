import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { BookingPaymentResult, PERMISSIONS } from '@madang/contracts';
import type { Actor } from '../core/actor';
import { CurrentActor, RequirePermission } from '../core/decorators';
import { uuidPipe } from '../core/params';
import { BookingPaymentsService } from './booking-payments.service';
import { RecordBookingPaymentDto } from './dto/booking-payments.dto';

@ApiTags('bookings')
@ApiCookieAuth()
@Controller('bookings')
export class BookingPaymentsController {
  constructor(private readonly payments: BookingPaymentsService) {}

  /** Operations record money received or paid back for a booking (posted to settlement's ledger). */
  @Post(':id/payments')
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  record(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: RecordBookingPaymentDto,
  ): Promise<BookingPaymentResult> {
    return this.payments.record(actor, id, dto);
  }
}
