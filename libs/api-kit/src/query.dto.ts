import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Every query accepts `minPosition` to read its own writes. */
export class ConsistentQueryDto {
  @ApiPropertyOptional({ description: '等待读模型至少追上该全局位置（命令响应中的 position） Wait until read models reach this position' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  minPosition?: number;
}

/** Paginated lists: `limit` (1–200, default 50) and `offset`. */
export class PageQueryDto extends ConsistentQueryDto {
  @ApiPropertyOptional({ description: '每页条数 Page size', default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: '跳过条数 Offset', default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  offset?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
