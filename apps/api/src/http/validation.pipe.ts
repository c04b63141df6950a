import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from '@jingsai/shared';

/** Flatten nested class-validator errors into `{field, messageZh, messageEn}` with dotted paths. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): Array<{ field: string; messageZh: string; messageEn: string }> {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => ({
      field,
      messageZh: rule === 'whitelistValidation' ? `不允许的字段 ${field}` : `字段 ${field} 不符合要求：${message}`,
      messageEn: rule === 'whitelistValidation' ? `unknown field ${field}` : message,
    }));
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

/** Refuses bodies that are not JSON objects (arrays, strings, numbers) before class-validator sees them. */
class BodyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const isDto = typeof metadata.metatype === 'function' && ![String, Number, Boolean, Array, Object].includes(metadata.metatype as any);
    if (metadata.type === 'body' && isDto && value !== undefined && value !== null && (typeof value !== 'object' || Array.isArray(value))) {
      throw DomainError.validation('REQUEST.BODY_NOT_OBJECT', '请求体必须是 JSON 对象。', 'The request body must be a JSON object.');
    }
    return super.transform(value, metadata);
  }
}

/** DTO shape validation at every input edge: whitelist, no unknown fields, types converted. */
export function createValidationPipe(): ValidationPipe {
  return new BodyValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const list = flattenValidationErrors(errors);
      return DomainError.validation(
        'REQUEST.INVALID',
        `提交的内容有 ${list.length} 处问题：${list.map((e) => e.messageZh).join('；')}`,
        `The request has ${list.length} problem(s): ${list.map((e) => `${e.field}: ${e.messageEn}`).join('; ')}`,
        { errors: list },
      );
    },
  });
}
