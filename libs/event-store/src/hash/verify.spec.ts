import { RecordedEvent } from '@jingsai/shared';
import { CorruptEventError } from '../errors';
import { EventStore, ReadAllOptions, ReadStreamOptions } from '../event-store.port';
import { GENESIS_HASH, computeEventHash } from './event-hash';
import { verifyEventLog } from './verify';

/** Just enough of a store to walk: events in an array, some positions unreadable. */
function logOf(events: RecordedEvent[], unreadable: number[] = []): EventStore {
  const check = (e: RecordedEvent) => {
    if (unreadable.includes(e.position)) throw new CorruptEventError(e.position, e.streamId, e.revision, 'data is not valid JSON');
    return e;
  };
  const unused = () => Promise.reject(new Error('not used by the verifier'));
  return {
    readAll: async ({ fromPosition = 0, maxCount = Infinity }: ReadAllOptions = {}) =>
      events.filter((e) => e.position > fromPosition).slice(0, maxCount).map(check),
    readStream: async (streamId: string, { fromRevision = 0, maxCount = Infinity }: ReadStreamOptions = {}) =>
      events.filter((e) => e.streamId === streamId && e.revision >= fromRevision).slice(0, maxCount).map(check),
    headPosition: async () => events[events.length - 1]?.position ?? 0,
    append: unused,
    subscribeToAll: () => {
      throw new Error('not used by the verifier');
    },
    streamRevision: unused,
    findCommand: unused,
    close: async () => undefined,
  };
}

/** A valid chained log: streams interleaved, positions 1..n. */
function chained(streams: Array<[string, number]>): RecordedEvent[] {
  const last = new Map<string, { revision: number; hash: string }>();
  return streams.map(([streamId, n], i) => {
    const prev = last.get(streamId);
    const revision = prev ? prev.revision + 1 : 0;
    const prevHash = prev?.hash ?? GENESIS_HASH;
    const metadata = { eventId: `e${i}`, correlationId: 'c', actor: { userId: 'u', role: 'admin' as const, orgId: 'o' }, occurredAt: '2021-01-01T00:00:00.000Z', schemaVersion: 1, prevHash };
    const event: RecordedEvent = { streamId, revision, position: i + 1, recordedAt: '2021-01-01T00:00:00.000Z', type: 'T', data: { n }, metadata };
    event.metadata.hash = computeEventHash(prevHash, event);
    last.set(streamId, { revision, hash: event.metadata.hash });
    return event;
  });
}

const layout: Array<[string, number]> = [['a', 1], ['b', 1], ['a', 2], ['a', 3], ['b', 2], ['c', 1], ['a', 4], ['b', 3]];

describe('verifyEventLog', () => {
  it('accepts an intact log and counts what it checked', async () => {
    const progress: Array<[number, number]> = [];
    const report = await verifyEventLog(logOf(chained(layout)), { batchSize: 3, onProgress: (c, h) => progress.push([c, h]) });
    expect(report).toEqual({ ok: true, eventsChecked: 8, streamsChecked: 3, brokenLinks: [] });
    expect(progress).toEqual([[3, 8], [6, 8], [8, 8]]);
  });

  it('reports a changed payload as a hash mismatch, once per stream', async () => {
    const events = chained(layout);
    events[2]!.data = { n: 9 }; // a@1
    events[3]!.data = { n: 9 }; // a@2: same stream, already broken
    const report = await verifyEventLog(logOf(events));
    expect(report.ok).toBe(false);
    expect(report.brokenLinks).toEqual([
      { streamId: 'a', revision: 1, position: 3, problem: 'hash_mismatch', expected: computeEventHash(events[0]!.metadata.hash!, events[2]!), found: events[2]!.metadata.hash },
    ]);
  });

  it('reports a missing event as a revision gap', async () => {
    const events = chained(layout).filter((e) => e.position !== 5); // b@1 deleted
    expect((await verifyEventLog(logOf(events))).brokenLinks).toEqual([
      { streamId: 'b', revision: 2, position: 8, problem: 'revision_gap', expected: '1', found: '2' },
    ]);
  });

  it('reports an event whose prevHash does not name its predecessor', async () => {
    const events = chained(layout);
    const replaced = events[4]!; // b@1, re-hashed consistently over a wrong prevHash
    replaced.metadata.prevHash = '1'.repeat(64);
    replaced.metadata.hash = computeEventHash(replaced.metadata.prevHash, replaced);
    expect((await verifyEventLog(logOf(events))).brokenLinks).toEqual([
      { streamId: 'b', revision: 1, position: 5, problem: 'prev_hash_mismatch', expected: events[1]!.metadata.hash, found: '1'.repeat(64) },
    ]);
  });

  it('reports positions that do not increase', async () => {
    const events = chained(layout);
    events[5]!.position = 4; // c@0 at the position of a@2
    expect((await verifyEventLog(logOf(events))).brokenLinks).toEqual([
      { streamId: 'c', revision: 0, position: 4, problem: 'position_order', expected: 'a position after 5', found: '4' },
    ]);
  });

  it('reports an unreadable event and goes on after it, checking the readable ones around it', async () => {
    const events = chained(layout);
    events[1]!.data = { n: 7 }; // b@0 tampered, in the same batch as the unreadable event
    const report = await verifyEventLog(logOf(events, [4]), { batchSize: 5 });
    expect(report).toMatchObject({ ok: false, eventsChecked: 8, streamsChecked: 3 });
    expect(report.brokenLinks).toEqual([
      { streamId: 'b', revision: 0, position: 2, problem: 'hash_mismatch', expected: expect.any(String), found: events[1]!.metadata.hash },
      { streamId: 'a', revision: 2, position: 4, problem: 'unreadable', expected: 'a readable event', found: 'data is not valid JSON' },
    ]);
  });

  it('verifies a single stream when asked', async () => {
    const events = chained(layout);
    events[5]!.data = { n: 0 }; // c is broken, a is not
    expect(await verifyEventLog(logOf(events), { streamId: 'a', batchSize: 2 })).toEqual({ ok: true, eventsChecked: 4, streamsChecked: 1, brokenLinks: [] });
    const c = await verifyEventLog(logOf(events, [7]), { streamId: 'a', batchSize: 2 });
    expect(c.brokenLinks).toMatchObject([{ streamId: 'a', revision: 3, problem: 'unreadable' }]);
    expect(c.eventsChecked).toBe(4);
  });
});
