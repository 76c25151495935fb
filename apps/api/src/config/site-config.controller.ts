import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { LOCALES, type SiteConfig } from '@madang/contracts';
import { Public } from '../core/decorators';
import { AppConfig, publicUrlOf } from './app-config';

@ApiTags('config')
@Controller()
export class SiteConfigController {
  constructor(private readonly config: AppConfig) {}

  @Get('config')
  @Public()
  @ApiOperation({ summary: "The centre's time zone, languages, currency and public address (public)" })
  site(): SiteConfig {
    return {
      timeZone: this.config.MADANG_TIMEZONE,
      locales: LOCALES,
      defaultLocale: 'ko',
      currency: 'KRW',
      publicUrl: publicUrlOf(this.config),
    };
  }
}
