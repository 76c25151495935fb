import { Module } from '@nestjs/common';
import { AuditModule } from '../platform/audit/audit.module';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** Administration of accounts and roles. Exports UsersService (`withPermission`: whom to tell). */
@Module({
  imports: [AuditModule],
  controllers: [UsersController],
  providers: [UsersService, UsersRepository],
  exports: [UsersService],
})
export class UsersModule {}
