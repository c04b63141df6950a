import type { OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem-details';

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

const READ_PROBLEMS: Record<string, string> = {
  '400': '请求参数有误 Bad request (field problems in `errors`)',
  '401': '未登录或令牌无效 Missing or invalid bearer token',
  '403': '无权访问（角色或组织范围）Forbidden: role or organisation scope',
  '404': '不存在 Not found',
  '409': '读模型尚未追上 minPosition Read models have not reached minPosition yet; retry',
};

const COMMAND_PROBLEMS: Record<string, string> = {
  ...READ_PROBLEMS,
  '409': '状态冲突或并发冲突 Illegal transition or concurrent change (`currentState`, `allowedActions`)',
  '412': 'If-Match 版本不符 The stream moved past the If-Match revision',
  '413': '请求体过大 Body too large',
  '422': '业务规则不允许 A rule of the competition refuses it',
};

/**
 * Every operation documents its problem responses with one shared schema, so a console can
 * generate its error handling from the document instead of reading the source.
 */
export function documentProblems(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.Problem = PROBLEM_SCHEMA as never;
  const ref = { $ref: '#/components/schemas/Problem' };
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const op = item[method];
      if (!op) continue;
      const problems = method === 'get' ? READ_PROBLEMS : COMMAND_PROBLEMS;
      const secured = (op.security?.length ?? 0) > 0;
      for (const [status, description] of Object.entries(problems)) {
        if (!secured && (status === '401' || status === '403')) continue;
        op.responses[status] ??= { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: ref } } };
      }
    }
  }
  return document;
}
