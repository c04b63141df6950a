import { RecordedEvent } from '@jingsai/shared';
import { CorruptEventError } from '../errors';
import { ProjectionApplyError, ProjectionVersionError } from './projection-batch';
import { ProjectionFailure } from './projection';

/** An upcaster threw on a stored event: the runner cannot give it to the projections. */
export class UpcastError extends Error {
  constructor(
    readonly event: RecordedEvent,
    override readonly cause: unknown,
  ) {
    super(
      `event ${event.type} at position ${event.position} (${event.streamId}@${event.revision}) cannot be upcast: ` +
        `${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'UpcastError';
  }
}

/** What the runner exposes and logs when it stops on an error: where, which projection, why. */
export function toFailure(error: unknown, at: Date): ProjectionFailure {
  const message = error instanceof Error ? error.message : String(error);
  const base = { message, error, at: at.toISOString() };
  if (error instanceof ProjectionApplyError) {
    return { ...base, position: error.event.position, streamId: error.event.streamId, projection: error.projection };
  }
  if (error instanceof UpcastError) {
    return { ...base, position: error.event.position, streamId: error.event.streamId, projection: null };
  }
  if (error instanceof CorruptEventError) {
    return { ...base, position: error.position, streamId: error.streamId, projection: null };
  }
  if (error instanceof ProjectionVersionError) {
    return { ...base, position: null, streamId: null, projection: error.projection };
  }
  return { ...base, position: null, streamId: null, projection: null };
}
