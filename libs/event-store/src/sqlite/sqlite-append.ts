import { EventMetadata, RecordedEvent } from '@jingsai/shared';
import Database from 'better-sqlite3';
import { AppendResult, ExpectedRevision, NewEvent } from '../event-store.port';
import { WrongExpectedRevisionError } from '../errors';
import { GENESIS_HASH, computeEventHash } from '../hash/event-hash';
import { toRecordedEvent } from './sqlite-rows';
import { SqliteStatements } from './sqlite-statements';

/** An event as it is written: its data and metadata already JSON (without the hashes, which the write adds). */
export interface SerializedEvent {
  type: string;
  dataJson: string;
  metadataJson: string;
}

/** One append as the group commit takes it: plain strings, so it crosses to a writer thread as it is. */
export interface AppendRequest {
  streamId: string;
  events: SerializedEvent[];
  expected: ExpectedRevision;
  /** The commandId of the append's first event, kept on every event of the append. */
  commandId: string | null;
}

/** Serialises an append's events (a TypeError for data JSON cannot hold, before anything is queued). */
export function serializeAppend(streamId: string, events: NewEvent[], expected: ExpectedRevision): AppendRequest {
  return {
    streamId,
    expected,
    commandId: events[0]!.metadata.commandId ?? null,
    events: events.map((event) => {
      const { prevHash: _p, hash: _h, ...rest } = event.metadata as EventMetadata;
      return { type: event.type, dataJson: JSON.stringify(event.data), metadataJson: JSON.stringify(rest) };
    }),
  };
}

/** Refuses malformed calls before they are queued, so a bad call never joins a group commit. */
export function validateAppend(streamId: string, events: NewEvent[], expected: ExpectedRevision): void {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new TypeError('append: streamId must be a non-empty string');
  if (!Array.isArray(events) || events.length === 0) throw new TypeError(`append to ${streamId}: at least one event is required`);
  const okExpected =
    expected === 'any' || expected === 'no_stream' || expected === 'stream_exists' || (Number.isInteger(expected) && (expected as number) >= 0);
  if (!okExpected) throw new TypeError(`append to ${streamId}: invalid expected revision ${String(expected)}`);
}

/** The original result of an append that carried this commandId on this stream, or null. */
export function readCommand(stmts: SqliteStatements, streamId: string, commandId: string): AppendResult | null {
  const events = stmts.findCommand.all(streamId, commandId).map(toRecordedEvent);
  const last = events[events.length - 1];
  if (!last) return null;
  return { streamId, revision: last.revision, position: last.position, events, replayed: true };
}

/** An append checked and hashed, ready to write: its rows and the result it will answer with. */
export interface PreparedAppend {
  rows: Array<{ event: RecordedEvent; dataJson: string; metadataJson: string }>;
  commandId: string | null;
  lastHash: string;
  result: AppendResult;
}

/**
 * The checks and the hashing of one append, inside the group-commit transaction but before it
 * writes anything: a refusal (wrong expected revision, unserialisable data) then leaves the
 * transaction untouched, so the other appends of the batch need no savepoint of their own.
 * Everything is read inside the transaction: another process may have appended since our
 * last look. An idempotent replay comes back as a result with nothing to write.
 */
export function prepareAppend(stmts: SqliteStatements, req: AppendRequest, recordedAt: string): PreparedAppend | AppendResult {
  const { streamId, events, expected, commandId } = req;
  if (commandId !== null) {
    const prior = readCommand(stmts, streamId, commandId);
    if (prior) return prior;
  }
  const current = stmts.getStream.get(streamId);
  const actual = current ? current[0] : null;
  checkExpected(streamId, expected, actual);

  let prevHash = current ? current[1] : GENESIS_HASH;
  let revision = actual ?? -1;
  const rows: PreparedAppend['rows'] = [];
  for (const { type, dataJson, metadataJson } of events) {
    revision++;
    // Hash what a reader will get back (the JSON round trip), so verification always recomputes the same bytes.
    const data = JSON.parse(dataJson) as Record<string, unknown>;
    const metadata = JSON.parse(metadataJson) as EventMetadata;
    metadata.prevHash = prevHash;
    const hash = computeEventHash(prevHash, { streamId, revision, type, data, metadata });
    metadata.hash = hash;
    rows.push({ event: { streamId, revision, position: 0, recordedAt, type, data, metadata }, dataJson, metadataJson });
    prevHash = hash;
  }
  const stored = rows.map((r) => r.event);
  return { rows, commandId, lastHash: prevHash, result: { streamId, revision, position: 0, events: stored, replayed: false } };
}

/** Writes a prepared append; positions are known only now. A failure here must abort the whole batch. */
export function writePrepared(stmts: SqliteStatements, p: PreparedAppend): AppendResult {
  let position = 0;
  for (const { event, dataJson, metadataJson } of p.rows) {
    const info = stmts.insertEvent.run(
      event.streamId,
      event.revision,
      event.type,
      dataJson,
      metadataJson,
      p.commandId,
      event.recordedAt,
      Buffer.from(event.metadata.prevHash!, 'hex'),
      Buffer.from(event.metadata.hash!, 'hex'),
    );
    position = Number(info.lastInsertRowid);
    event.position = position;
  }
  stmts.upsertStream.run(p.result.streamId, p.result.revision, Buffer.from(p.lastHash, 'hex'));
  p.result.position = position;
  return p.result;
}

export const isPrepared = (x: PreparedAppend | AppendResult): x is PreparedAppend => 'rows' in x;

export type AppendOutcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

/**
 * The group commit: one `BEGIN IMMEDIATE` transaction for a batch of appends. Each append is
 * checked and hashed before it writes, so a refused one has written nothing and the others go
 * on; a failure while writing (disk full, I/O) rolls the whole batch back and throws: none is
 * half-written.
 */
export function batchWriter(db: Database.Database, stmts: SqliteStatements): (reqs: AppendRequest[]) => AppendOutcome[] {
  const write = db.transaction((reqs: AppendRequest[]) => {
    const recordedAt = new Date().toISOString();
    return reqs.map((req): AppendOutcome => {
      let prepared: PreparedAppend | AppendResult;
      try {
        prepared = prepareAppend(stmts, req, recordedAt);
      } catch (error) {
        return { ok: false, error };
      }
      return { ok: true, result: isPrepared(prepared) ? writePrepared(stmts, prepared) : prepared };
    });
  });
  return (reqs) => write.immediate(reqs);
}

function checkExpected(streamId: string, expected: ExpectedRevision, actual: number | null): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && actual === null) ||
    (expected === 'stream_exists' && actual !== null) ||
    (typeof expected === 'number' && actual === expected);
  if (!ok) throw new WrongExpectedRevisionError(streamId, expected, actual);
}
