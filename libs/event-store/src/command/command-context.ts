import { Actor } from '@jingsai/shared';

/** Everything about a command that is not business data: who, when, which request. */
export interface CommandContext {
  actor: Actor;
  /** The instant the command is decided at, from the injected clock. */
  now: Date;
  /** From the Idempotency-Key (scoped to the caller) or derived from a scheduler item. */
  commandId?: string;
  correlationId: string;
  causationId?: string;
  /** sha256 of the request body: a reused Idempotency-Key with a different body is refused. */
  requestHash?: string;
  /** From If-Match: the revision the client last saw. A mismatch is returned as 412, never retried. */
  expectedRevision?: number;
}
