import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable, from, switchMap } from 'rxjs';
import { ReadConsistency, minPositionOf } from '@jingsai/api-kit';

/** Every GET honours `minPosition` / `X-Min-Position` by waiting (bounded) for the read models. */
@Injectable()
export class ConsistencyInterceptor implements NestInterceptor {
  constructor(private readonly consistency: ReadConsistency) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest();
    if (req?.method !== 'GET') return next.handle();
    const position = minPositionOf(req.query, req.headers ?? {});
    if (position === undefined) return next.handle();
    return from(this.consistency.atLeast(position)).pipe(switchMap(() => next.handle()));
  }
}
