import { Controller, Get, HttpCode } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../core/decorators';
import { DomainError } from '../core/domain-error';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get('health')
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Readiness: the database answers' })
  async ready(): Promise<{ status: 'ready' }> {
    try {
      await this.db.query('SELECT 1');
      return { status: 'ready' };
    } catch {
      throw new DomainError('service_unavailable');
    }
  }
}
