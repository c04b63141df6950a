import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { READS_MODELS, READ_MODEL_DB, ReadConsistency, minPositionOf } from '@jingsai/api-kit';
import { ReadModelDatabase } from '@jingsai/event-store';
import { DomainError } from '@jingsai/shared';

/** Every scope check reads it: a route is refused whenever it is replayed. */
const ORG_TREE = 'org_tree';

/** Queries that read the event log itself, not the read models: answered during a rebuild too. */
const LOG_QUERIES = '/api/v1/audit/';

/**
 * Every GET honours `minPosition` / `X-Min-Position` by waiting (bounded) for the read models;
 * one that names no position waits briefly for this process's own last write (ReadConsistency.settle).
 * While the read models are being rebuilt (`cli rebuild`, or a new projection version replayed at
 * start), a query of them is refused with 503 `READ_MODEL.REBUILDING`: half-built read models
 * answered "campaign not found" for campaigns that exist. A route that declares what it reads
 * (`@ReadsModels`) is refused only while one of those, or the organisation tree, is replayed. The
 * audit queries read the log and are answered as always.
 *
 * A guard rather than an interceptor: a route with no interceptor at all skips Nest's rxjs
 * pipeline and the AsyncResource binding it makes per interceptor, and no command needs one.
 * It is registered after the AuthGuard (AuthModule comes before PersistenceModule in AppModule's
 * imports, and Nest runs global guards in that order), so a request without a valid token is
 * refused at once, never kept waiting; the e2e suite checks that order.
 */
@Injectable()
export class ConsistencyGuard implements CanActivate {
  constructor(
    private readonly consistency: ReadConsistency,
    @Inject(READ_MODEL_DB) private readonly readDb: ReadModelDatabase,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest();
    if (req?.method !== 'GET') return true;
    const readsModels = typeof req.url === 'string' && req.url.startsWith('/api/v1/') && !req.url.startsWith(LOG_QUERIES);
    if (readsModels) this.refuseWhileRebuilding(context);
    const position = minPositionOf(req.query, req.headers ?? {});
    // Again after a wait (a rebuild may have begun meanwhile); a query with nothing to wait for is checked once.
    const waits = position !== undefined || this.consistency.behindOwnWrites();
    if (position === undefined) await this.consistency.settle();
    else await this.consistency.atLeast(position);
    if (readsModels && waits) this.refuseWhileRebuilding(context);
    return true;
  }

  private refuseWhileRebuilding(context: ExecutionContext): void {
    const rebuilding = this.readDb.rebuildingProjectionsNow();
    if (rebuilding.length === 0) return;
    // A route that says what it reads is refused only when one of those (or the organisation tree) is replayed.
    const reads = this.reflector.getAllAndOverride<string[] | undefined>(READS_MODELS, [context.getHandler(), context.getClass()]);
    if (reads !== undefined && !rebuilding.some((p) => p === ORG_TREE || reads.includes(p))) return;
    context.switchToHttp().getResponse().header('retry-after', '10');
    throw new DomainError(
      'READ_MODEL.REBUILDING',
      'unavailable',
      '读模型正在重建，重建完成前暂不答复查询，请稍后重试（审计查询不受影响）。',
      'The read models are being rebuilt; queries of them are answered again once it ends (audit queries are not affected). Retry shortly.',
    );
  }
}
