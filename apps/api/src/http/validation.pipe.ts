import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from '@jingsai/shared';
import { codeLabels } from './code-labels';
import { MAX_REFERENCE_ID, findOverlongIds, findUnsafeText, unsafeTextError } from './unsafe-text';

const lastNumber = (message: string): string => message.match(/-?\d+(?:\.\d+)?/g)?.at(-1) ?? '';

/** The allowed values of an isIn message, each with its Chinese name where it has one: minor（一般事故）、serious（较大事故）… */
function choices(message: string): string {
  const values = (message.split('following values: ')[1] ?? '').split(', ').filter(Boolean);
  const named = codeLabels(values);
  return values.map((v, i) => (named[i] ? `${v}（${named[i]}）` : v)).join('、');
}

/** Chinese for each class-validator rule: the users read these, so no English inside messageZh. */
const ZH_RULES: Record<string, (message: string) => string> = {
  isString: () => '应为文本',
  isInt: () => '应为整数',
  isNumber: () => '应为数字',
  isBoolean: () => '应为 true 或 false',
  isIn: (m) => `应为以下之一：${choices(m)}`,
  isNotIn: () => '是系统保留的地址名称，请换一个编号',
  isEnum: (m) => `应为以下之一：${choices(m)}`,
  isNotEmpty: () => '不能为空',
  isDefined: () => '必须填写',
  maxLength: (m) => `长度不能超过 ${lastNumber(m)} 个字符`,
  minLength: (m) => `长度不能少于 ${lastNumber(m)} 个字符`,
  min: (m) => `不能小于 ${lastNumber(m)}`,
  max: (m) => `不能大于 ${lastNumber(m)}`,
  matches: () => '格式不正确',
  isArray: () => '应为数组',
  arrayMaxSize: (m) => `最多 ${lastNumber(m)} 项`,
  arrayMinSize: (m) => `至少 ${lastNumber(m)} 项`,
  arrayNotEmpty: () => '不能为空数组',
  isObject: () => '应为对象',
  nestedValidation: () => '应为对象',
  isIso8601: () => '应为 ISO 8601 时间（如 2021-07-22T18:00:00+08:00）',
  isDateString: () => '应为 ISO 8601 时间（如 2021-07-22T18:00:00+08:00）',
  isPositive: () => '应为正数',
};

type FieldError = { field: string; messageZh: string; messageEn: string };

/** `period.from`, and `pools[0].quota` for an array element, as the domain's own field errors write them. */
function pathOf(prefix: string, property: string): string {
  if (!prefix) return property;
  return /^\d+$/.test(property) ? `${prefix}[${property}]` : `${prefix}.${property}`;
}

/**
 * class-validator words a message after the property alone ("from must be a string"); inside a
 * nested object that names no field the client can find, so the message gets the full path.
 */
function withPath(message: string, property: string, field: string): string {
  return field !== property && message.startsWith(`${property} `) ? `${field}${message.slice(property.length)}` : message;
}

/**
 * The Chinese name of a DTO property, from its OpenAPI description (`'退回理由 Reason'` → 退回理由):
 * a form user reads 缺少必填字段 reason（退回理由）, not only the JSON name. Undefined when the
 * property has no Chinese description.
 */
function zhName(target: object | undefined, property: string): string | undefined {
  if (!target || /^\d+$/.test(property)) return undefined;
  const meta = Reflect.getMetadata?.('swagger/apiModelProperties', Object.getPrototypeOf(target), property) as { description?: unknown } | undefined;
  const name = typeof meta?.description === 'string' ? meta.description.match(/^[^\sA-Za-z0-9(（:：,，;；]+/u)?.[0] : undefined;
  return name && /[\u3400-\u9fff]/u.test(name) ? name : undefined;
}

/** Rules about what kind of value a field holds; when one fails, the field's range rules say nothing more. */
const TYPE_RULES = new Set(['isInt', 'isNumber', 'isString', 'isBoolean', 'isArray', 'isObject']);
const RANGE_RULES = new Set(['min', 'max', 'minLength', 'maxLength', 'arrayMinSize', 'arrayMaxSize', 'isPositive', 'isNegative']);

/**
 * Flatten nested class-validator errors into `{field, messageZh, messageEn}` with the full path
 * (`period.from`, `pools[0].quota`) in the field and in the messages.
 * A required field that is missing (or null) is one "required" problem, not one per rule it fails.
 */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = pathOf(prefix, e.property);
    const rules = Object.entries(e.constraints ?? {});
    const zh = zhName(e.target, e.property);
    const named = zh ? `${field}（${zh}）` : field;
    let own: FieldError[];
    if (rules.some(([rule]) => rule === 'whitelistValidation')) {
      own = [{ field, messageZh: `不允许的字段 ${field}`, messageEn: `unknown field ${field}` }];
    } else if (rules.length > 0 && (e.value === undefined || e.value === null)) {
      own = [{ field, messageZh: `缺少必填字段 ${named}`, messageEn: `${field} is required` }];
    } else if (Array.isArray(e.value) && rules.some(([rule]) => rule === 'isObject')) {
      // A list of objects names the elements that are not objects (assessors[0]), as a form marks them (review 42 #10).
      const bad = e.value.map((v, i) => (v === null || typeof v !== 'object' || Array.isArray(v) ? i : -1)).filter((i) => i >= 0);
      own = bad.map((i) => ({ field: `${field}[${i}]`, messageZh: `字段 ${field}[${i}]：应为对象`, messageEn: `${field}[${i}] must be an object` }));
      if (own.length === 0) own = [{ field, messageZh: `字段 ${named}：应为对象`, messageEn: withPath(rules[0]![1], e.property, field) }];
    } else {
      // A value of the wrong type fails its range rules too ("abc" is no integer, nor ≥ 0, nor ≤ 9007199254740991): the type is the problem.
      const wrongType = rules.some(([rule]) => TYPE_RULES.has(rule));
      own = rules.filter(([rule]) => !(wrongType && RANGE_RULES.has(rule))).map(([rule, message]) => ({
        field, messageZh: `字段 ${named}：${ZH_RULES[rule]?.(message) ?? '格式不正确'}`, messageEn: withPath(message, e.property, field),
      }));
      // Two rules can say the same thing (an object field fails isObject and its nested validation: 应为对象 twice).
      own = own.filter((x, i) => own.findIndex((y) => y.messageZh === x.messageZh) === i);
    }
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

/** The usual 400 for a request whose fields are wrong, every problem listed. */
function invalidRequest(list: FieldError[]): DomainError {
  return DomainError.validation(
    'REQUEST.INVALID',
    `提交的内容有 ${list.length} 处问题：${list.map((e) => e.messageZh).join('；')}`,
    `The request has ${list.length} problem(s): ${list.map((e) => `${e.field}: ${e.messageEn}`).join('; ')}`,
    { errors: list },
  );
}

/**
 * Refuses any string (or key) of a body or query holding a control character, a bidirectional
 * control or a lone surrogate (unsafe-text.ts), whatever the DTO, before class-validator: such
 * text would otherwise reach the hash-chained log and the exports as it was sent. Checked first,
 * so no other message ever echoes it back.
 */
function refuseUnsafeText(value: unknown, metadata: ArgumentMetadata): void {
  const found = findUnsafeText(value);
  if (found.length === 0) return;
  const root = metadata.data ?? '';
  const fieldOf = (path: string): string => {
    if (!root) return path || `(${metadata.type})`;
    return !path ? root : path.startsWith('[') ? `${root}${path}` : `${root}.${path}`;
  };
  throw invalidRequest(found.map((u) => unsafeTextError(u, fieldOf(u.path))));
}

/** Refuses a body naming an id longer than any id can be, naming the fields and not echoing the ids. */
function refuseOverlongIds(value: unknown): void {
  const fields = findOverlongIds(value);
  if (fields.length === 0) return;
  throw invalidRequest(
    fields.map((field) => ({ field, messageZh: `字段 ${field}：标识过长（不能超过 ${MAX_REFERENCE_ID} 个字符），不存在这样的记录`, messageEn: `${field} is longer than any id (at most ${MAX_REFERENCE_ID} characters)` })),
  );
}

/**
 * Refuses bodies that are not JSON objects (null, arrays, strings, numbers) before class-validator
 * sees them. A literal `null` must be refused here: ValidationPipe turns a null value into `{}`,
 * so `null` sent to a route whose fields are all optional (confer, end notice) was accepted as an
 * empty command. Only a request without any body (undefined) stands for `{}`.
 */
/** A body that was sent but is not a JSON object (null, an array, a string, a number). */
export const isNonObjectBody = (value: unknown): boolean => value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value));

/** The 400 for such a body: BodyShapeGuard answers it for every command, after the role check; this pipe keeps its own check for a body given to it directly. */
export function bodyNotObject(value: unknown): DomainError {
  const sent = value === null ? 'null' : Array.isArray(value) ? '数组' : '文本或数字';
  const sentEn = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
  return DomainError.validation(
    'REQUEST.BODY_NOT_OBJECT',
    `请求体必须是 JSON 对象（如 {}），收到的是${sent}。`,
    `The request body must be a JSON object (such as {}); it was ${sentEn}.`,
    { errors: [{ field: '(body)', messageZh: `应为 JSON 对象，不能是${sent}`, messageEn: `must be a JSON object, not ${sentEn}` }] },
  );
}

class BodyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const isDto = typeof metadata.metatype === 'function' && ![String, Number, Boolean, Array, Object].includes(metadata.metatype as any);
    if (metadata.type === 'body' && isDto && isNonObjectBody(value)) throw bodyNotObject(value);
    if (metadata.type === 'body' || metadata.type === 'query') refuseUnsafeText(value, metadata);
    if (metadata.type === 'body') refuseOverlongIds(value);
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
    // The value is read only to tell a missing field from a wrong one, the target only for the field's
    // Chinese name (zhName); neither is ever echoed back.
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => invalidRequest(flattenValidationErrors(errors)),
  });
}
