import { CommandContext } from '@jingsai/event-store';
import { AuthUser, actorOf } from '@jingsai/auth';
import { Clock, DomainError, Role, deterministicId, newId, sha256Hex } from '@jingsai/shared';
import { canonicalJson } from '@jingsai/event-store';

/** The parts of a Fastify request the command path reads. */
export interface RequestLike {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  correlationId?: string;
}

function header(req: RequestLike, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * If-Match: `"3"` or `3` → 3. A weak tag (`W/"3"`) never matches under If-Match (RFC 9110,
 * strong comparison), so it is refused like anything else: a 400 the client can fix.
 */
export function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '' || value.trim() === '*') return undefined;
  const m = value.trim().match(/^"?(\d+)"?$/);
  if (!m) {
    throw DomainError.validation(
      'REQUEST.BAD_IF_MATCH',
      'If-Match 请求头应为记录的版本号（即读取时返回的 ETag，如 "3"，不带 W/）。',
      'If-Match must be the revision you read (the ETag as sent, e.g. "3"; a weak W/ tag never matches).',
    );
  }
  return Number(m[1]);
}

export const MAX_IDEMPOTENCY_KEY = 200;

/**
 * Build the command context from the request: who acts and in which role, the instant from
 * the injected clock, the commandId from the Idempotency-Key (scoped to the caller), the
 * correlation id, and the revision pinned with If-Match.
 */
export function commandContext(req: RequestLike, user: AuthUser, role: Role, clock: Clock): CommandContext {
  const key = header(req, 'idempotency-key');
  if (key !== undefined && (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY)) {
    throw DomainError.validation(
      'REQUEST.BAD_IDEMPOTENCY_KEY',
      `Idempotency-Key 长度应在 1 到 ${MAX_IDEMPOTENCY_KEY} 个字符之间。`,
      `Idempotency-Key must be 1 to ${MAX_IDEMPOTENCY_KEY} characters.`,
    );
  }
  const expectedRevision = parseIfMatch(header(req, 'if-match'));
  return {
    actor: actorOf(user, role),
    now: clock.now(),
    correlationId: req.correlationId ?? newId(),
    ...(key ? { commandId: deterministicId('idempotency', user.userId, key), requestHash: requestHash(req) } : {}),
    ...(expectedRevision !== undefined ? { expectedRevision } : {}),
  };
}

/** Identifies a request's intent so a reused Idempotency-Key with another body is caught. */
export function requestHash(req: RequestLike): string {
  const path = req.url.split('?')[0];
  return sha256Hex(`${req.method} ${path}\n${canonicalJson(req.body ?? null)}`);
}

/** A new aggregate id: derived from the Idempotency-Key when given, so a replay targets the same stream. */
export function newAggregateId(req: RequestLike, user: AuthUser, fresh: () => string): string {
  const key = header(req, 'idempotency-key');
  return key ? deterministicId('aggregate', user.userId, key) : fresh();
}
