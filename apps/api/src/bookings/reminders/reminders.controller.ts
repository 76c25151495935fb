import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS, type ReminderPreferences } from '@madang/contracts';
import type { Actor } from '../../core/actor';
import { CurrentActor, RequirePermission } from '../../core/decorators';
import { ReminderPreferencesDto } from './reminders.dto';
import { RemindersService } from './reminders.service';

@ApiTags('reminders')
@ApiCookieAuth()
@Controller('reminder-preferences')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @Get()
  @RequirePermission(PERMISSIONS.SELF)
  get(@CurrentActor() actor: Actor): Promise<ReminderPreferences> {
    return this.reminders.preferences(actor);
  }

  @Put()
  @RequirePermission(PERMISSIONS.SELF)
  set(@CurrentActor() actor: Actor, @Body() dto: ReminderPreferencesDto): Promise<ReminderPreferences> {
    return this.reminders.setPreferences(actor, dto);
  }
}
