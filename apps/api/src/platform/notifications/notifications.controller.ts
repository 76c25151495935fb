import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS, type NotificationDto } from '@madang/contracts';
import type { Actor } from '../../core/actor';
import { CurrentActor, RequirePermission } from '../../core/decorators';
import { uuidPipe } from '../../core/params';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiCookieAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @RequirePermission(PERMISSIONS.NOTIFICATIONS_READ)
  list(@CurrentActor() actor: Actor): Promise<NotificationDto[]> {
    return this.notifications.list(actor);
  }

  @Post(':id/read')
  @RequirePermission(PERMISSIONS.NOTIFICATIONS_READ)
  @HttpCode(204)
  markRead(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<void> {
    return this.notifications.markRead(actor, id);
  }
}
