import { Module } from '@nestjs/common';
import { AuditModule } from '../platform/audit/audit.module';
import { GroupsController } from './groups.controller';
import { GroupsService } from './groups.service';

/** Resident teams and partner organisations and their members. */
@Module({
  imports: [AuditModule],
  controllers: [GroupsController],
  providers: [GroupsService],
})
export class GroupsModule {}
