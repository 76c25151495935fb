import { Module } from '@nestjs/common';
import { MailerService } from './mailer.service';

/** E-mail for notifications over SMTP, sent by the `mail.flush` job (needs JobsModule, which is global). */
@Module({
  providers: [MailerService],
  exports: [MailerService],
})
export class MailModule {}
