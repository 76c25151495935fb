import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS, type CalendarFeedInfo } from '@madang/contracts';
import type { Request, Response } from 'express';
import type { Actor } from '../../core/actor';
import { CurrentActor, Public, RequirePermission } from '../../core/decorators';
import { uuidPipe } from '../../core/params';
import { FeedsService } from './feeds.service';

const originOf = (req: Request) => `${req.protocol}://${req.get('host') ?? 'localhost'}`;

/** Sends a calendar: short private caching, so a rotated or changed feed is picked up soon. */
function sendCalendar(res: Response, body: string, filename: string, cache: 'private' | 'public'): string {
  res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
  res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
  res.setHeader('Cache-Control', `${cache}, max-age=300`);
  return body;
}

@ApiTags('feeds')
@Controller('feeds')
export class FeedsController {
  constructor(private readonly feeds: FeedsService) {}

  @Get('me')
  @RequirePermission(PERMISSIONS.SELF)
  @ApiCookieAuth()
  mine(@CurrentActor() actor: Actor, @Req() req: Request): Promise<CalendarFeedInfo> {
    return this.feeds.mine(actor, originOf(req));
  }

  @Post('me/rotate')
  @RequirePermission(PERMISSIONS.SELF)
  @ApiCookieAuth()
  @HttpCode(200)
  rotate(@CurrentActor() actor: Actor, @Req() req: Request): Promise<CalendarFeedInfo> {
    return this.feeds.rotate(actor, originOf(req));
  }

  /** The person's bookings; the secret in the path is the only credential (wrong or old: 404). */
  @Get('me/:file')
  @Public()
  @ApiProduces('text/calendar')
  async person(@Param('file') file: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const body = await this.feeds.personCalendar(file);
    return sendCalendar(res, body, 'madang.ics', 'private');
  }

  /** An asset's busy times (`public.ics`): no names, purposes or e-mails. */
  @Get('assets/:id/:file')
  @Public()
  @ApiProduces('text/calendar')
  async asset(
    @Param('id', uuidPipe('id')) id: string,
    @Param('file') file: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return sendCalendar(res, await this.feeds.assetCalendar(id, file), 'busy.ics', 'public');
  }
}
