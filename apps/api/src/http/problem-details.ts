import { DomainError, DomainErrorKind } from '@jingsai/shared';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  illegal_state: 409,
  conflict: 409,
  precondition_failed: 412,
  unprocessable: 422,
  unavailable: 503,
};

const TITLE_BY_STATUS: Record<number, string> = {
  400: '请求内容有误 Bad request',
  401: '未登录 Unauthenticated',
  403: '无权操作 Forbidden',
  404: '未找到 Not found',
  405: '方法不允许 Method not allowed',
  409: '状态冲突 Conflict',
  412: '版本不一致 Precondition failed',
  413: '请求体过大 Payload too large',
  414: '请求地址过长 URI too long',
  415: '不支持的内容类型 Unsupported media type',
  422: '无法处理 Unprocessable',
  428: '缺少前提条件 Precondition required',
  429: '请求过多 Too many requests',
  500: '服务器内部错误 Internal error',
  503: '服务暂不可用 Service unavailable',
};

/** An RFC 7807 problem body with our stable code and both languages. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  messageZh: string;
  messageEn: string;
  instance?: string;
  [extension: string]: unknown;
}

/**
 * The members RFC 7807 and our clients rely on. An extension (an error's details) named like
 * one of them is dropped, so a detail such as an objection's `status: 'upheld'` can never
 * replace the HTTP status, the type or the code: it did, and Fastify answered 500 "invalid
 * status code".
 */
const RESERVED_MEMBERS = ['type', 'title', 'status', 'code', 'detail', 'messageZh', 'messageEn', 'instance'] as const;

function extensionsOf(extra: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(extra)) {
    if (!(RESERVED_MEMBERS as readonly string[]).includes(key)) out[key] = value;
  }
  return out;
}

export function problemFromDomainError(error: DomainError, instance?: string): ProblemBody {
  const status = STATUS_BY_KIND[error.kind] ?? 400;
  return problem(status, error.code, error.messageZh, error.messageEn, error.details, instance);
}

export function problem(status: number, code: string, zh: string, en: string, extra: Record<string, unknown> = {}, instance?: string): ProblemBody {
  return {
    type: `urn:jingsai:problem:${code}`,
    title: TITLE_BY_STATUS[status] ?? 'Error',
    status,
    code,
    detail: en,
    messageZh: zh,
    messageEn: en,
    ...(instance ? { instance } : {}),
    ...extensionsOf(extra),
  };
}

/**
 * A body sent as anything but JSON (a form, text): commands take JSON objects only. Answered
 * before any parser reads it, so a form is never taken for a command and JSON labelled as text is
 * not called "a string".
 */
export function unsupportedMediaType(contentType: string, instance?: string): ProblemBody {
  const sent = contentType.split(';')[0]!.trim();
  return problem(
    415,
    'HTTP.UNSUPPORTED_MEDIA_TYPE',
    `请求体须为 JSON（Content-Type: application/json），收到的是 ${sent}。`,
    `Send the body as JSON (Content-Type: application/json), not ${sent}.`,
    { contentType: sent, accepted: ['application/json'] },
    instance,
  );
}

/**
 * How deep a request body may nest: every command's body is a few levels deep (a score sheet, a
 * round's sub-quotas), free-form facts a few more. Bodies far deeper overflowed the stack in the
 * validation pipe's recursive walk (a 500 from 3 KB of brackets); they are refused first.
 */
export const MAX_BODY_DEPTH = 32;

/** Whether a parsed body nests deeper than {@link MAX_BODY_DEPTH} (walked without recursion). */
export function nestsTooDeep(body: unknown, max = MAX_BODY_DEPTH): boolean {
  if (body === null || typeof body !== 'object') return false;
  const stack: Array<[object, number]> = [[body, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (depth > max) return true;
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      if (child !== null && typeof child === 'object') stack.push([child as object, depth + 1]);
    }
  }
  return false;
}

/** application/json, or a JSON-based type (application/problem+json …), with any parameters. */
export function isJsonContentType(contentType: string): boolean {
  return /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType.trim());
}

/** A request that arrived after the service began to stop (its connection is closed after the answer). */
export function shuttingDownProblem(instance?: string): ProblemBody {
  return problem(503, 'SERVER.SHUTTING_DOWN', '服务正在停止，请稍后重试（未执行任何操作）。', 'The service is stopping; nothing was done. Retry shortly.', {}, instance);
}

/**
 * Errors Fastify raises while routing, before Nest (and its exception filter) sees the request:
 * an undecodable URL or a path parameter longer than the router allows. Same problem+json shape.
 */

export function frameworkProblem(error: { code?: string; message?: string }, instance?: string): ProblemBody {
  switch (error.code) {
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return problem(414, 'HTTP.PARAM_TOO_LONG', '请求地址中的标识过长，请检查后重试。', 'A path parameter in the URL is too long.', {}, instance);
    case 'FST_ERR_BAD_URL':
      return problem(400, 'HTTP.BAD_URL', '请求地址无法解析，请检查后重试。', 'The URL could not be decoded.', {}, instance);
    default:
      return problem(500, 'SERVER.INTERNAL', '服务器内部错误，已记录，请稍后重试或联系管理员。', 'Internal error. It was logged; try again later or contact the administrator.', {}, instance);
  }
}
