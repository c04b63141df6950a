import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { bodyNotObject, isNonObjectBody } from './validation.pipe';

/**
 * A command whose route reads no body (approve, submit, confer) still refuses one that is not a
 * JSON object, as the validation pipe refuses it on a route with a DTO: `[]` or `5` sent to approve
 * must not be taken for {}. An interceptor runs after the guards, so a caller without the route's
 * role is told 403 first, as for any other body.
 */
@Injectable()
export class BodyShapeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<{ method?: string; body?: unknown }>();
    if ((req.method === 'POST' || req.method === 'PATCH' || req.method === 'PUT') && isNonObjectBody(req.body)) throw bodyNotObject(req.body);
    return next.handle();
  }
}
