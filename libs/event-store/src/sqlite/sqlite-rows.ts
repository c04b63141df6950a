import { EventMetadata, RecordedEvent } from '@jingsai/shared';
import { CorruptEventError } from '../errors';

/** Column list every read statement selects, in this order (statements run in raw mode). */
export const EVENT_COLUMNS = 'position, stream_id, revision, type, data, metadata, recorded_at, prev_hash, hash';

export type EventRow = [
  position: number,
  streamId: string,
  revision: number,
  type: string,
  data: string,
  metadata: string,
  recordedAt: number,
  prevHash: Buffer,
  hash: Buffer,
];

/** A stored row as a RecordedEvent; unreadable JSON becomes a CorruptEventError naming the event. */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  const [position, streamId, revision, type, dataJson, metadataJson, recordedAt, prevHash, hash] = row;
  const data = parseObject(dataJson, 'data', row);
  const metadata = parseObject(metadataJson, 'metadata', row) as unknown as EventMetadata;
  metadata.prevHash = hexOf(prevHash, 'prev_hash', row);
  metadata.hash = hexOf(hash, 'hash', row);
  return { streamId, revision, position, recordedAt: new Date(recordedAt).toISOString(), type, data, metadata };
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

function hexOf(value: unknown, column: string, row: EventRow): string {
  if (!Buffer.isBuffer(value)) throw corrupt(row, `${column} is not a blob`);
  return value.toString('hex');
}

function corrupt(row: EventRow, reason: string): CorruptEventError {
  return new CorruptEventError(row[0], row[1], row[2], reason);
}
