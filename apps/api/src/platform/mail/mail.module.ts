import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { MailerService } from './mailer.service';

/** E-mail for notifications over SMTP, sent by the `mail.flush` job (needs JobsModule, which is global). */
@Module({})
export class MailModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: MailModule,
      providers: [{ provide: AppConfig, useValue: config }, MailerService],
      exports: [MailerService],
    };
  }
}
