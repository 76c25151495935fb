import { Controller, Get, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { AuditEntry, Page, PERMISSIONS } from '@madang/contracts';
import { CurrentActor, RequirePermission } from '../../core/decorators';
import type { Actor } from '../../core/actor';
import { AuditQueryDto } from './dto/audit.dto';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiCookieAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission(PERMISSIONS.AUDIT_READ)
  list(@CurrentActor() actor: Actor, @Query() query: AuditQueryDto): Promise<Page<AuditEntry>> {
    return this.audit.list(actor, query);
  }
}
