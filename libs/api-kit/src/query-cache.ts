import { createHash } from 'node:crypto';
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

/** An answer as sent: its JSON as UTF-8 bytes, the entity tag of those bytes, and until when the clock alone leaves it true. */
export interface QueryAnswer {
  /**
   * The bytes, encoded once: a kept string was measured again (`Buffer.byteLength`, for the
   * Content-Length) and encoded again by the socket on every hit, a third of a hit's CPU for a
   * 20 KB board page of Chinese text.
   */
  body: Buffer;
  etag: string;
  /** Epoch ms from which the answer may read differently with nothing recorded (Infinity: never by the clock). */
  validUntilMs: number;
}

/** Set on a request whose If-None-Match names the answer's tag: {@link notModifiedOnSend} sends 304. */
const NOT_MODIFIED = Symbol('notModified');
/** Set by a handler through {@link answerValidUntil}. */
const VALID_UNTIL = Symbol('validUntil');

interface QueryRequest {
  method?: string;
  url: string;
  user?: Caller;
  headers: Record<string, string | string[] | undefined>;
  [NOT_MODIFIED]?: boolean;
  [VALID_UNTIL]?: number;
}

/**
 * A query handler says until when, by the clock alone, the answer it is computing stays true:
 * the next instant at which something in it turns (a window opens or closes, an overdue item
 * gains a day, …), or Infinity when nothing in it depends on the time. The earliest of several
 * calls wins. A handler that says nothing is taken to answer "as of now" to the second: its
 * answer is kept to the end of the current second, as every answer used to be.
 */
export function answerValidUntil(req: unknown, until: number | string | Date): void {
  const ms = typeof until === 'number' ? until : new Date(until).getTime();
  if (Number.isNaN(ms)) return;
  const r = req as QueryRequest;
  r[VALID_UNTIL] = Math.min(r[VALID_UNTIL] ?? Infinity, ms);
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
 * its query, and the clock: whether it was moved (the demo clock), and the instant the handler
 * said its answer stops being true by the time alone (boards and supervision views answer "as
 * of now": a submission window opens at an instant, an overdue item gains a day at midnight), by
 * default the end of the current second. A committee's staff opening the same supervision page,
 * or a console polling its board, then cost one query, not one each. An answer is never older
 * than the read models it was read from, so read-your-writes (`minPosition`) holds as before: a
 * request that waited for a position computes its key after the wait.
 */
@Injectable()
export class QueryCache {
  /** Answers as the JSON sent, so a hit is not serialised again (a board page is ~20 KB of it). */
  private readonly answers: LRUCache<string, QueryAnswer> | null;

  constructor(
    @Inject(READ_MODEL_DB) private readonly readDb: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(QUERY_CACHE_OPTIONS) options: QueryCacheOptions,
  ) {
    // Sized in bytes: the body's, and the key's at two bytes a character (it holds the URL, which a
    // caller chooses: a long query with a tiny answer is no way round).
    this.answers = options.megabytes > 0
      ? new LRUCache({ maxSize: options.megabytes * 1024 * 1024, sizeCalculation: (a, key) => a.body.length + 2 * (a.etag.length + key.length) })
      : null;
  }

  get enabled(): boolean {
    return this.answers !== null;
  }

  /** The key of this request's answer as things stand now, or null when answers are not kept. */
  keyOf(url: string, caller: Caller | undefined): string | null {
    if (!this.answers || !caller) return null;
    const moves = (this.clock as { moves?: number }).moves ?? 0;
    // As JSON: ids and names may hold any character, so no separator could keep two callers apart.
    return JSON.stringify([this.readDb.changeStamp(), moves, caller.userId, caller.orgId, caller.roles, caller.name, url]);
  }

  /** The answer kept under the key, unless the clock has reached the instant it stops being true. */
  get(key: string): QueryAnswer | undefined {
    const answer = this.answers?.get(key);
    if (answer === undefined || this.clock.now().getTime() < answer.validUntilMs) return answer;
    this.answers!.delete(key);
    return undefined;
  }

  /** The end of the current second: how long an answer "as of now" is kept when its handler says nothing. */
  endOfSecond(): number {
    return Math.floor(this.clock.now().getTime() / 1000) * 1000 + 1000;
  }

  set(key: string, answer: QueryAnswer): void {
    this.answers?.set(key, answer);
  }
}

/**
 * Serves a GET from the {@link QueryCache} when it can, and keeps what the handler answered
 * otherwise, unless the read models moved while it ran (the answer would then be filed under a
 * state it was not read from). Only for handlers whose answer is a function of the read models,
 * the caller, the URL and the clock; errors are never kept. `X-Query-Cache` says which it was.
 *
 * Every answer carries an entity tag of its bytes, and `Cache-Control: private, no-cache` (it is
 * the caller's own, and must be checked each time): a console that polls with `If-None-Match`
 * gets `304 Not Modified` and no body while the page reads the same, even after the read
 * models moved elsewhere, and with the cache off.
 */
@Injectable()
export class QueryCacheInterceptor implements NestInterceptor {
  constructor(private readonly cache: QueryCache) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<QueryRequest>();
    if (req.method !== 'GET' || !req.user) return next.handle();
    const reply = http.getResponse<Reply>();
    const key = this.cache.keyOf(req.url, req.user);
    const send = (answer: QueryAnswer, how: 'hit' | 'miss') => {
      if (!describe(reply, req, answer, how)) return answer.body;
      req[NOT_MODIFIED] = true;
      return '';
    };
    const hit = key === null ? undefined : this.cache.get(key);
    if (hit !== undefined) return of(send(hit, 'hit'));
    const asOfNow = this.cache.endOfSecond();
    return next.handle().pipe(
      map((result) => {
        if (result === null || typeof result !== 'object') return result;
        // Serialised here, as Fastify would have (JSON.stringify), and sent as these bytes.
        const body = ownBytes(JSON.stringify(result));
        const answer = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"`, validUntilMs: req[VALID_UNTIL] ?? asOfNow };
        if (key !== null && this.cache.keyOf(req.url, req.user) === key) this.cache.set(key, answer);
        return send(answer, 'miss');
      }),
    );
  }
}

/**
 * The UTF-8 bytes of an answer in memory of their own: a small `Buffer.from(string)` is a slice of
 * Node's shared 8 KB pool, and a kept slice would keep its whole slab alive beyond the cache's size.
 */
function ownBytes(json: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(json));
  bytes.write(json);
  return bytes;
}

/** Sets an answer's headers; true when the request's If-None-Match names it (not modified). */
function describe(reply: Reply, req: QueryRequest, answer: QueryAnswer, how: 'hit' | 'miss'): boolean {
  reply.header('x-query-cache', how).header('content-type', JSON_UTF8).header('etag', answer.etag).header('cache-control', 'private, no-cache');
  return ifNoneMatch(req.headers['if-none-match'], answer.etag);
}

/** Verifies a bearer token: the caller it names, or a rejection (expired, forged, malformed). */
export interface BearerVerifier {
  verify(token: string): Promise<Caller>;
}

interface FastReply extends Reply {
  code(status: number): FastReply;
  send(payload?: string | Buffer): FastReply;
}

/**
 * A Fastify preHandler hook that answers a kept answer before Nest's pipeline runs. A hit through
 * the interceptor still went through the guard, three interceptors, the validation pipe and
 * rxjs: about four fifths of what it cost. The hook does what decides the answer and nothing
 * else: it verifies the bearer token (signature, expiry) and looks the key up as the
 * interceptor would. Only answers the interceptor kept are ever found, and each was computed
 * for this caller at this URL after the guards and the validation had let the request through,
 * so whatever the hook cannot answer (no or a bad token, a request waiting for `minPosition`, a
 * miss) simply goes on to Nest, which answers it, or refuses it, as before.
 */
export function queryCacheFastPath(cache: QueryCache, tokens: BearerVerifier, consistency: { behindOwnWrites(): boolean }) {
  return async (req: QueryRequest & { query?: unknown }, reply: FastReply): Promise<FastReply | undefined> => {
    // Behind a write of this process, the request waits in Nest's ConsistencyGuard first.
    if (req.method !== 'GET' || !cache.enabled || consistency.behindOwnWrites()) return undefined;
    const header = req.headers.authorization;
    const token = typeof header === 'string' ? /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim() : undefined;
    if (!token || (req.query as { minPosition?: unknown } | undefined)?.minPosition !== undefined || req.headers['x-min-position'] !== undefined) return undefined;
    let caller: Caller;
    try {
      caller = await tokens.verify(token);
    } catch {
      return undefined; // the guard answers it with the problem it deserves
    }
    const key = cache.keyOf(req.url, caller);
    const hit = key === null ? undefined : cache.get(key);
    if (hit === undefined) return undefined;
    if (describe(reply, req, hit, 'hit')) return reply.code(304).send();
    return reply.send(hit.body);
  };
}

/** Whether an If-None-Match header names this tag (weak comparison, as RFC 9110 asks for GET). */
export function ifNoneMatch(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return (Array.isArray(header) ? header.join(',') : header).split(',').some((t) => t.trim() === '*' || opaque(t) === wanted);
}

/**
 * A Fastify onSend hook: a request the {@link QueryCacheInterceptor} found not modified is
 * answered 304 with no body (Nest sets a GET's status to 200 after the interceptor has run).
 */
export function notModifiedOnSend(req: object, reply: { code(status: number): unknown }, payload: unknown, done: (err: null, payload?: unknown) => void): void {
  if ((req as QueryRequest)[NOT_MODIFIED]) {
    reply.code(304);
    done(null, '');
    return;
  }
  done(null, payload);
}
