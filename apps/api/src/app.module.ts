import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from './auth/auth.module';
import { BookingsModule } from './bookings/bookings.module';
import { BookingNotifyModule } from './bookings/booking-notify.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { AuthGuard } from './core/auth.guard';
import { ProblemFilter } from './core/problem.filter';
import { dataSourceOptions } from './database/data-source-options';
import { DemoModule } from './demo/demo.module';
import { GroupsModule } from './groups/groups.module';
import { HealthModule } from './health/health.module';
import { AuditModule } from './platform/audit/audit.module';
import { ExportsModule } from './platform/exports/exports.module';
import { FilesModule } from './platform/files/files.module';
import { JobsModule } from './platform/jobs/jobs.module';
import { MailModule } from './platform/mail/mail.module';
import { NotificationsModule } from './platform/notifications/notifications.module';
import { UsersModule } from './users/users.module';
import { SettlementModule } from './settlement/settlement.module';
import { LivingLabsModule } from './living-labs/living-labs.module';
import { RecruitmentModule } from './recruitment/recruitment.module';
import { SeoModule } from './seo/seo.module';

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
        JobsModule,
        MailModule,
        FilesModule,
        ExportsModule,
        HealthModule,
        AuthModule,
        UsersModule,
        GroupsModule,
        AuditModule,
        NotificationsModule,
        CatalogueModule,
        BookingsModule,
        DemoModule,
        SettlementModule,
        LivingLabsModule,
        RecruitmentModule,
        BookingNotifyModule,
        SeoModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
