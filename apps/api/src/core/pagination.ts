import { ApiPropertyOptional } from '@nestjs/swagger';
import { PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX, PAGE_OFFSET_MAX, type PageQuery } from '@madang/contracts';
import { Type } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { IntRange } from './validators';

/** The paging of every list query (`?limit=&offset=`); list DTOs extend it. */
export class PageQueryDto implements PageQuery {
  @ApiPropertyOptional({ default: PAGE_LIMIT_DEFAULT, minimum: 1, maximum: PAGE_LIMIT_MAX })
  @IsOptional()
  @Type(() => Number)
  @IntRange(1, PAGE_LIMIT_MAX)
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: PAGE_OFFSET_MAX })
  @IsOptional()
  @Type(() => Number)
  @IntRange(0, PAGE_OFFSET_MAX)
  offset?: number;
}

/** The page a query asks for, defaults filled in. */
export function pageOf(query: PageQuery): { limit: number; offset: number } {
  return { limit: query.limit ?? PAGE_LIMIT_DEFAULT, offset: query.offset ?? 0 };
}
