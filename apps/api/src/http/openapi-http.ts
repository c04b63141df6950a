import type { OpenAPIObject } from '@nestjs/swagger';
import { MAX_IDEMPOTENCY_KEY, QueryCacheInterceptor } from '@jingsai/api-kit';
import type { DocumentedRoute } from './openapi-routes';

type Operation = Record<string, any>;

/** Non-GET routes that are not commands on the event log (no Idempotency-Key, no If-Match, no ETag). */
const NOT_COMMANDS = ['/api/v1/admin/'];

/** A command: every POST, PUT and PATCH that records events (CommandExecutor builds their context from these headers). */
export function isCommand(path: string, method: string): boolean {
  return ['post', 'put', 'patch', 'delete'].includes(method) && !NOT_COMMANDS.some((prefix) => path.startsWith(prefix));
}

const COMMAND_HEADERS = [
  {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description: `幂等键：带相同键的重试返回首次的结果（响应头 Idempotent-Replayed: true），同一键用于不同请求为 422 IDEMPOTENCY.KEY_REUSED；长度 1–${MAX_IDEMPOTENCY_KEY}，否则为 400 REQUEST.BAD_IDEMPOTENCY_KEY。Makes a retry safe: the same key answers the first result.`,
    schema: { type: 'string', minLength: 1, maxLength: MAX_IDEMPOTENCY_KEY },
  },
  {
    name: 'If-Match',
    in: 'header',
    required: false,
    description: '读取时返回的版本（ETag，如 "3"）：记录此后已被修改则为 412 STREAM.REVISION_MISMATCH，格式不对为 400 REQUEST.BAD_IF_MATCH。The revision you read (its ETag); 412 when the record has moved on.',
    schema: { type: 'string', pattern: String.raw`^"?\d+"?$`, example: '"3"' },
  },
];

const COMMAND_RESPONSE_HEADERS = {
  ETag: { description: '命令后事件流的版本，可作为下一次命令的 If-Match The stream revision after the command; send it as If-Match next time', schema: { type: 'string', example: '"4"' } },
  'Idempotent-Replayed': { description: '重复请求（相同 Idempotency-Key）时为 true，未写入新事件 true when this replays an earlier request', schema: { type: 'string', enum: ['true'] } },
};

const MIN_POSITION_HEADER = {
  name: 'X-Min-Position',
  in: 'header',
  required: false,
  description: '同查询参数 minPosition：等待读模型至少追上该全局位置；两者都给且不同则 400 As the minPosition query parameter; both, with different values, is a 400',
  schema: { type: 'integer', minimum: 0 },
};

const MIN_POSITION_QUERY = {
  name: 'minPosition',
  in: 'query',
  required: false,
  description: '等待读模型至少追上该全局位置（命令响应中的 position） Wait until read models reach this position',
  schema: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
};

const IF_NONE_MATCH = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description: '上次响应的 ETag：内容未变时返回 304（无响应体），适合轮询。The ETag you last got: 304 with no body while the answer reads the same',
  schema: { type: 'string' },
};

const CACHED_ANSWER_HEADERS = {
  ETag: { description: '响应内容的实体标签，轮询时作为 If-None-Match 发送 Entity tag of the answer; send it as If-None-Match', schema: { type: 'string' } },
  'X-Query-Cache': { description: '是否取自查询缓存 Whether the answer came from the query cache', schema: { type: 'string', enum: ['hit', 'miss'] } },
  'Cache-Control': { description: '仅限本人，每次须校验 The caller’s own answer, to be revalidated each time', schema: { type: 'string', example: 'private, no-cache' } },
};

function addParameter(op: Operation, parameter: { name: string; in: string }): void {
  op.parameters ??= [];
  const taken = (op.parameters as Array<{ name: string; in: string }>).some((p) => p.in === parameter.in && p.name.toLowerCase() === parameter.name.toLowerCase());
  if (!taken) op.parameters.push({ ...parameter });
}

function addResponseHeaders(op: Operation, statuses: (status: string) => boolean, headers: Record<string, unknown>): void {
  for (const [status, response] of Object.entries(op.responses ?? {}) as Array<[string, Record<string, any>]>) {
    if (statuses(status)) response.headers = { ...headers, ...(response.headers ?? {}) };
  }
}

/**
 * The HTTP conventions the API honours on every route of a kind, declared in one place rather
 * than on each handler: Idempotency-Key and If-Match on commands (and the ETag and
 * Idempotent-Replayed they answer with), minPosition / X-Min-Position on every GET, and
 * If-None-Match with 304 on the GETs the query cache serves (board, supervision, statistics).
 */
export function documentHttpConventions(document: OpenAPIObject, routes: DocumentedRoute[]): OpenAPIObject {
  const cached = new Set(routes.filter((r) => r.method === 'get' && r.intercepted(QueryCacheInterceptor)).map((r) => `get ${r.path}`));
  for (const [path, item] of Object.entries(document.paths) as Array<[string, Record<string, Operation>]>) {
    for (const [method, op] of Object.entries(item)) {
      if (isCommand(path, method)) {
        for (const header of COMMAND_HEADERS) addParameter(op, header);
        addResponseHeaders(op, (status) => status.startsWith('2'), COMMAND_RESPONSE_HEADERS);
      }
      if (method !== 'get') continue;
      // The consistency guard reads both on every GET; a route whose query DTO does not declare
      // minPosition refuses it as an unknown field, so only the header is offered there.
      const hasQuery = (op.parameters ?? []).some((p: { in: string }) => p.in === 'query');
      if (!hasQuery) addParameter(op, MIN_POSITION_QUERY);
      addParameter(op, MIN_POSITION_HEADER);
      if (!cached.has(`get ${path}`)) continue;
      addParameter(op, IF_NONE_MATCH);
      addResponseHeaders(op, (status) => status === '200', CACHED_ANSWER_HEADERS);
      op.responses['304'] ??= {
        description: '未修改：内容与 If-None-Match 所给的 ETag 相同，无响应体 Not modified: the answer still has the ETag you sent; no body',
        headers: { ETag: CACHED_ANSWER_HEADERS.ETag, 'Cache-Control': CACHED_ANSWER_HEADERS['Cache-Control'] },
      };
    }
  }
  return document;
}
