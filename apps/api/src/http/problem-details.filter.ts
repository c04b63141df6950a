import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { isDomainError } from '@jingsai/shared';
import { PROBLEM_CONTENT_TYPE, ProblemBody, problem, problemFromDomainError } from './problem-details';
import { RouteMethods } from './route-methods';

/**
 * The one place errors become HTTP: DomainErrors by kind, Nest/Fastify HTTP errors by status,
 * anything else as a 500 without internals (logged with the correlation id).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  /** With the routes, a path that exists under other methods is answered 405 with `Allow`. */
  constructor(private readonly routes?: RouteMethods) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest();
    const reply = ctx.getResponse();
    const allowed = this.routes && exception instanceof HttpException && exception.getStatus() === 404 ? this.routes.allowedAt(String(req?.url ?? '')) : [];
    if (allowed.length > 0 && !allowed.includes(String(req?.method))) {
      reply.header('allow', allowed.join(', '));
      reply.status(405).header('content-type', PROBLEM_CONTENT_TYPE).send(methodNotAllowed(String(req.method), allowed, req.url));
      return;
    }
    const body = toProblem(exception, req?.url);
    // A refusal the service chose (a DomainError, such as 503 while the read models are rebuilt) is
    // no failure: only what nobody answered for is logged as an error, with its stack.
    if (body.status >= 500 && !isDomainError(exception)) {
      this.logger.error({ err: exception, correlationId: req?.correlationId, url: req?.url }, 'unhandled error');
    }
    reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
  }
}

export function methodNotAllowed(method: string, allowed: string[], instance: string): ProblemBody {
  return problem(
    405,
    'HTTP.METHOD_NOT_ALLOWED',
    `该地址不支持 ${method} 请求，可用的方法：${allowed.join('、')}。`,
    `${method} is not allowed here; this address takes ${allowed.join(', ')}.`,
    { allowed },
    instance,
  );
}

export function toProblem(exception: unknown, instance?: string): ProblemBody {
  if (isDomainError(exception)) return problemFromDomainError(exception, instance);
  if (exception instanceof HttpException) return fromHttpStatus(exception.getStatus(), exception.message, instance);
  const status = (exception as { statusCode?: number })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return fromHttpStatus(status, String((exception as Error).message ?? ''), instance, (exception as { code?: string }).code);
  }
  return problem(500, 'SERVER.INTERNAL', '服务器内部错误，已记录，请稍后重试或联系管理员。', 'Internal error. It was logged; try again later or contact the administrator.', {}, instance);
}

function fromHttpStatus(status: number, message: string, instance?: string, fastifyCode?: string): ProblemBody {
  switch (status) {
    case 404:
      return problem(404, 'HTTP.NOT_FOUND', '请求的地址不存在。', `No such route or resource (${message}).`, {}, instance);
    case 413:
      return problem(413, 'HTTP.PAYLOAD_TOO_LARGE', '请求体过大，请精简后重试。', 'The request body is too large.', {}, instance);
    case 415:
      return problem(415, 'HTTP.UNSUPPORTED_MEDIA_TYPE', '请以 JSON 格式（Content-Type: application/json）提交。', 'Send the body as JSON (Content-Type: application/json).', {}, instance);
    case 400:
      // A client that sends the JSON header with no body at all (many do for bodiless commands).
      if (fastifyCode === 'FST_ERR_CTP_EMPTY_JSON_BODY' || /body cannot be empty/i.test(message)) {
        return problem(
          400,
          'HTTP.EMPTY_JSON_BODY',
          '请求体为空：声明了 Content-Type: application/json 时请发送 JSON 对象（没有内容时发送 {}），或去掉该请求头。',
          'The body is empty while Content-Type says application/json: send a JSON object ({} when there is nothing to say), or leave the header out.',
          {},
          instance,
        );
      }
      // Fastify's parser (secure-json-parse) also refuses valid JSON holding __proto__ or
      // constructor.prototype keys, under the same error and message: say both.
      if (fastifyCode?.startsWith('FST_ERR_CTP') || /JSON/i.test(message)) {
        return problem(
          400,
          'HTTP.MALFORMED_JSON',
          '请求体不是有效的 JSON，或含有不允许的键（__proto__、constructor.prototype），请检查后重试。',
          `The request body is not valid JSON, or holds a key that is not allowed (__proto__, constructor.prototype): ${message}`,
          {},
          instance,
        );
      }
      return problem(400, 'HTTP.BAD_REQUEST', '请求内容有误。', message || 'Bad request.', {}, instance);
    default:
      return problem(status, `HTTP.${status}`, '请求无法完成。', message || 'The request could not be completed.', {}, instance);
  }
}
