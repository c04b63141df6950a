import { EventMetadata, RecordedEvent } from '@jingsai/shared';
import { CorruptEventError } from '../errors';

/** Column list every read statement selects, in this order (statements run in raw mode). */
export const EVENT_COLUMNS = 'position, stream_id, revision, type, data, metadata, recorded_at, lower(hex(prev_hash)), lower(hex(hash))';
/** The same without the hashes (`ReadAllOptions.hashes: false`): rows end after recorded_at. */
export const EVENT_COLUMNS_WITHOUT_HASHES = 'position, stream_id, revision, type, data, metadata, recorded_at';

export type EventRow = [
  position: number,
  streamId: string,
  revision: number,
  type: string,
  data: string,
  metadata: string,
  recordedAt: string,
  prevHash?: string,
  hash?: string,
];

/**
 * A stored row as a RecordedEvent; unreadable JSON becomes a CorruptEventError naming the event.
 * A row read without its hashes (`hashes: false`) becomes a `StoredEvent`, whose metadata is
 * parsed when first read.
 */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  const [position, streamId, revision, type, dataJson, metadataJson, recordedAt, prevHash, hash] = row;
  const data = parseObject(dataJson, 'data', row);
  if (hash === undefined) return new StoredEvent(streamId, revision, position, recordedAt, type, data, metadataJson);
  const metadata = parseObject(metadataJson, 'metadata', row) as unknown as EventMetadata;
  metadata.prevHash = prevHash;
  metadata.hash = hash;
  return { streamId, revision, position, recordedAt, type, data, metadata };
}

/**
 * An event read for projections and command loads (never for audit, export or verification):
 * metadata is about half of an event's JSON, and most projections never read it (those that do
 * read `occurredAt` or the actor), so it is parsed on first read. Unreadable metadata is reported
 * then, as the same CorruptEventError, by the reader that reads it (a projection's failure names
 * that projection). `toJSON` spells the event whole, as a plain one would be.
 *
 * `metadata` is an accessor of the class, not an own property: `{ ...event }`, `Object.assign`
 * and `structuredClone` leave it out, and Jest's `toEqual` does not compare it. Copy an event with
 * its metadata named (`{ ...event, metadata: event.metadata }`, as the upcasters do) or through
 * `toJSON()`; compare events by `toJSON()`. An own accessor per event (`defineProperty`) would
 * travel with copies, but cost the scan 12% (262k against 298k events/s unread, 206k against 243k
 * read), more than parsing eagerly.
 */
class StoredEvent implements RecordedEvent {
  #metadataJson: string | null;
  #metadata: EventMetadata | undefined;

  constructor(
    readonly streamId: string,
    readonly revision: number,
    readonly position: number,
    readonly recordedAt: string,
    readonly type: string,
    readonly data: Record<string, unknown>,
    metadataJson: string,
  ) {
    this.#metadataJson = metadataJson;
  }

  get metadata(): EventMetadata {
    if (this.#metadata === undefined) {
      this.#metadata = parseObject(this.#metadataJson!, 'metadata', [this.position, this.streamId, this.revision] as unknown as EventRow) as unknown as EventMetadata;
      this.#metadataJson = null; // parsed: the text is not kept beside it
    }
    return this.#metadata;
  }

  set metadata(value: EventMetadata) {
    this.#metadata = value;
    this.#metadataJson = null;
  }

  toJSON(): RecordedEvent {
    const { streamId, revision, position, recordedAt, type, data, metadata } = this;
    return { streamId, revision, position, recordedAt, type, data, metadata };
  }
}

function parseObject(json: string, column: string, row: EventRow): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    throw corrupt(row, `${column} is not valid JSON (${(e as Error).message})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw corrupt(row, `${column} is not a JSON object`);
  }
  return value as Record<string, unknown>;
}

function corrupt(row: EventRow, reason: string): CorruptEventError {
  return new CorruptEventError(row[0], row[1], row[2], reason);
}
