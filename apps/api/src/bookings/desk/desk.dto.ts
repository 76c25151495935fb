import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PART_CHECK_STATES,
  type CheckInRequest,
  type HandOutRequest,
  type PartCheckInput,
  type PartCheckState,
  type PutAssetPartsRequest,
  type RetainDepositRequest,
  type ReturnRequest,
} from '@madang/contracts';
import { ArrayMaxSize, IsArray, IsDefined, IsUUID, Matches } from 'class-validator';
import { IntRange, Nested, NestedEach, OneOf, Optional, Text } from '../../core/validators';

export class LocalizedNameDto {
  @ApiProperty({ example: '렌즈 50mm' })
  @IsDefined()
  @Text(1, 100)
  ko!: string;

  @ApiProperty({ example: 'Lens 50mm' })
  @IsDefined()
  @Text(1, 100)
  en!: string;
}

export class AssetPartInputDto {
  @ApiPropertyOptional({
    description: 'An existing part of this asset (kept and edited); absent: a new part',
  })
  @Optional()
  @IsUUID()
  id?: string;

  @ApiProperty({ type: LocalizedNameDto })
  @IsDefined()
  @Nested(() => LocalizedNameDto)
  name!: LocalizedNameDto;

  @ApiPropertyOptional({ default: 1 })
  @Optional()
  @IntRange(1, 100)
  quantity?: number;

  @ApiPropertyOptional({ example: 'SN-4411' })
  @Optional()
  @Text(0, 100)
  serial?: string;
}

export class PutAssetPartsDto implements PutAssetPartsRequest {
  @ApiProperty({ type: [AssetPartInputDto] })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(50, { context: { max: 50 } })
  @NestedEach(() => AssetPartInputDto)
  parts!: AssetPartInputDto[];
}

export class PartCheckDto implements PartCheckInput {
  @ApiProperty()
  @IsDefined()
  @IsUUID()
  partId!: string;

  @ApiProperty({ enum: PART_CHECK_STATES })
  @IsDefined()
  @OneOf(PART_CHECK_STATES)
  state!: PartCheckState;

  @ApiPropertyOptional()
  @Optional()
  @Text(0, 500)
  note?: string;
}

export class HandOutDto implements HandOutRequest {
  @ApiProperty()
  @IsDefined()
  @IsUUID()
  assetId!: string;

  @ApiProperty({ example: '김주민' })
  @IsDefined()
  @Text(1, 100)
  receivedBy!: string;

  @ApiPropertyOptional({ example: '렌즈 앞 작은 흠집' })
  @Optional()
  @Text(0, 1000)
  condition?: string;

  @ApiPropertyOptional({ type: [PartCheckDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50, { context: { max: 50 } })
  @NestedEach(() => PartCheckDto)
  parts?: PartCheckDto[];
}

export class ReturnDto implements ReturnRequest {
  @ApiProperty({ example: '배터리 1개 없음' })
  @IsDefined()
  @Text(0, 1000)
  condition!: string;

  @ApiPropertyOptional({ type: [PartCheckDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50, { context: { max: 50 } })
  @NestedEach(() => PartCheckDto)
  parts?: PartCheckDto[];
}

export class RetainDepositDto implements RetainDepositRequest {
  @ApiProperty({ example: 30000 })
  @IsDefined()
  @IntRange(1, 100_000_000)
  amount!: number;

  @ApiProperty({ example: '배터리 분실' })
  @IsDefined()
  @Text(1, 500)
  reason!: string;

  @ApiPropertyOptional()
  @Optional()
  @IsUUID()
  handoutId?: string;
}

export class CheckInDto implements CheckInRequest {
  @ApiPropertyOptional({ example: 12, description: 'How many came' })
  @Optional()
  @IntRange(0, 10000)
  attendance?: number;
}

export class DeskDayQueryDto {
  @ApiProperty({ example: '2026-12-01', description: 'A day in the centre’s time zone' })
  @IsDefined()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { code: 'not_date' } })
  date!: string;
}
