import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Permission, PERMISSIONS } from '@madang/contracts';
import { DataSource } from 'typeorm';
import { MadangRequest, PERMISSION_KEY } from '../core/decorators';
import { SettlementAccess } from './settlement-access';

/**
 * Runs after the global guard and before validation: someone with no settlement scope at all
 * (a resident without a lead group, an approver with no programme) gets 403 on every route,
 * whatever the body, instead of a validation answer that would reveal the route's shape.
 * Period reopen is the admin's own permission and needs no programme scope.
 */
@Injectable()
export class SettlementScopeGuard implements CanActivate {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: SettlementAccess,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (permission === PERMISSIONS.SETTLEMENT_REOPEN) return true;
    const actor = context.switchToHttp().getRequest<MadangRequest>().actor;
    if (actor) await this.access.scope(this.db.manager, actor);
    return true;
  }
}
