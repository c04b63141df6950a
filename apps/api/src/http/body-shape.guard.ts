import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { IS_PUBLIC } from '@jingsai/auth';
import { DomainError } from '@jingsai/shared';
import { MAX_BODY_DEPTH, nestsTooDeep } from './problem-details';
import { bodyNotObject, isNonObjectBody } from './validation.pipe';

/** The query parameter every GET takes (read-your-writes), whether or not its route reads a query. */
const EVERY_GET_TAKES = 'minPosition';

/**
 * The shape of a request, checked once the caller is known to be allowed (a guard registered
 * after the AuthGuard, as the ConsistencyGuard is: a caller without the route's role, or without a
 * token, is told 403 or 401 first, review 42 #1); not an interceptor, which would put Nest's rxjs
 * pipeline on every route, queries included.
 * - A command whose route reads no body (approve, submit, confer) still refuses one that is not a
 *   JSON object, as the validation pipe refuses it on a route with a DTO: `[]` or `5` sent to
 *   approve must not be taken for {}.
 * - A body nested deeper than any command's is refused before a pipe walks it: 2,000 brackets
 *   overflowed the validation pipe's recursive walk (a 500 from 3 KB, review 41 #1).
 * - A GET whose handler reads no query (a detail, a catalogue) refuses any parameter but
 *   minPosition: a list's DTO refuses unknown ones, but a detail had none, so a misspelt
 *   `minPositon` was silently no read-your-writes wait (review 41 #11).
 */
@Injectable()
export class BodyShapeGuard implements CanActivate {
  /** Per handler: whether it reads a query of its own (read once from Nest's route metadata). */
  private readonly readsQuery = new WeakMap<object, boolean>();

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<{ method?: string; body?: unknown; query?: Record<string, unknown> }>();
    if (req.method === 'POST' || req.method === 'PATCH' || req.method === 'PUT') {
      if (isNonObjectBody(req.body)) throw bodyNotObject(req.body);
      if (nestsTooDeep(req.body)) throw bodyTooDeep();
    } else if (req.method === 'GET' || req.method === 'HEAD') {
      // Most reads carry no query or only minPosition: the route's metadata is looked at only when one does.
      const unknown = Object.keys(req.query ?? {}).filter((k) => k !== EVERY_GET_TAKES);
      if (unknown.length > 0 && !this.takesQuery(context) && !isPublic(context)) throw unknownQuery(unknown);
    }
    return true;
  }

  private takesQuery(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    let reads = this.readsQuery.get(handler);
    if (reads === undefined) {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ?? {}) as Record<string, unknown>;
      reads = Object.keys(args).some((key) => Number(key.split(':')[0]) === RouteParamtypes.QUERY);
      this.readsQuery.set(handler, reads);
    }
    return reads;
  }
}

/**
 * Public routes (health, readiness, metrics) are for probes and scrapers, which may add parameters
 * of their own (a cache-buster, a metric name): they are answered whatever their query (review 44 #1).
 */
function isPublic(context: ExecutionContext): boolean {
  return Reflect.getMetadata(IS_PUBLIC, context.getHandler()) === true || Reflect.getMetadata(IS_PUBLIC, context.getClass()) === true;
}

function bodyTooDeep(): DomainError {
  return DomainError.validation('REQUEST.TOO_DEEP', `请求体嵌套过深（超过 ${MAX_BODY_DEPTH} 层），请检查提交的数据。`, `The request body nests more than ${MAX_BODY_DEPTH} levels deep; check what is sent.`, {
    maxDepth: MAX_BODY_DEPTH,
  });
}

/** A query parameter a route does not take, named as the validation pipe names an unknown field. */
function unknownQuery(names: string[]): DomainError {
  return DomainError.validation(
    'REQUEST.INVALID',
    `提交的内容有 ${names.length} 处问题：${names.map((n) => `不允许的查询参数 ${n}`).join('；')}（本地址只接受：${EVERY_GET_TAKES}）`,
    `The request has ${names.length} problem(s): ${names.map((n) => `${n}: unknown query parameter`).join('; ')} (this address takes: ${EVERY_GET_TAKES})`,
    { errors: names.map((n) => ({ field: n, messageZh: `不允许的查询参数 ${n}`, messageEn: `unknown query parameter ${n}` })) },
  );
}
