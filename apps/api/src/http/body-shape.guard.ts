import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { bodyNotObject, isNonObjectBody } from './validation.pipe';

/**
 * A command whose route reads no body (approve, submit, confer) still refuses one that is not a
 * JSON object, as the validation pipe refuses it on a route with a DTO: `[]` or `5` sent to approve
 * must not be taken for {}. A guard registered after the AuthGuard (as the ConsistencyGuard is), so a
 * caller without the route's role is told 403 first; not an interceptor, which would put Nest's
 * rxjs pipeline on every route, queries included.
 */
@Injectable()
export class BodyShapeGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<{ method?: string; body?: unknown }>();
    if ((req.method === 'POST' || req.method === 'PATCH' || req.method === 'PUT') && isNonObjectBody(req.body)) throw bodyNotObject(req.body);
    return true;
  }
}
