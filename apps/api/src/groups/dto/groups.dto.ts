import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AddMemberRequest,
  UpdateMemberRequest,
  CreateGroupRequest,
  GROUP_KINDS,
  GroupKind,
  UpdateGroupRequest,
} from '@madang/contracts';
import { IsBoolean, IsDefined, IsString, MaxLength } from 'class-validator';
import { Email, OneOf, Optional, Text } from '../../core/validators';

export class CreateGroupDto implements CreateGroupRequest {
  @ApiProperty({ example: '함께걷는 제주 주민팀' })
  @IsDefined()
  @Text(1, 100)
  name!: string;

  @ApiProperty({ enum: GROUP_KINDS })
  @IsDefined()
  @OneOf(GROUP_KINDS)
  kind!: GroupKind;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(2000, { context: { max: 2000 } })
  description?: string;
}

export class UpdateGroupDto implements UpdateGroupRequest {
  @ApiPropertyOptional()
  @Optional()
  @Text(1, 100)
  name?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(2000, { context: { max: 2000 } })
  description?: string;
}

export class AddMemberDto implements AddMemberRequest {
  @ApiProperty()
  @IsDefined()
  @Email()
  email!: string;

  @ApiPropertyOptional({ default: false })
  @Optional()
  @IsBoolean()
  isManager?: boolean;
}

export class UpdateMemberDto implements UpdateMemberRequest {
  @ApiProperty()
  @IsDefined()
  @IsBoolean()
  isManager!: boolean;
}
