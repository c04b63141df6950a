import { jsonEvent, type EventData, type JSONType, type Position } from '@kurrent/kurrentdb-client';
import { EventMetadata, RecordedEvent, deterministicId } from '@jingsai/shared';
import { NewEvent } from '../event-store.port';
import { CorruptEventError } from '../errors';
import { GENESIS_HASH, computeEventHash } from '../hash/event-hash';
import { toPortPosition } from './kurrentdb-position';

/** The fields of a KurrentDB recorded event the adapter uses (the client's RecordedEvent satisfies it). */
export interface KurrentRecord {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  created: Date;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
  position?: Position;
}

/** The tail of a stream, which the next append must extend. */
export interface StreamTail {
  revision: number;
  hash: string;
}

/** An event ready to append: what KurrentDB gets, and the revision/metadata we expect it to be stored with. */
export interface ChainedEvent {
  revision: number;
  type: string;
  data: object;
  metadata: EventMetadata;
  eventData: EventData;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * KurrentDB's event id (a UUID): our metadata.eventId when it is one (the repository derives it
 * from the commandId), else derived from the commandId and the event's index, else from the
 * eventId string. Deterministic ids also make KurrentDB itself treat a resent write as idempotent.
 */
export function kurrentEventId(event: NewEvent, index: number, streamId: string): string {
  const { eventId, commandId } = event.metadata;
  if (UUID.test(eventId)) return eventId.toLowerCase();
  if (commandId) return deterministicId('kurrentdb', streamId, commandId, String(index));
  return deterministicId('kurrentdb', streamId, 'event', eventId);
}

/**
 * Link events into the stream's hash chain after `tail` (null: a new stream, prevHash = GENESIS):
 * metadata gets prevHash and hash = computeEventHash(prevHash, {streamId, revision, type, data, metadata}).
 * `streamId` is the port's stream id (without namespace), so hashes do not depend on where the log is stored.
 */
export function chainEvents(streamId: string, tail: StreamTail | null, events: NewEvent[]): ChainedEvent[] {
  let prevHash = tail?.hash ?? GENESIS_HASH;
  let revision = tail ? tail.revision : -1;
  return events.map((event, index) => {
    revision += 1;
    const unsigned = { ...event.metadata, prevHash };
    const hash = computeEventHash(prevHash, { streamId, revision, type: event.type, data: event.data, metadata: unsigned });
    const metadata: EventMetadata = { ...unsigned, hash };
    prevHash = hash;
    const eventData = jsonEvent({
      id: kurrentEventId(event, index, streamId),
      type: event.type,
      data: event.data as JSONType,
      metadata: metadata as unknown as JSONType,
    });
    return { revision, type: event.type, data: event.data, metadata, eventData };
  });
}

/** A stored KurrentDB event as the port's RecordedEvent; `namespace` is stripped from the stream name. */
export function toRecordedEvent(record: KurrentRecord, namespace: string, fallbackPosition?: Position): RecordedEvent {
  const streamId = record.streamId.startsWith(namespace) ? record.streamId.slice(namespace.length) : record.streamId;
  const revision = Number(record.revision);
  const kurrentPosition = record.position ?? fallbackPosition;
  if (!kurrentPosition) {
    throw new CorruptEventError(0, streamId, revision, 'KurrentDB returned no log position (server older than 22.6?)');
  }
  const position = toPortPosition(kurrentPosition);
  const corrupt = (reason: string) => new CorruptEventError(position, streamId, revision, reason);
  if (!record.isJson) throw corrupt('not stored as JSON');
  if (!isPlainObject(record.data)) throw corrupt('data is not a JSON object');
  if (!isPlainObject(record.metadata)) throw corrupt('metadata is not a JSON object');
  const metadata = record.metadata as unknown as EventMetadata;
  if (typeof metadata.eventId !== 'string' || typeof metadata.hash !== 'string' || typeof metadata.prevHash !== 'string') {
    throw corrupt('metadata lacks eventId/prevHash/hash');
  }
  return {
    streamId,
    revision,
    position,
    recordedAt: record.created.toISOString(),
    type: record.type,
    data: record.data as Record<string, unknown>,
    metadata,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
