import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DomainError } from '@jingsai/shared';
import { createValidationPipe } from './validation.pipe';

class ReasonDto {
  @IsString() @MaxLength(2000) reason!: string;
  @IsOptional() @IsIn(['county', 'city']) level?: string;
  @IsOptional() @IsInt() @Max(200) limit?: number;
}

async function refusal(body: unknown): Promise<DomainError> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: ReasonDto });
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
}

class OptionalDto {
  @IsOptional() @IsString() reason?: string;
}

class PeriodDto {
  @IsString() from!: string;
}

class PoolDto {
  @IsInt() @Max(100) quota!: number;
}

class NestedDto {
  @ValidateNested() @Type(() => PeriodDto) period!: PeriodDto;
  @IsArray() @ValidateNested({ each: true }) @Type(() => PoolDto) pools!: PoolDto[];
}

describe('validation pipe nested fields', () => {
  it('names the full path in the field and the message: period.from, pools[1].quota', async () => {
    const refused = (await createValidationPipe()
      .transform({ period: { from: 5 }, pools: [{ quota: 1 }, { quota: 500 }] }, { type: 'body', metatype: NestedDto })
      .catch((e: DomainError) => e)) as DomainError;
    expect(refused.details.errors).toEqual([
      { field: 'period.from', messageZh: '字段 period.from：应为文本', messageEn: 'period.from must be a string' },
      { field: 'pools[1].quota', messageZh: '字段 pools[1].quota：不能大于 100', messageEn: 'pools[1].quota must not be greater than 100' },
    ]);
  });
});

describe('validation pipe bodies', () => {
  it.each([['null', null], ['an array', []], ['a string', 'x'], ['a number', 5]])('refuses %s as the body, even when every field is optional', async (_name, body) => {
    const pipe = createValidationPipe();
    const refused = await pipe.transform(body, { type: 'body', metatype: OptionalDto }).then(
      () => undefined,
      (e: DomainError) => e,
    );
    expect(refused).toMatchObject({ code: 'REQUEST.BODY_NOT_OBJECT', kind: 'validation', details: { errors: [{ field: '(body)' }] } });
  });

  it('takes a request without a body as an empty object', async () => {
    await expect(createValidationPipe().transform(undefined, { type: 'body', metatype: OptionalDto })).resolves.toBeInstanceOf(OptionalDto);
  });
});

describe('validation pipe messages', () => {
  it('reports a missing required field once, as required, in Chinese', async () => {
    const e = await refusal({});
    expect(e.code).toBe('REQUEST.INVALID');
    expect(e.details.errors).toEqual([{ field: 'reason', messageZh: '缺少必填字段 reason', messageEn: 'reason is required' }]);
  });

  it('says what is wrong in Chinese, without English inside the Chinese message', async () => {
    const e = await refusal({ reason: 'x'.repeat(2001), level: 'province', limit: 500, extra: 1 });
    const zh = (e.details.errors as Array<{ field: string; messageZh: string }>).map((x) => x.messageZh);
    expect(zh).toEqual(expect.arrayContaining(['字段 reason：长度不能超过 2000 个字符', '字段 level：应为以下之一：county（县（市、区）级）、city（市级）', '字段 limit：不能大于 200', '不允许的字段 extra']));
    expect(e.messageZh).not.toMatch(/must|should/);
  });
});

class PageDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) offset?: number;
}

describe('validation pipe, a value of the wrong type', () => {
  it('is one problem, the type, not also every range it fails (offset=abc)', async () => {
    let refused: DomainError | undefined;
    try {
      await createValidationPipe().transform({ offset: 'abc' }, { type: 'query', metatype: PageDto });
    } catch (e) {
      refused = e as DomainError;
    }
    expect((refused?.details as any).errors).toEqual([{ field: 'offset', messageZh: '字段 offset：应为整数', messageEn: 'offset must be an integer number' }]);
  });

  it('still names a range when the type is right (offset=-1)', async () => {
    await expect(createValidationPipe().transform({ offset: '-1' }, { type: 'query', metatype: PageDto })).rejects.toMatchObject({
      details: { errors: [{ field: 'offset', messageEn: 'offset must not be less than 0' }] },
    });
  });
});

describe('validation pipe, text holding control characters', () => {
  const refusedBy = (value: unknown, metadata: Parameters<ReturnType<typeof createValidationPipe>['transform']>[1]) =>
    createValidationPipe().transform(value, metadata).then(() => undefined, (e: DomainError) => e);

  it('refuses them in nested fields and array elements, named by their full path', async () => {
    const refused = await refusedBy({ period: { from: '2021\u0000' }, pools: [{ quota: 1 }, { quota: 2, note: '\u202e' }] }, { type: 'body', metatype: NestedDto });
    expect(refused).toMatchObject({ code: 'REQUEST.INVALID', kind: 'validation' });
    expect(refused?.details.errors).toEqual([
      { field: 'period.from', messageZh: '字段 period.from：含有不可见的控制字符 U+0000，请删除后重新提交', messageEn: 'period.from contains the invisible control character U+0000; remove it and send again' },
      expect.objectContaining({ field: 'pools[1].note', messageEn: expect.stringContaining('U+202E') }),
    ]);
    expect(refused?.messageZh).toBe('提交的内容有 2 处问题：字段 period.from：含有不可见的控制字符 U+0000，请删除后重新提交；字段 pools[1].note：含有改变文字显示方向的控制字符 U+202E（显示的内容会与保存的不同），请删除后重新提交');
  });

  it('refuses them before the shape is checked, so no other message repeats them', async () => {
    const refused = await refusedBy({ reason: 'x', 'ex\u0000tra': 1 }, { type: 'body', metatype: ReasonDto });
    expect(refused?.details.errors).toEqual([expect.objectContaining({ field: 'ex\\u0000tra' })]);
  });

  it('refuses them in a body of no DTO and in a query parameter, naming it', async () => {
    expect((await refusedBy({ a: ['\u0085'] }, { type: 'body', metatype: Object }))?.details.errors).toEqual([expect.objectContaining({ field: 'a[0]' })]);
    expect((await refusedBy('\u0001', { type: 'body', metatype: String }))?.details.errors).toEqual([expect.objectContaining({ field: '(body)' })]);
    expect((await refusedBy('jj\u0007', { type: 'query', metatype: String, data: 'campaignId' }))?.details.errors).toEqual([expect.objectContaining({ field: 'campaignId' })]);
    expect((await refusedBy({ offset: '1\u0000' }, { type: 'query', metatype: PageDto }))?.details.errors).toEqual([expect.objectContaining({ field: 'offset' })]);
  });

  it('accepts Chinese, emoji and line breaks', async () => {
    await expect(createValidationPipe().transform({ reason: '退回：材料不全。\n请补充 👩‍🔧 照片\t🏆' }, { type: 'body', metatype: ReasonDto })).resolves.toMatchObject({ reason: '退回：材料不全。\n请补充 👩‍🔧 照片\t🏆' });
  });
});
