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

/** A stored row as a RecordedEvent; unreadable JSON becomes a CorruptEventError naming the event. */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  const [position, streamId, revision, type, dataJson, metadataJson, recordedAt, prevHash, hash] = row;
  const data = parseObject(dataJson, 'data', row);
  const metadata = parseObject(metadataJson, 'metadata', row) as unknown as EventMetadata;
  if (hash !== undefined) {
    metadata.prevHash = prevHash;
    metadata.hash = hash;
  }
  return { streamId, revision, position, recordedAt, type, data, metadata };
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
