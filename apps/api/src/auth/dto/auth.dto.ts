import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  APPROVAL_NOTICES,
  ApprovalNotices,
  ChangePasswordRequest,
  LOCALES,
  Locale,
  LoginRequest,
  PASSWORD_MAX_LENGTH,
  RegisterRequest,
  UpdateProfileRequest,
} from '@madang/contracts';
import { IsDefined, IsString, MaxLength } from 'class-validator';
import { Email, OneOf, Optional, Text } from '../../core/validators';

export class RegisterDto implements RegisterRequest {
  @ApiProperty({ example: 'jiwoo@example.kr' })
  @IsDefined()
  @Email()
  email!: string;

  @ApiProperty({ minLength: 10, maxLength: PASSWORD_MAX_LENGTH })
  @IsDefined()
  @IsString()
  @MaxLength(1000, { context: { max: PASSWORD_MAX_LENGTH } })
  password!: string;

  @ApiProperty({ example: '김지우', maxLength: 60 })
  @IsDefined()
  @Text(1, 60)
  displayName!: string;

  @ApiProperty({ enum: LOCALES })
  @IsDefined()
  @OneOf(LOCALES)
  locale!: Locale;
}

export class LoginDto implements LoginRequest {
  @ApiProperty()
  @IsDefined()
  @IsString()
  @MaxLength(254, { context: { max: 254 } })
  email!: string;

  @ApiProperty()
  @IsDefined()
  @IsString()
  @MaxLength(1000, { context: { max: 1000 } })
  password!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsDefined()
  @IsString()
  @MaxLength(1000, { context: { max: 1000 } })
  currentPassword!: string;

  @ApiProperty({ minLength: 10, maxLength: PASSWORD_MAX_LENGTH })
  @IsDefined()
  @IsString()
  @MaxLength(1000, { context: { max: PASSWORD_MAX_LENGTH } })
  newPassword!: string;
}

export class UpdateProfileDto implements UpdateProfileRequest {
  @ApiPropertyOptional({ maxLength: 60 })
  @Optional()
  @Text(1, 60)
  displayName?: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @Optional()
  @OneOf(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ enum: APPROVAL_NOTICES })
  @Optional()
  @OneOf(APPROVAL_NOTICES)
  approvalNotices?: ApprovalNotices;
}
