import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ReadConsistency, minPositionOf } from '@jingsai/api-kit';

/**
 * Every GET honours `minPosition` / `X-Min-Position` by waiting (bounded) for the read models;
 * one that names no position waits briefly for this process's own last write (ReadConsistency.settle).
 *
 * A guard rather than an interceptor: a route with no interceptor at all skips Nest's rxjs
 * pipeline and the AsyncResource binding it makes per interceptor, and no command needs one.
 * It is registered after the AuthGuard (AuthModule comes before PersistenceModule in AppModule's
 * imports, and Nest runs global guards in that order), so a request without a valid token is
 * refused at once, never kept waiting; the e2e suite checks that order.
 */
@Injectable()
export class ConsistencyGuard implements CanActivate {
  constructor(private readonly consistency: ReadConsistency) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest();
    if (req?.method !== 'GET') return true;
    const position = minPositionOf(req.query, req.headers ?? {});
    if (position === undefined) await this.consistency.settle();
    else await this.consistency.atLeast(position);
    return true;
  }
}
