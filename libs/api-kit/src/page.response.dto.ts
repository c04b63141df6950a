import { Type, applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, getSchemaPath } from '@nestjs/swagger';

/** The paging members of every list answer ({@link Page}); its `items` are typed per route by {@link ApiPageResponse}. */
export class PageDto {
  @ApiProperty({ description: '符合条件的总条数 Total matching the filters', type: 'integer', example: 1 }) total!: number;
  @ApiProperty({ description: '每页条数 Page size', type: 'integer', example: 50 }) limit!: number;
  @ApiProperty({ description: '跳过条数 Offset', type: 'integer', example: 0 }) offset!: number;
}

/**
 * A 200 answering a page of `item`: `{items, total, limit, offset}`, plus the members of `extra`
 * where the list answers more (counts, the scope it was read in).
 */
export function ApiPageResponse(item: Type<unknown>, extra?: Type<unknown>, description = '') {
  const items = { type: 'object', required: ['items'], properties: { items: { type: 'array', description: '本页条目 This page', items: { $ref: getSchemaPath(item) } } } };
  return applyDecorators(
    ApiExtraModels(PageDto, item, ...(extra ? [extra] : [])),
    ApiOkResponse({ description, schema: { allOf: [{ $ref: getSchemaPath(PageDto) }, ...(extra ? [{ $ref: getSchemaPath(extra) }] : []), items] } }),
  );
}
