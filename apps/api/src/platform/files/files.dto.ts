import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FILE_PURPOSES, FileListQuery, FilePurpose, UploadFileRequest } from '@madang/contracts';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';

const OWNER_TYPE = /^[a-z][a-z0-9_]{1,39}$/;

export class UploadFileDto implements UploadFileRequest {
  @ApiProperty({ example: 'asset' })
  @Matches(OWNER_TYPE, { context: { code: 'invalid' } })
  ownerType!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  ownerId!: string;

  @ApiProperty({ enum: FILE_PURPOSES })
  @IsIn(FILE_PURPOSES, { context: { values: FILE_PURPOSES.join(', ') } })
  purpose!: FilePurpose;
}

export class FileListQueryDto implements FileListQuery {
  @ApiProperty({ example: 'asset' })
  @Matches(OWNER_TYPE, { context: { code: 'invalid' } })
  ownerType!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  ownerId!: string;

  @ApiPropertyOptional({ enum: FILE_PURPOSES })
  @IsOptional()
  @IsIn(FILE_PURPOSES, { context: { values: FILE_PURPOSES.join(', ') } })
  purpose?: FilePurpose;
}
