import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PAYMENT_KINDS,
  PAYMENT_METHODS,
  PaymentKind,
  PaymentMethod,
  RecordBookingPaymentRequest,
} from '@madang/contracts';
import { IsDefined, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { OneOf, Text } from '../../core/validators';

export class RecordBookingPaymentDto implements RecordBookingPaymentRequest {
  @ApiProperty({ enum: PAYMENT_KINDS })
  @IsDefined()
  @OneOf(PAYMENT_KINDS)
  kind!: PaymentKind;

  @ApiProperty({ enum: PAYMENT_METHODS })
  @IsDefined()
  @OneOf(PAYMENT_METHODS)
  method!: PaymentMethod;

  @ApiProperty({ example: 60_000, description: 'Whole won' })
  @IsDefined()
  @IsInt()
  @Min(1, { context: { min: 1 } })
  @Max(Number.MAX_SAFE_INTEGER, { context: { max: Number.MAX_SAFE_INTEGER } })
  amount!: number;

  @ApiProperty({ example: '2027-11-03' })
  @IsDefined()
  @IsString()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { context: { code: 'not_date' } })
  @Matches(/^(?!\d{4}-02-3)(?!\d{4}-(04|06|09|11)-31)/, { context: { code: 'not_date' } })
  receivedOn!: string;

  @ApiPropertyOptional({ example: 'BK-2027-0042' })
  @IsOptional()
  @Text(1, 100)
  reference?: string;

  @ApiPropertyOptional({ example: '홍길동' })
  @IsOptional()
  @Text(1, 200)
  payerName?: string;
}
