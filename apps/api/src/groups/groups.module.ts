import { Module } from '@nestjs/common';
import { AuditModule } from '../platform/audit/audit.module';
import { GroupsController } from './groups.controller';
import { GroupsService } from './groups.service';
import { GroupsRepository } from './groups.repository';

/** Resident teams and partner organisations and their members. */
@Module({
  imports: [AuditModule],
  controllers: [GroupsController],
  providers: [GroupsService, GroupsRepository],
})
export class GroupsModule {}
