import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CATEGORY_CODE_MAX_LENGTH,
  CATEGORY_CODE_PATTERN,
  type AssetKind,
  type AssetQuery,
  type CreateAssetRequest,
  type CreateCategoryRequest,
  type LocalizedText,
  type RentalRulesOverride,
  type UpdateAssetRequest,
  type UpdateCategoryRequest,
  type UpdateRulesRequest,
} from '@madang/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { IntRange, Nested, Nullable, OneOf, Optional, QueryInstant, Text } from '../../core/validators';

export const ASSET_KINDS = ['space', 'equipment_item', 'equipment_pool'] as const;

export class LocalizedTextDto implements LocalizedText {
  @ApiProperty()
  @IsDefined()
  @Text(1, 200)
  ko!: string;

  @ApiProperty()
  @IsDefined()
  @Text(1, 200)
  en!: string;
}

export class LocalizedLongTextDto implements LocalizedText {
  @ApiProperty()
  @IsDefined()
  @IsString()
  @MaxLength(4000, { context: { max: 4000 } })
  ko!: string;

  @ApiProperty()
  @IsDefined()
  @IsString()
  @MaxLength(4000, { context: { max: 4000 } })
  en!: string;
}

/** The category code rule of the contract, as validation. */
const CategoryCode = () =>
  applyDecorators(
    IsString(),
    MaxLength(CATEGORY_CODE_MAX_LENGTH, { context: { max: CATEGORY_CODE_MAX_LENGTH } }),
    Matches(CATEGORY_CODE_PATTERN, { context: { code: 'invalid' } }),
  );

export class CreateCategoryDto implements CreateCategoryRequest {
  @ApiProperty({ example: 'meeting-rooms', pattern: CATEGORY_CODE_PATTERN.source })
  @IsDefined()
  @CategoryCode()
  code!: string;

  @ApiProperty({ type: LocalizedTextDto })
  @IsDefined()
  @Nested(() => LocalizedTextDto)
  name!: LocalizedTextDto;

  @ApiPropertyOptional({ type: LocalizedLongTextDto })
  @Optional()
  @Nested(() => LocalizedLongTextDto)
  description?: LocalizedLongTextDto;

  @ApiPropertyOptional({ description: 'RentalRulesOverride' })
  @Optional()
  @IsObject()
  rules?: RentalRulesOverride;
}

export class UpdateCategoryDto implements UpdateCategoryRequest {
  @ApiPropertyOptional({ example: 'meeting-rooms', pattern: CATEGORY_CODE_PATTERN.source })
  @Optional()
  @CategoryCode()
  code?: string;

  @ApiPropertyOptional({ type: LocalizedTextDto })
  @Optional()
  @Nested(() => LocalizedTextDto)
  name?: LocalizedTextDto;

  @ApiPropertyOptional({ type: LocalizedLongTextDto })
  @Optional()
  @Nested(() => LocalizedLongTextDto)
  description?: LocalizedLongTextDto;
}

export class RulesDto implements UpdateRulesRequest {
  @ApiProperty({ description: 'RentalRulesOverride: only the fields to override' })
  @IsDefined()
  @IsObject()
  rules!: RentalRulesOverride;
}

class AssetFieldsDto {
  @ApiPropertyOptional({ type: LocalizedLongTextDto })
  @Optional()
  @Nested(() => LocalizedLongTextDto)
  description?: LocalizedLongTextDto;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @IntRange(0, 10000)
  capacity?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @IntRange(1, 10000)
  poolSize?: number | null;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(200, { context: { max: 200 } })
  location?: string;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(30, { context: { max: 30 } })
  @IsString({ each: true })
  @MaxLength(40, { each: true, context: { max: 40 } })
  amenities?: string[];

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(30, { context: { max: 30 } })
  @IsString({ each: true })
  @MaxLength(40, { each: true, context: { max: 40 } })
  accessibility?: string[];

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  active?: boolean;
}

export class CreateAssetDto extends AssetFieldsDto implements CreateAssetRequest {
  @ApiProperty()
  @IsDefined()
  @IsUUID()
  categoryId!: string;

  @ApiProperty({ enum: ASSET_KINDS })
  @IsDefined()
  @OneOf(ASSET_KINDS)
  kind!: AssetKind;

  @ApiProperty({ type: LocalizedTextDto })
  @IsDefined()
  @Nested(() => LocalizedTextDto)
  name!: LocalizedTextDto;
}

export class UpdateAssetDto extends AssetFieldsDto implements UpdateAssetRequest {
  @ApiPropertyOptional()
  @Optional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ type: LocalizedTextDto })
  @Optional()
  @Nested(() => LocalizedTextDto)
  name?: LocalizedTextDto;
}

const toBool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class AssetQueryDto implements AssetQuery {
  @ApiPropertyOptional({ enum: ASSET_KINDS })
  @IsOptional()
  @OneOf(ASSET_KINDS)
  kind?: AssetKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IntRange(0, 10000)
  minCapacity?: number;

  @ApiPropertyOptional({ description: 'Comma-separated tags; all must match' })
  @IsOptional()
  @IsString()
  @MaxLength(400, { context: { max: 400 } })
  tags?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @QueryInstant()
  freeFrom?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @QueryInstant()
  freeTo?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  includeRetired?: boolean;
}
