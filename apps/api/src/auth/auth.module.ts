import { Module } from '@nestjs/common';
import { AuditModule } from '../platform/audit/audit.module';
import { ActorLoader } from './actor-loader.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';
import { SessionsRepository } from './sessions.repository';

/**
 * Accounts, sessions and sign-in. Exports what the global guard needs to resolve the actor
 * (SessionService) and what seeding an account needs (PasswordService, ActorLoader).
 */
@Module({
  imports: [AuditModule],
  controllers: [AuthController],
  providers: [
    PasswordService,
    SessionService,
    SessionsRepository,
    LoginThrottleService,
    ActorLoader,
    AuthService,
  ],
  exports: [SessionService, PasswordService, ActorLoader],
})
export class AuthModule {}
