import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { BookingsModule } from '../bookings/bookings.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { AuditModule } from '../platform/audit/audit.module';
import { DemoSeeder } from './demo-seeder';

/** Demo accounts, catalogue and bookings (MADANG_DEMO=true), seeded through the domains' services. */
@Module({
  imports: [AuthModule, AuditModule, CatalogueModule, BookingsModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
