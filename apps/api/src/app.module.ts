import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditController } from './audit/audit.controller';
import { AuditService } from './audit/audit.service';
import { BookingsQueryService } from './bookings/bookings-query.service';
import { BookingsController } from './bookings/bookings.controller';
import { BookingsService } from './bookings/bookings.service';
import { CatalogueController } from './catalogue/catalogue.controller';
import { CatalogueService } from './catalogue/catalogue.service';
import { PhotosService } from './catalogue/photos.service';
import { NotificationsController } from './notifications/notifications.controller';
import { NotificationsService } from './notifications/notifications.service';
import { ActorLoader } from './auth/actor-loader.service';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { LoginThrottleService } from './auth/login-throttle.service';
import { PasswordService } from './auth/password.service';
import { SessionService } from './auth/session.service';
import { AppConfig } from './config/app-config';
import { MailerService } from './mail/mailer.service';
import { AuthGuard } from './core/auth.guard';
import { ProblemFilter } from './core/problem.filter';
import { dataSourceOptions } from './database/data-source-options';
import { DemoSeeder } from './demo/demo-seeder';
import { GroupsController } from './groups/groups.controller';
import { GroupsService } from './groups/groups.service';
import { HealthController } from './health/health.controller';
import { SettlementModule } from './settlement/settlement.module';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

@Module({})
export class AppModule implements NestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.DATABASE_URL, config.DB_POOL_SIZE),
          logging: false,
        }),
        SettlementModule,
      ],
      controllers: [
        HealthController,
        AuthController,
        UsersController,
        GroupsController,
        AuditController,
        CatalogueController,
        BookingsController,
        NotificationsController,
      ],
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        AuditService,
        MailerService,
        PasswordService,
        SessionService,
        LoginThrottleService,
        ActorLoader,
        AuthService,
        UsersService,
        GroupsService,
        DemoSeeder,
        CatalogueService,
        PhotosService,
        BookingsService,
        BookingsQueryService,
        NotificationsService,
      ],
    };
  }

  configure(_consumer: MiddlewareConsumer): void {
    // Express-level middleware is installed in configureApp (it must run before routing).
  }
}
