import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from './auth/auth.module';
import { BookingsModule } from './bookings/bookings.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { AuthGuard } from './core/auth.guard';
import { ProblemFilter } from './core/problem.filter';
import { dataSourceOptions } from './database/data-source-options';
import { DemoModule } from './demo/demo.module';
import { GroupsModule } from './groups/groups.module';
import { HealthModule } from './health/health.module';
import { MailerService } from './mail/mailer.service';
import { AuditModule } from './platform/audit/audit.module';
import { NotificationsModule } from './platform/notifications/notifications.module';
import { UsersModule } from './users/users.module';

/** E-mail delivery of notifications (being moved onto the job runner; kept working here meanwhile). */
@Module({ providers: [MailerService], exports: [MailerService] })
export class MailModule {}

/** Composition only: configuration, the database, the global guard and filter, and the domain modules. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.DATABASE_URL, config.DB_POOL_SIZE),
          logging: false,
        }),
        HealthModule,
        AuthModule,
        UsersModule,
        GroupsModule,
        AuditModule,
        NotificationsModule,
        MailModule,
        CatalogueModule,
        BookingsModule,
        DemoModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
