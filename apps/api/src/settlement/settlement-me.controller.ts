import { Controller, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS, SettlementMe } from '@madang/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../core/actor';
import { CurrentActor, RequirePermission } from '../core/decorators';
import { SettlementAccess } from './settlement-access';

/**
 * The one settlement route without the scope guard: it tells anyone signed in whether they have
 * settlement at all (a resident without a lead group reads `visible: false`; every other
 * settlement route answers them 403).
 */
@ApiTags('settlement')
@ApiCookieAuth()
@Controller('settlement')
export class SettlementMeController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: SettlementAccess,
  ) {}

  @Get('me')
  @RequirePermission(PERMISSIONS.SETTLEMENT_PARTICIPATE)
  async me(@CurrentActor() actor: Actor): Promise<SettlementMe> {
    const scope = await this.access.find(this.db.manager, actor);
    return {
      visible: scope !== null,
      all: scope?.all ?? false,
      programmeIds: [...(scope?.programmeIds ?? [])],
    };
  }
}
