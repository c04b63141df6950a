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

export function problemFromDomainError(error: DomainError, instance?: string): ProblemBody {
  const status = STATUS_BY_KIND[error.kind] ?? 400;
  return {
    type: `urn:jingsai:problem:${error.code}`,
    title: TITLE_BY_STATUS[status] ?? 'Error',
    status,
    code: error.code,
    detail: error.messageEn,
    messageZh: error.messageZh,
    messageEn: error.messageEn,
    ...(instance ? { instance } : {}),
    ...error.details,
  };
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
    ...extra,
  };
}
