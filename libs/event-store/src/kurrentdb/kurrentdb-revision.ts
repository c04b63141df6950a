import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  type AppendStreamState,
  type CurrentStreamState,
  ErrorType,
} from '@kurrent/kurrentdb-client';
import { ExpectedRevision } from '../event-store.port';
import { WrongExpectedRevisionError } from '../errors';

/** The port's expected revision as a KurrentDB stream state (revision n → n as bigint). */
export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      if (!Number.isSafeInteger(expected) || expected < 0) {
        throw new RangeError(`expected revision must be a non-negative integer, got ${expected}`);
      }
      return BigInt(expected);
  }
}

/** A KurrentDB stream state as the port's expected revision. */
export function fromStreamState(state: AppendStreamState): ExpectedRevision {
  switch (state) {
    case ANY:
      return 'any';
    case NO_STREAM:
      return 'no_stream';
    case STREAM_EXISTS:
      return 'stream_exists';
    default:
      return Number(state);
  }
}

/** The state to append with when the stream's last revision is known: the chain must extend exactly that event. */
export function exactStreamState(lastRevision: number | null): AppendStreamState {
  return lastRevision === null ? NO_STREAM : toStreamState(lastRevision);
}

/** A stream's current state as reported by KurrentDB (no_stream or last revision) → revision or null. */
export function fromCurrentState(current: CurrentStreamState | undefined): number | null {
  if (current === undefined || current === NO_STREAM) return null;
  // Older servers report "no stream" as -1 (and deleted/tombstoned as other negatives).
  if (current < 0n) return null;
  return Number(current);
}

/**
 * Whether the port's expectation holds for a stream whose last revision is `actual`
 * (null: no stream). Checked before every append, so a conflict names the caller's expectation.
 */
export function satisfies(expected: ExpectedRevision, actual: number | null): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === null;
    case 'stream_exists':
      return actual !== null;
    default:
      return actual === expected;
  }
}

/** The client's WrongExpectedVersionError (matched by its `type`, so a second copy of the client still matches). */
export function isWrongExpectedVersion(error: unknown): error is Error & { actualState?: CurrentStreamState } {
  return error instanceof Error && (error as { type?: unknown }).type === ErrorType.WRONG_EXPECTED_VERSION;
}

/** The client's StreamNotFoundError: an unknown stream, which the port reads as []. */
export function isStreamNotFound(error: unknown): boolean {
  return error instanceof Error && (error as { type?: unknown }).type === ErrorType.STREAM_NOT_FOUND;
}

/**
 * The port's error for a failed append: WrongExpectedVersionError becomes WrongExpectedRevisionError
 * with the caller's expectation and the stream's actual revision; anything else passes through.
 */
export function toPortAppendError(error: unknown, streamId: string, expected: ExpectedRevision): unknown {
  if (!isWrongExpectedVersion(error)) return error;
  return new WrongExpectedRevisionError(streamId, expected, fromCurrentState(error.actualState));
}
