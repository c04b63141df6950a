import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { Observable, map, of } from 'rxjs';
import { ReadModelDatabase } from '@jingsai/event-store';
import { CLOCK, Clock } from '@jingsai/shared';
import { READ_MODEL_DB } from './tokens';

export const QUERY_CACHE_OPTIONS = Symbol('QUERY_CACHE_OPTIONS');
const JSON_UTF8 = 'application/json; charset=utf-8';

interface Reply {
  header(name: string, value: string): Reply;
}

export interface QueryCacheOptions {
  /** Megabytes of answers kept at most (least recently used go first); 0 keeps none. */
  megabytes: number;
}

interface Caller {
  userId: string;
  name: string;
  roles: readonly string[];
  orgId: string;
}

/**
 * Answers of read-model queries, kept while nothing they could depend on has moved: the read
 * models (their change stamp), the caller (id, name, roles, organisation), the request's URL with
 * its query, and the clock (to the second, and whether it was moved): boards and supervision
 * views answer "as of now", and a project turns stalled at an instant, a submission window opens
 * at one. A committee's staff opening the same supervision page, or a console polling its board,
 * then cost one query, not one each. An answer is never older than the read models it was read
 * from, so read-your-writes (`minPosition`) holds as before: a request that waited for a
 * position computes its key after the wait.
 */
@Injectable()
export class QueryCache {
  /** Answers as the JSON sent, so a hit is not serialised again (a board page is ~20 KB of it). */
  private readonly answers: LRUCache<string, string> | null;

  constructor(
    @Inject(READ_MODEL_DB) private readonly readDb: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(QUERY_CACHE_OPTIONS) options: QueryCacheOptions,
  ) {
    // Sized by characters at two bytes each (Chinese text is held in two-byte strings), the key's
    // too: it holds the URL, which a caller chooses (a long query with a tiny answer is no way round).
    this.answers = options.megabytes > 0
      ? new LRUCache({ maxSize: (options.megabytes * 1024 * 1024) / 2, sizeCalculation: (json, key) => json.length + key.length })
      : null;
  }

  /** The key of this request's answer as things stand now, or null when answers are not kept. */
  keyOf(url: string, caller: Caller | undefined): string | null {
    if (!this.answers || !caller) return null;
    const second = Math.floor(this.clock.now().getTime() / 1000);
    const moves = (this.clock as { moves?: number }).moves ?? 0;
    // As JSON: ids and names may hold any character, so no separator could keep two callers apart.
    return JSON.stringify([this.readDb.changeStamp(), second, moves, caller.userId, caller.orgId, caller.roles, caller.name, url]);
  }

  get(key: string): string | undefined {
    return this.answers?.get(key);
  }

  set(key: string, json: string): void {
    this.answers?.set(key, json);
  }
}

/**
 * Serves a GET from the {@link QueryCache} when it can, and keeps what the handler answered
 * otherwise, unless the read models moved while it ran (the answer would then be filed under a
 * state it was not read from). Only for handlers whose answer is a function of the read models,
 * the caller, the URL and the clock; errors are never kept. `X-Query-Cache` says which it was.
 */
@Injectable()
export class QueryCacheInterceptor implements NestInterceptor {
  constructor(private readonly cache: QueryCache) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<{ method?: string; url: string; user?: Caller }>();
    const key = req.method === 'GET' ? this.cache.keyOf(req.url, req.user) : null;
    if (key === null) return next.handle();
    const reply = http.getResponse<Reply>();
    const hit = this.cache.get(key);
    if (hit !== undefined) {
      reply.header('x-query-cache', 'hit').header('content-type', JSON_UTF8);
      return of(hit);
    }
    return next.handle().pipe(
      map((answer) => {
        if (answer === null || typeof answer !== 'object') return answer;
        // Serialised here, as Fastify would have (JSON.stringify), and sent as is.
        const json = JSON.stringify(answer);
        if (this.cache.keyOf(req.url, req.user) === key) this.cache.set(key, json);
        reply.header('x-query-cache', 'miss').header('content-type', JSON_UTF8);
        return json;
      }),
    );
  }
}
