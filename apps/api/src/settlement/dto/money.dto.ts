import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BANK_MATCH_TARGETS,
  BankMatchTarget,
  ColumnMappingView,
  MatchBankLineRequest,
  PAYMENT_KINDS,
  PAYMENT_METHODS,
  PaymentKind,
  PaymentMethod,
  RecordPaymentRequest,
  RecordWaiverRequest,
  RentScheduleRequest,
  ReverseEntryRequest,
  SetIncomeMappingRequest,
} from '@madang/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDefined, IsOptional, IsUUID, Matches } from 'class-validator';
import { IntRange, OneOf, Text } from '../../core/validators';
import { DateOnly, MonthOnly, QueryInt, WonAmount } from './common';

export class RecordPaymentDto implements RecordPaymentRequest {
  @ApiProperty()
  @IsDefined()
  @IsUUID()
  bookingId!: string;

  @ApiProperty({ enum: PAYMENT_KINDS })
  @IsDefined()
  @OneOf(PAYMENT_KINDS)
  kind!: PaymentKind;

  @ApiProperty({ enum: PAYMENT_METHODS })
  @IsDefined()
  @OneOf(PAYMENT_METHODS)
  method!: PaymentMethod;

  @ApiProperty({ example: 60_000 })
  @IsDefined()
  @WonAmount(1)
  amount!: number;

  @ApiProperty({ example: '2027-11-03' })
  @IsDefined()
  @DateOnly()
  receivedOn!: string;

  @ApiPropertyOptional({ example: 'BK-2027-0042' })
  @IsOptional()
  @Text(1, 100)
  reference?: string;

  @ApiPropertyOptional({ example: '홍길동' })
  @IsOptional()
  @Text(1, 200)
  payerName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  assetCategoryId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  budgetLineId?: string;
}

export class PaymentQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  bookingId?: string;
}

export class RecordWaiverDto implements RecordWaiverRequest {
  @ApiProperty()
  @IsDefined()
  @IsUUID()
  bookingId!: string;

  @ApiProperty({ example: 80_000, description: "The quote's value" })
  @IsDefined()
  @WonAmount(1)
  value!: number;

  @ApiProperty({ example: '주민 팀 공익 활동 감면' })
  @IsDefined()
  @Text(2, 1000)
  reason!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  assetCategoryId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  budgetLineId?: string;
}

export class SetIncomeMappingDto implements SetIncomeMappingRequest {
  @ApiProperty()
  @IsDefined()
  @IsUUID()
  budgetLineId!: string;
}

export class RentScheduleDto implements RentScheduleRequest {
  @ApiProperty()
  @IsDefined()
  @IsUUID()
  agreementId!: string;

  @ApiProperty()
  @IsDefined()
  @IsUUID()
  budgetLineId!: string;

  @ApiProperty({ example: 150_000 })
  @IsDefined()
  @WonAmount(1)
  monthlyAmount!: number;

  @ApiProperty({ example: '2027-03-01' })
  @IsDefined()
  @DateOnly()
  startsOn!: string;

  @ApiProperty({ example: '2028-02-29' })
  @IsDefined()
  @DateOnly()
  endsOn!: string;
}

export class PostDueRentDto {
  @ApiPropertyOptional({ example: '2027-11-30' })
  @IsOptional()
  @DateOnly()
  asOf?: string;
}

export class ColumnMappingDto implements ColumnMappingView {
  @ApiProperty({ example: '거래일시' })
  @IsDefined()
  @Text(1, 100)
  date!: string;

  @ApiPropertyOptional() @IsOptional() @Text(1, 100) amount?: string;
  @ApiPropertyOptional({ example: '입금액' }) @IsOptional() @Text(1, 100) deposit?: string;
  @ApiPropertyOptional({ example: '출금액' }) @IsOptional() @Text(1, 100) withdrawal?: string;
  @ApiPropertyOptional() @IsOptional() @Text(1, 100) counterparty?: string;
  @ApiPropertyOptional() @IsOptional() @Text(1, 100) memo?: string;
  @ApiPropertyOptional() @IsOptional() @Text(1, 100) balance?: string;
}

export class ImportQueryDto {
  @ApiProperty({ example: 'nonghyup', description: 'The bank whose column mapping applies' })
  @IsDefined()
  @Text(1, 40)
  @Matches(/^[a-z0-9_-]+$/, { context: { code: 'invalid' } })
  bank!: string;

  @ApiPropertyOptional({ example: '2027-11.csv' })
  @IsOptional()
  @Text(1, 200)
  fileName?: string;
}

export class BankLineQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unreconciled?: boolean;

  @ApiPropertyOptional({ default: 500 })
  @IsOptional()
  @QueryInt()
  @IntRange(1, 5000)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @QueryInt()
  @IntRange(0, 10_000_000)
  offset?: number;
}

export class MatchBankLineDto implements MatchBankLineRequest {
  @ApiProperty({ enum: BANK_MATCH_TARGETS })
  @IsDefined()
  @OneOf(BANK_MATCH_TARGETS)
  target!: BankMatchTarget;

  @ApiPropertyOptional() @IsOptional() @IsUUID() expenseId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() paymentId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() programmeId?: string;
  @ApiPropertyOptional() @IsOptional() @Text(1, 1000) note?: string;
}

export class ReportQueryDto {
  @ApiPropertyOptional({ example: '2027-01' })
  @IsOptional()
  @MonthOnly()
  from?: string;

  @ApiPropertyOptional({ example: '2027-11' })
  @IsOptional()
  @MonthOnly()
  to?: string;
}

export class ReverseEntryDto implements ReverseEntryRequest {
  @ApiProperty({ example: '금액 오기 정정' })
  @IsDefined()
  @Text(2, 1000)
  reason!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @DateOnly()
  entryDate?: string;
}
