import { ApiProperty } from '@nestjs/swagger';
import { REMINDER_HOURS, type ReminderHours, type ReminderPreferences } from '@madang/contracts';
import { IsBoolean, IsDefined, IsIn, ValidateIf } from 'class-validator';

export class ReminderPreferencesDto implements ReminderPreferences {
  @ApiProperty({ enum: REMINDER_HOURS, nullable: true, description: 'Hours before; null = no reminders' })
  @ValidateIf((_dto: object, value: unknown) => value !== null)
  @IsDefined()
  @IsIn(REMINDER_HOURS as unknown as number[], { context: { values: REMINDER_HOURS.join(', ') } })
  hoursBefore!: ReminderHours | null;

  @ApiProperty()
  @IsDefined()
  @IsBoolean()
  email!: boolean;

  @ApiProperty()
  @IsDefined()
  @IsBoolean()
  inApp!: boolean;
}
