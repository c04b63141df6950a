import { randomBytes } from 'node:crypto';
import { RecordedEvent } from '@jingsai/shared';
import {
  AppendResult,
  EventStore,
  GENESIS_HASH,
  NewEvent,
  Subscription,
  WrongExpectedRevisionError,
  computeEventHash,
  verifyEventLog,
} from '@jingsai/event-store';

/**
 * The behaviour every EventStore adapter must have. Each test works on streams of its own
 * random category and reads the log after the head it found, so an adapter may share one
 * database (or server) between tests:
 *
 *   eventStoreContract('SQLite file', async () => { const store = ...; return { store, dispose: () => store.close() }; });
 */
export function eventStoreContract(name: string, makeStore: () => Promise<{ store: EventStore; dispose: () => Promise<void> }>): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let dispose: () => Promise<void>;
    let cat: string;
    const sid = (id: string | number) => `${cat}-${id}`;

    beforeEach(async () => {
      ({ store, dispose } = await makeStore());
      cat = `c${randomBytes(6).toString('hex')}`;
    });
    afterEach(async () => dispose());

    describe('expected revision', () => {
      it('creates a stream with no_stream and refuses no_stream once it exists', async () => {
        const first = await store.append(sid(1), [ev('Opened')], 'no_stream');
        expect(first.revision).toBe(0);
        await expectWrongRevision(store.append(sid(1), [ev('Opened')], 'no_stream'), 'no_stream', 0);
      });

      it('refuses stream_exists on a missing stream and accepts it on an existing one', async () => {
        await expectWrongRevision(store.append(sid(1), [ev('A')], 'stream_exists'), 'stream_exists', null);
        await store.append(sid(1), [ev('A')], 'any');
        expect((await store.append(sid(1), [ev('B')], 'stream_exists')).revision).toBe(1);
      });

      it('accepts the exact current revision and refuses a stale or premature one', async () => {
        await store.append(sid(1), [ev('A'), ev('B')], 'no_stream');
        await expectWrongRevision(store.append(sid(1), [ev('C')], 0), 0, 1);
        await expectWrongRevision(store.append(sid(1), [ev('C')], 5), 5, 1);
        await expectWrongRevision(store.append(sid(2), [ev('C')], 0), 0, null);
        expect((await store.append(sid(1), [ev('C')], 1)).revision).toBe(2);
      });

      it('accepts any on new and existing streams', async () => {
        expect((await store.append(sid(1), [ev('A')], 'any')).revision).toBe(0);
        expect((await store.append(sid(1), [ev('B')], 'any')).revision).toBe(1);
      });

      it('writes nothing when the check fails', async () => {
        await store.append(sid(1), [ev('A')], 'no_stream');
        const head = await store.headPosition();
        await expect(store.append(sid(1), [ev('B'), ev('C')], 7)).rejects.toThrow(WrongExpectedRevisionError);
        expect(await store.streamRevision(sid(1))).toBe(0);
        expect(await store.readStream(sid(1))).toHaveLength(1);
        expect(await store.headPosition()).toBe(head);
      });
    });

    describe('appending and reading a stream', () => {
      it('stores events in order with consecutive revisions and increasing positions', async () => {
        const result = await store.append(sid(1), [ev('A', { n: 1 }), ev('B', { n: 2, nested: { list: [1, 'x'] } }), ev('C')], 'no_stream');
        expect(result).toMatchObject({ streamId: sid(1), revision: 2, replayed: false });
        expect(result.events.map((e) => [e.type, e.revision])).toEqual([['A', 0], ['B', 1], ['C', 2]]);
        expectIncreasing(result.events.map((e) => e.position));
        expect(result.position).toBe(result.events[2]!.position);
        expect(await store.headPosition()).toBeGreaterThanOrEqual(result.position);
        const read = await store.readStream(sid(1));
        expect(read.map(plain)).toEqual(result.events.map(plain));
        expect(read[1]!.data).toEqual({ n: 2, nested: { list: [1, 'x'] } });
        expect(read[0]!.metadata).toMatchObject({ eventId: expect.any(String), correlationId: 'corr-1', actor: ACTOR, schemaVersion: 1 });
        expect(new Date(read[0]!.recordedAt).toISOString()).toBe(read[0]!.recordedAt);
        expect(await store.streamRevision(sid(1))).toBe(2);
      });

      it('reads an unknown stream as empty', async () => {
        expect(await store.readStream(sid('missing'))).toEqual([]);
        expect(await store.readStream(sid('missing'), { direction: 'backwards' })).toEqual([]);
        expect(await store.streamRevision(sid('missing'))).toBeNull();
      });

      it('reads ranges forwards and backwards, fromRevision inclusive', async () => {
        await store.append(sid(1), [0, 1, 2, 3, 4, 5].map((n) => ev('N', { n })), 'no_stream');
        const revs = async (o: Parameters<EventStore['readStream']>[1]) => (await store.readStream(sid(1), o)).map((e) => e.revision);
        expect(await revs({ fromRevision: 2 })).toEqual([2, 3, 4, 5]);
        expect(await revs({ fromRevision: 2, maxCount: 2 })).toEqual([2, 3]);
        expect(await revs({ fromRevision: 9 })).toEqual([]);
        expect(await revs({ direction: 'backwards' })).toEqual([5, 4, 3, 2, 1, 0]);
        expect(await revs({ direction: 'backwards', maxCount: 1 })).toEqual([5]);
        expect(await revs({ direction: 'backwards', fromRevision: 3, maxCount: 2 })).toEqual([3, 2]);
      });
    });

    describe('reading the whole log', () => {
      it('returns events after a position in global order, with maxCount and filters', async () => {
        const start = await store.headPosition();
        const a = await store.append(sid('a'), [ev('A1'), ev('A2')], 'no_stream');
        const b = await store.append(`o${cat}-b`, [ev('B1')], 'no_stream');
        const c = await store.append(sid('c'), [ev('A1')], 'no_stream');
        const mine = (events: RecordedEvent[]) => events.filter((e) => e.streamId.includes(cat));
        const all = mine(await store.readAll({ fromPosition: start }));
        expect(all.map((e) => [e.streamId, e.type])).toEqual([[sid('a'), 'A1'], [sid('a'), 'A2'], [`o${cat}-b`, 'B1'], [sid('c'), 'A1']]);
        expectIncreasing(all.map((e) => e.position));
        const ours = { streamPrefixes: [`${cat}-`, `o${cat}-`] };
        expect((await store.readAll({ fromPosition: a.events[0]!.position, maxCount: 2, filter: ours })).map((e) => e.type)).toEqual(['A2', 'B1']);
        expect(await store.readAll({ fromPosition: c.position, filter: ours })).toEqual([]);
        const [firstAfterStart, ...more] = await store.readAll({ fromPosition: start, maxCount: 1 });
        expect(more).toEqual([]);
        expect(firstAfterStart!.position).toBeGreaterThan(start);
        const byPrefix = await store.readAll({ fromPosition: start, filter: { streamPrefixes: [`${cat}-`] } });
        expect(byPrefix.map((e) => e.position)).toEqual([...a.events, ...c.events].map((e) => e.position));
        const byType = mine(await store.readAll({ fromPosition: start, filter: { eventTypes: ['B1', 'A2'] } }));
        expect(byType.map((e) => e.type)).toEqual(['A2', 'B1']);
        const both = await store.readAll({ fromPosition: start, filter: { streamPrefixes: [`${cat}-`, `o${cat}-`], eventTypes: ['A1', 'B1'] } });
        expect(both.map((e) => e.position)).toEqual([a.events[0]!.position, b.position, c.position]);
        const limited = await store.readAll({ fromPosition: start, maxCount: 1, filter: { streamPrefixes: [`${cat}-`], eventTypes: ['A1'] } });
        expect(limited.map((e) => e.position)).toEqual([a.events[0]!.position]);
      });
    });

    describe('subscribing to the log', () => {
      it('catches up, then delivers live events without gaps or duplicates while appends continue', async () => {
        const start = await store.headPosition();
        for (let i = 0; i < 10; i++) await store.append(sid(i % 3), [ev('Before', { i }), ev('Before', { i })], 'any');
        const sub = store.subscribeToAll({ fromPosition: start, filter: { streamPrefixes: [`${cat}-`] }, batchSize: 7 });
        const received = collect(sub, 60);
        for (let i = 0; i < 40; i++) {
          const append = store.append(sid(i % 4), [ev('Live', { i })], 'any');
          if (i % 3 === 0) await append; // some in the same tick, some awaited: both paths while the subscriber reads
        }
        const events = await received;
        const stored = (await store.readAll({ fromPosition: start, filter: { streamPrefixes: [`${cat}-`] } })).map((e) => e.position);
        expect(stored).toHaveLength(60);
        expect(events.map((e) => e.position)).toEqual(stored);
        expect(events.filter((e) => e.type === 'Live').map((e) => e.data)).toEqual([...Array(40).keys()].map((i) => ({ i })));
      });

      it('filters by event type and starts after fromPosition', async () => {
        await store.append(sid(1), [ev('Skip'), ev('Take', { n: 1 })], 'no_stream');
        const from = await store.headPosition();
        await store.append(sid(1), [ev('Take', { n: 2 }), ev('Skip'), ev('Take', { n: 3 })], 1);
        const events = await collect(store.subscribeToAll({ fromPosition: from, filter: { streamPrefixes: [`${cat}-`], eventTypes: ['Take'] } }), 2);
        expect(events.map((e) => e.data)).toEqual([{ n: 2 }, { n: 3 }]);
      });

      it('ends iteration promptly on close()', async () => {
        const sub = store.subscribeToAll({ fromPosition: await store.headPosition(), filter: { streamPrefixes: [`${cat}-`] } });
        let ended = false;
        const loop = (async () => {
          for await (const _e of sub) void _e;
          ended = true;
        })();
        await sleep(50);
        const closedAt = Date.now();
        await sub.close();
        await loop;
        expect(ended).toBe(true);
        expect(Date.now() - closedAt).toBeLessThan(1000);
      });
    });

    describe('concurrency', () => {
      it('lets exactly one of several appends with the same expected revision win', async () => {
        await store.append(sid(1), [ev('A')], 'no_stream');
        const outcomes = await Promise.allSettled([...Array(8).keys()].map((i) => store.append(sid(1), [ev('B', { i })], 0)));
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect(await store.readStream(sid(1))).toHaveLength(2);
      });

      it('gives every revision to exactly one of several retrying writers', async () => {
        const writer = async (w: number) => {
          for (let done = 0; done < 6; ) {
            const expected = (await store.streamRevision(sid(1))) ?? 'no_stream';
            try {
              await store.append(sid(1), [ev('W', { w, done })], expected);
              done++;
            } catch (e) {
              if (!(e instanceof WrongExpectedRevisionError)) throw e;
            }
          }
        };
        await Promise.all([0, 1, 2, 3].map(writer));
        const events = await store.readStream(sid(1));
        expect(events.map((e) => e.revision)).toEqual([...Array(24).keys()]);
        for (const w of [0, 1, 2, 3]) {
          expect(events.filter((e) => e.data.w === w).map((e) => e.data.done)).toEqual([0, 1, 2, 3, 4, 5]);
        }
      });

      it('rejects only the failing append among appends issued in the same tick', async () => {
        await store.append(sid('x'), [ev('A')], 'no_stream');
        const calls = [
          store.append(sid('p'), [ev('P')], 'no_stream'),
          store.append(sid('x'), [ev('X')], 5),
          store.append(sid('q'), [ev('Q1'), ev('Q2')], 'any'),
          store.append(sid('x'), [ev('X2')], 0),
        ];
        const [p, x, q, x2] = await Promise.allSettled(calls);
        expect(p).toMatchObject({ status: 'fulfilled', value: { revision: 0 } });
        expect(q).toMatchObject({ status: 'fulfilled', value: { revision: 1 } });
        expect(x2).toMatchObject({ status: 'fulfilled', value: { revision: 1 } });
        expect(x.status).toBe('rejected');
        expect((x as PromiseRejectedResult).reason).toMatchObject({ name: 'WrongExpectedRevisionError', expected: 5 });
        expect((await store.readStream(sid('x'))).map((e) => e.type)).toEqual(['A', 'X2']);
        expect((await store.readStream(sid('q'))).map((e) => e.type)).toEqual(['Q1', 'Q2']);
      });
    });

    describe('idempotent commands', () => {
      it('returns the original result for a repeated commandId and writes nothing', async () => {
        const original = await store.append(sid(1), [ev('A', {}, 'cmd-1'), ev('B', {}, 'cmd-1')], 'no_stream');
        await store.append(sid(1), [ev('C')], 1);
        const head = await store.headPosition();
        const again = await store.append(sid(1), [ev('A', {}, 'cmd-1'), ev('B', {}, 'cmd-1')], 'no_stream');
        expect(again.replayed).toBe(true);
        expect({ ...again, replayed: false, events: again.events.map(plain) }).toEqual({ ...original, events: original.events.map(plain) });
        expect(await store.headPosition()).toBe(head);
        expect(await store.streamRevision(sid(1))).toBe(2);
        const found = await store.findCommand(sid(1), 'cmd-1');
        expect(found?.events.map(plain)).toEqual(original.events.map(plain));
        expect(found).toMatchObject({ revision: original.revision, position: original.position });
        expect(await store.findCommand(sid(1), 'cmd-unknown')).toBeNull();
        expect(await store.findCommand(sid(2), 'cmd-1')).toBeNull();
      });

      it('never writes a command twice when it is repeated in the same tick', async () => {
        const outcomes = await Promise.allSettled([1, 2, 3].map(() => store.append(sid(1), [ev('A', {}, 'cmd-2')], 'no_stream')));
        const results = outcomes.filter((o): o is PromiseFulfilledResult<AppendResult> => o.status === 'fulfilled').map((o) => o.value);
        for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect(results.filter((r) => !r.replayed)).toHaveLength(1);
        expect(new Set(results.map((r) => r.position)).size).toBe(1);
        expect(await store.readStream(sid(1))).toHaveLength(1);
      });
    });

    describe('hash chain', () => {
      it('links every event of a stream to the previous one and verifies', async () => {
        await store.append(sid(1), [ev('A', { n: 1 }), ev('B', { n: 2 })], 'no_stream');
        await store.append(sid(1), [ev('C', { text: '竞赛 ✓' })], 1);
        await store.append(sid(2), [ev('A')], 'no_stream');
        const events = await store.readStream(sid(1));
        let prev = GENESIS_HASH;
        for (const e of events) {
          expect(e.metadata.prevHash).toBe(prev);
          expect(e.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
          expect(e.metadata.hash).toBe(computeEventHash(prev, e));
          prev = e.metadata.hash!;
        }
        expect(await verifyEventLog(store, { streamId: sid(1) })).toEqual({ ok: true, eventsChecked: 3, streamsChecked: 1, brokenLinks: [] });
        const whole = await verifyEventLog(store, { batchSize: 2 });
        expect(whole).toMatchObject({ ok: true, brokenLinks: [] });
        expect(whole.eventsChecked).toBeGreaterThanOrEqual(4);
      });
    });
  });
}

const ACTOR = { userId: 'user-1', role: 'admin' as const, orgId: 'org-1' };

function ev(type: string, data: Record<string, unknown> = {}, commandId?: string): NewEvent {
  const eventId = `${type}-${randomBytes(8).toString('hex')}`;
  return {
    type,
    data,
    metadata: { eventId, ...(commandId ? { commandId } : {}), correlationId: 'corr-1', actor: ACTOR, occurredAt: '2021-03-01T08:00:00.000Z', schemaVersion: 1 },
  };
}

/** Compare stored events without depending on how an adapter orders metadata keys. */
function plain(e: RecordedEvent): RecordedEvent {
  return JSON.parse(JSON.stringify(e)) as RecordedEvent;
}

async function expectWrongRevision(call: Promise<unknown>, expected: string | number, actual: number | null): Promise<void> {
  const error = await call.then(
    () => new Error('expected a WrongExpectedRevisionError, the append succeeded'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect(error).toMatchObject({ expected, actual });
}

function expectIncreasing(positions: number[]): void {
  for (let i = 1; i < positions.length; i++) expect(positions[i]!).toBeGreaterThan(positions[i - 1]!);
}

/** Reads `count` events from a subscription, then closes it; fails if they do not arrive in time. */
async function collect(sub: Subscription, count: number, timeoutMs = 10_000): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  const timer = setTimeout(() => void sub.close(), timeoutMs);
  try {
    for await (const e of sub) {
      events.push(e);
      if (events.length >= count) break;
    }
  } finally {
    clearTimeout(timer);
    await sub.close();
  }
  if (events.length < count) throw new Error(`subscription delivered ${events.length} of ${count} events within ${timeoutMs} ms`);
  return events;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
