import { Module } from '@nestjs/common';
import { AuditModule } from '../platform/audit/audit.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Administration of accounts and roles. Nothing to export: other domains read the actor. */
@Module({
  imports: [AuditModule],
  controllers: [UsersController],
  providers: [UsersService],
})
export class UsersModule {}
