import type { OpenAPIObject } from '@nestjs/swagger';
import { MAX_IDEMPOTENCY_KEY } from '@jingsai/api-kit';
import { PROBLEM_CONTENT_TYPE, ProblemBody, problem } from './problem-details';
import { isCommand } from './openapi-http';

const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 7807 问题详情 Problem details: every refusal and error, with a stable code and messages in Chinese and English',
  required: ['type', 'title', 'status', 'code', 'detail', 'messageZh', 'messageEn'],
  properties: {
    type: { type: 'string', example: 'urn:jingsai:problem:PROJECT.ILLEGAL_TRANSITION' },
    title: { type: 'string', example: '状态冲突 Conflict' },
    status: { type: 'integer', example: 409 },
    code: { type: 'string', description: '稳定的错误码 Stable error code', example: 'PROJECT.ILLEGAL_TRANSITION' },
    detail: { type: 'string' },
    messageZh: { type: 'string', example: '项目当前为“草稿”状态，不能审批立项。当前可办理：批准延期报送、终止。' },
    messageEn: { type: 'string' },
    instance: { type: 'string', example: '/api/v1/projects/p-1/approve' },
    errors: {
      type: 'array',
      description: '逐字段问题（400）Field problems',
      items: {
        type: 'object',
        required: ['field', 'messageZh', 'messageEn'],
        properties: { field: { type: 'string', example: 'applicationWindow.closesAt' }, messageZh: { type: 'string' }, messageEn: { type: 'string' } },
      },
    },
    currentState: { type: 'string', description: '状态冲突时的当前状态 Current state (409)' },
    allowedActions: { type: 'array', items: { type: 'string' }, description: '当前可办理的操作 What may be done now (409)' },
    allowedActionLabels: {
      type: 'array',
      items: { type: 'object', properties: { action: { type: 'string' }, label: { type: 'string' } } },
    },
  },
  additionalProperties: true,
};

type Problems = Record<string, { description: string; examples?: ProblemBody[] }>;

const READ_PROBLEMS: Problems = {
  '400': { description: '请求参数有误 Bad request (field problems in `errors`; REQUEST.BAD_MIN_POSITION, REQUEST.MIN_POSITION_AHEAD, REQUEST.MIN_POSITION_CONFLICT)' },
  '401': { description: '未登录或令牌无效 Missing or invalid bearer token' },
  '403': { description: '无权访问（角色或组织范围）Forbidden: role or organisation scope' },
  '404': { description: '不存在 Not found' },
  '409': { description: '读模型尚未追上 minPosition Read models have not reached minPosition yet; retry (READ_MODEL.NOT_CAUGHT_UP)' },
  '503': { description: '读模型正在重建（READ_MODEL.REBUILDING，审计查询除外）或服务正在停止（SERVER.SHUTTING_DOWN）；见 Retry-After Read models being rebuilt, or the service stopping; retry after Retry-After' },
};

const WRITE_PROBLEMS: Problems = {
  ...READ_PROBLEMS,
  '400': { description: '请求内容有误 Bad request (field problems in `errors`)' },
  '409': { description: '状态冲突或并发冲突 Illegal transition or concurrent change (`currentState`, `allowedActions`)' },
  '413': { description: '请求体过大 Body too large (HTTP.PAYLOAD_TOO_LARGE)' },
  '415': { description: '请求体须为 JSON Body must be application/json (HTTP.UNSUPPORTED_MEDIA_TYPE)' },
  '422': { description: '业务规则不允许 A rule of the competition refuses it' },
  '503': { description: '服务正在停止，未执行任何操作 The service is stopping; nothing was done (SERVER.SHUTTING_DOWN); retry after Retry-After' },
};

const BAD_IDEMPOTENCY_KEY = problem(400, 'REQUEST.BAD_IDEMPOTENCY_KEY', `Idempotency-Key 长度应在 1 到 ${MAX_IDEMPOTENCY_KEY} 个字符之间。`, `Idempotency-Key must be 1 to ${MAX_IDEMPOTENCY_KEY} characters.`);
const BAD_IF_MATCH = problem(400, 'REQUEST.BAD_IF_MATCH', 'If-Match 请求头应为记录的版本号（即读取时返回的 ETag，如 "3"）。', 'If-Match must be the revision you read (the ETag, e.g. "3").');
const REVISION_MISMATCH = problem(412, 'STREAM.REVISION_MISMATCH', '该记录在您读取之后已被修改（您看到的版本为 3，当前版本为 4），请刷新后重试。', 'The record changed since you read it (you had revision 3, it is now 4). Reload and try again.', { expectedRevision: 3, actualRevision: 4 });
const KEY_REUSED = problem(422, 'IDEMPOTENCY.KEY_REUSED', '该 Idempotency-Key 已用于另一个不同的请求，请为新请求使用新的键。', 'This Idempotency-Key was already used for a different request; use a new key for a new request.');

/** Commands on the event log also answer for their Idempotency-Key and If-Match headers (openapi-http.ts). */
const COMMAND_PROBLEMS: Problems = {
  ...WRITE_PROBLEMS,
  '400': { description: `${WRITE_PROBLEMS['400']!.description}; REQUEST.BAD_IDEMPOTENCY_KEY, REQUEST.BAD_IF_MATCH`, examples: [BAD_IDEMPOTENCY_KEY, BAD_IF_MATCH] },
  '412': { description: 'If-Match 版本不符 The stream moved past the If-Match revision (STREAM.REVISION_MISMATCH)', examples: [REVISION_MISMATCH] },
  '422': { description: `${WRITE_PROBLEMS['422']!.description}; IDEMPOTENCY.KEY_REUSED: the Idempotency-Key was used for another request`, examples: [KEY_REUSED] },
};

/** Answered by the router for any route, whatever its handler does. */
const ROUTING_PROBLEMS: Problems = {
  '405': { description: '该地址不支持此方法，可用方法见 Allow 响应头 Method not allowed at this address; `Allow` lists those it takes (HTTP.METHOD_NOT_ALLOWED)' },
};
const PATH_PARAMETER_PROBLEMS: Problems = {
  '414': { description: '地址中的标识过长 A path parameter is too long (HTTP.PARAM_TOO_LONG)' },
};

function problemsOf(path: string, method: string, secured: boolean): Problems {
  const own = method === 'get' ? READ_PROBLEMS : isCommand(path, method) ? COMMAND_PROBLEMS : WRITE_PROBLEMS;
  const all = { ...own, ...ROUTING_PROBLEMS, ...(path.includes('{') ? PATH_PARAMETER_PROBLEMS : {}) };
  if (!secured) {
    delete all['401'];
    delete all['403'];
  }
  return all;
}

/**
 * Every operation documents its problem responses with one shared schema, so a console can
 * generate its error handling from the document instead of reading the source.
 */
export function documentProblems(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.Problem = PROBLEM_SCHEMA as never;
  const schema = { $ref: '#/components/schemas/Problem' };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const op = item[method];
      if (!op) continue;
      const secured = (op.security?.length ?? 0) > 0;
      for (const [status, { description, examples }] of Object.entries(problemsOf(path, method, secured))) {
        const content = { schema, ...(examples ? { examples: Object.fromEntries(examples.map((e) => [e.code, { summary: e.messageZh, value: e }])) } : {}) };
        op.responses[status] ??= { description, content: { [PROBLEM_CONTENT_TYPE]: content } };
      }
      if (op.responses['405']) (op.responses['405'] as { headers?: object }).headers ??= { Allow: { description: '该地址可用的方法 Methods the address takes', schema: { type: 'string', example: 'GET, HEAD' } } };
    }
  }
  return document;
}
