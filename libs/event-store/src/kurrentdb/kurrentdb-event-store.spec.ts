import { AccessDeniedError, UnavailableError } from '@kurrent/kurrentdb-client';
import { RecordedEvent, deterministicId } from '@jingsai/shared';
import { WrongExpectedRevisionError } from '../errors';
import { NewEvent, Subscription } from '../event-store.port';
import { GENESIS_HASH, computeEventHash } from '../hash/event-hash';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { chainEvents } from './kurrentdb-mapping';
import { InMemoryKurrentDbClient } from './testing/in-memory-kurrentdb-client';

const actor = { userId: 'u1', role: 'unit' as const, orgId: 'org-1' };
let seq = 0;

function ev(type: string, commandId?: string, data: object = { n: ++seq }): NewEvent {
  return {
    type,
    data,
    metadata: {
      eventId: deterministicId('evt', String(++seq)),
      ...(commandId ? { commandId } : {}),
      correlationId: 'corr',
      actor,
      occurredAt: '2025-03-01T08:00:00.000Z',
      schemaVersion: 1,
    },
  };
}

function setup(options: { namespace?: string; streamPrefixes?: string[] } = {}) {
  const server = new InMemoryKurrentDbClient();
  const store = new KurrentDbEventStore({ connectionString: 'kurrentdb://unused:2113?tls=false', ...options }, server.asClient());
  return { server, store };
}

function verifyChain(events: RecordedEvent[]): void {
  let prev = GENESIS_HASH;
  events.forEach((e, i) => {
    expect(e.revision).toBe(i);
    expect(e.metadata.prevHash).toBe(prev);
    const { hash, ...unsigned } = e.metadata;
    expect(hash).toBe(computeEventHash(prev, { streamId: e.streamId, revision: e.revision, type: e.type, data: e.data, metadata: unsigned }));
    prev = hash!;
  });
}

async function take(subscription: Subscription, count: number): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  const iterator = subscription[Symbol.asyncIterator]();
  while (out.length < count) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${out.length} events`)), 2000);
    });
    const next = await Promise.race([iterator.next(), timeout]).finally(() => clearTimeout(timer));
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

describe('KurrentDbEventStore (on an in-memory stand-in for the server)', () => {
  it('appends with a hash chain and reads the stream back exactly', async () => {
    const { store } = setup();
    const first = await store.append('project-1', [ev('ProjectDrafted'), ev('ProjectEdited')], 'no_stream');
    const second = await store.append('project-1', [ev('ProjectSubmitted')], 1);
    expect(first).toMatchObject({ streamId: 'project-1', revision: 1, replayed: false });
    expect(second.revision).toBe(2);
    expect(second.position).toBeGreaterThan(first.position);
    const events = await store.readStream('project-1');
    expect(events).toEqual([...first.events, ...second.events]);
    expect(events.map((e) => e.type)).toEqual(['ProjectDrafted', 'ProjectEdited', 'ProjectSubmitted']);
    verifyChain(events);
    expect(first.position).toBe(first.events[1]!.position);
    expect(Date.parse(events[0]!.recordedAt)).not.toBeNaN();
  });

  it('refuses a wrong expected revision with the actual one, writing nothing', async () => {
    const { store, server } = setup();
    await store.append('project-1', [ev('ProjectDrafted')], 'no_stream');
    const before = server.log.length;
    await expect(store.append('project-1', [ev('X')], 'no_stream')).rejects.toMatchObject({ expected: 'no_stream', actual: 0 });
    await expect(store.append('project-1', [ev('X')], 5)).rejects.toEqual(new WrongExpectedRevisionError('project-1', 5, 0));
    await expect(store.append('project-2', [ev('X')], 'stream_exists')).rejects.toMatchObject({ expected: 'stream_exists', actual: null });
    await expect(store.append('project-2', [ev('X')], 0)).rejects.toMatchObject({ actual: null });
    expect(server.log.length).toBe(before);
    await store.append('project-1', [ev('ProjectEdited')], 'stream_exists');
    await store.append('project-1', [ev('ProjectEdited')], 'any');
    expect(await store.streamRevision('project-1')).toBe(2);
  });

  it("retries 'any' when another writer slips in, chaining onto that writer's event", async () => {
    const { store, server } = setup();
    const first = await store.append('project-1', [ev('ProjectDrafted')], 'any');
    server.beforeAppend = (name) => {
      const [other] = chainEvents('project-1', { revision: 0, hash: first.events[0]!.metadata.hash! }, [ev('ByOtherWriter')]);
      server.write(name, other!.type, other!.data, other!.metadata, other!.eventData.id);
    };
    const result = await store.append('project-1', [ev('ProjectEdited')], 'any');
    expect(result.revision).toBe(2);
    const events = await store.readStream('project-1');
    expect(events.map((e) => e.type)).toEqual(['ProjectDrafted', 'ByOtherWriter', 'ProjectEdited']);
    verifyChain(events);
  });

  it('surfaces the race for a pinned revision instead of retrying', async () => {
    const { store, server } = setup();
    const first = await store.append('project-1', [ev('ProjectDrafted')], 'no_stream');
    server.beforeAppend = (name) => {
      const [other] = chainEvents('project-1', { revision: 0, hash: first.events[0]!.metadata.hash! }, [ev('ByOtherWriter')]);
      server.write(name, other!.type, other!.data, other!.metadata);
    };
    await expect(store.append('project-1', [ev('ProjectEdited')], 0)).rejects.toEqual(new WrongExpectedRevisionError('project-1', 0, 1));
    verifyChain(await store.readStream('project-1'));
  });

  it('replays an append whose commandId is already in the stream, writing nothing', async () => {
    const { store, server } = setup();
    const original = await store.append('project-1', [ev('ProjectDrafted', 'cmd-1'), ev('ProjectEdited', 'cmd-1')], 'no_stream');
    await store.append('project-1', [ev('ProjectSubmitted', 'cmd-2')], 'any');
    const calls = server.appendCalls;
    const again = await store.append('project-1', [ev('ProjectDrafted', 'cmd-1'), ev('ProjectEdited', 'cmd-1')], 'no_stream');
    expect(again).toEqual({ ...original, replayed: true });
    expect(server.appendCalls).toBe(calls);
    expect(await store.findCommand('project-1', 'cmd-1')).toEqual({ ...original, replayed: true });
    expect(await store.findCommand('project-1', 'cmd-3')).toBeNull();
    expect(await store.findCommand('project-9', 'cmd-1')).toBeNull();
  });

  it('replays when the same command lands from another instance between read and write', async () => {
    const { store, server } = setup();
    const mine = ev('ProjectDrafted', 'cmd-1');
    // The other instance handled the same command a moment later: same ids, another occurredAt.
    const theirs = { ...mine, metadata: { ...mine.metadata, occurredAt: '2025-03-01T08:00:00.001Z' } };
    server.beforeAppend = (name) => {
      const [other] = chainEvents('project-1', null, [theirs]);
      server.write(name, other!.type, other!.data, other!.metadata, other!.eventData.id);
    };
    const result = await store.append('project-1', [mine], 'no_stream');
    expect(result.replayed).toBe(true);
    expect(result.events[0]!.metadata.occurredAt).toBe('2025-03-01T08:00:00.001Z');
    expect(await store.readStream('project-1')).toHaveLength(1);
  });

  it('writes appends issued in the same tick in call order, without conflicting with itself', async () => {
    const { store } = setup();
    await store.append('project-1', [ev('A')], 'no_stream');
    const results = await Promise.all([
      store.append('project-1', [ev('B')], 'any'),
      store.append('campaign-1', [ev('C')], 'no_stream'),
      store.append('project-1', [ev('D')], 1),
      store.append('project-2', [ev('E')], 'any'),
    ]);
    expect(results.map((r) => r.revision)).toEqual([1, 0, 2, 0]);
    expect((await store.readAll()).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('reads an unknown stream as empty', async () => {
    const { store } = setup();
    expect(await store.readStream('project-404')).toEqual([]);
    expect(await store.readStream('project-404', { direction: 'backwards' })).toEqual([]);
    expect(await store.streamRevision('project-404')).toBeNull();
  });

  it('reads a stream forwards and backwards with fromRevision and maxCount', async () => {
    const { store } = setup();
    await store.append('project-1', [0, 1, 2, 3, 4].map((i) => ev(`E${i}`)), 'no_stream');
    const revisions = async (o: Parameters<KurrentDbEventStore['readStream']>[1]) => (await store.readStream('project-1', o)).map((e) => e.revision);
    expect(await revisions({ fromRevision: 2 })).toEqual([2, 3, 4]);
    expect(await revisions({ fromRevision: 1, maxCount: 2 })).toEqual([1, 2]);
    expect(await revisions({ direction: 'backwards' })).toEqual([4, 3, 2, 1, 0]);
    expect(await revisions({ direction: 'backwards', fromRevision: 2, maxCount: 2 })).toEqual([2, 1]);
    expect(await revisions({ maxCount: 0 })).toEqual([]);
  });

  it('reads $all after an exclusive position, skipping system events and foreign streams', async () => {
    const { store, server } = setup();
    const a = await store.append('project-1', [ev('ProjectDrafted')], 'no_stream');
    server.write('$$project-1', '$metadata', { $maxAge: 1 });
    server.write('$ce-project', '$>', '0@project-1');
    server.write('billing-1', 'InvoiceSent', {});
    const b = await store.append('campaign-1', [ev('CampaignPublished'), ev('CampaignClosed')], 'no_stream');
    const all = await store.readAll();
    expect(all.map((e) => e.type)).toEqual(['ProjectDrafted', 'CampaignPublished', 'CampaignClosed']);
    expect(all.map((e) => e.position)).toEqual([a.position, b.events[0]!.position, b.position]);
    expect((await store.readAll({ fromPosition: a.position })).map((e) => e.type)).toEqual(['CampaignPublished', 'CampaignClosed']);
    expect((await store.readAll({ fromPosition: b.position }))).toEqual([]);
    expect((await store.readAll({ maxCount: 2 })).map((e) => e.type)).toEqual(['ProjectDrafted', 'CampaignPublished']);
  });

  it('filters $all by stream prefix and by event type, paging past events it drops', async () => {
    const { store } = setup();
    await store.append('project-1', [ev('ProjectDrafted'), ev('ProjectEdited'), ev('ProjectEdited')], 'no_stream');
    await store.append('campaign-1', [ev('CampaignPublished')], 'no_stream');
    await store.append('project-2', [ev('ProjectDrafted'), ev('ProjectSubmitted')], 'no_stream');
    const types = async (filter: object, maxCount?: number) =>
      (await store.readAll({ filter, ...(maxCount ? { maxCount } : {}) })).map((e) => `${e.streamId}:${e.type}`);
    expect(await types({ streamPrefixes: ['campaign-'] })).toEqual(['campaign-1:CampaignPublished']);
    expect(await types({ eventTypes: ['ProjectDrafted'] })).toEqual(['project-1:ProjectDrafted', 'project-2:ProjectDrafted']);
    expect(await types({ streamPrefixes: ['project-'], eventTypes: ['ProjectSubmitted'] }, 1)).toEqual(['project-2:ProjectSubmitted']);
  });

  it('reports the head position of our log (0 when it holds none of our events)', async () => {
    const { store, server } = setup();
    expect(await store.headPosition()).toBe(0);
    server.write('$$project-1', '$metadata', {});
    expect(await store.headPosition()).toBe(0);
    const r = await store.append('project-1', [ev('A'), ev('B')], 'no_stream');
    server.write('billing-1', 'InvoiceSent', {});
    expect(await store.headPosition()).toBe(r.position);
  });

  it('keeps namespaces apart', async () => {
    const server = new InMemoryKurrentDbClient();
    const one = new KurrentDbEventStore({ connectionString: 'x', namespace: 'run1_' }, server.asClient());
    const two = new KurrentDbEventStore({ connectionString: 'x', namespace: 'run2_' }, server.asClient());
    await one.append('project-1', [ev('A')], 'no_stream');
    expect(await two.readStream('project-1')).toEqual([]);
    expect(await two.readAll()).toEqual([]);
    expect(await two.headPosition()).toBe(0);
    expect(server.log[0]!.streamId).toBe('run1_project-1');
    expect((await one.readAll())[0]!.streamId).toBe('project-1');
  });

  it('subscribes from an exclusive position: catch-up, then live, filtered', async () => {
    const { store, server } = setup();
    const a = await store.append('project-1', [ev('ProjectDrafted')], 'no_stream');
    await store.append('project-1', [ev('ProjectEdited')], 0);
    const subscription = store.subscribeToAll({ fromPosition: a.position, filter: { streamPrefixes: ['project-'] } });
    const live = (async () => {
      await new Promise((r) => setTimeout(r, 20));
      server.write('$$project-1', '$metadata', {});
      await store.append('campaign-1', [ev('CampaignPublished')], 'no_stream');
      await store.append('project-2', [ev('ProjectDrafted')], 'no_stream');
    })();
    const got = await take(subscription, 2);
    await live;
    expect(got.map((e) => `${e.streamId}:${e.type}`)).toEqual(['project-1:ProjectEdited', 'project-2:ProjectDrafted']);
    await subscription.close();
    expect(await take(subscription, 1)).toEqual([]);
  });

  it('resubscribes after a transient failure without gaps or duplicates', async () => {
    const { store, server } = setup();
    await store.append('project-1', [ev('A'), ev('B')], 'no_stream');
    server.subscriptionFailures.push(new UnavailableError());
    const subscription = store.subscribeToAll();
    const first = await take(subscription, 2);
    await store.append('project-1', [ev('C')], 1);
    const rest = await take(subscription, 1);
    expect([...first, ...rest].map((e) => e.type)).toEqual(['A', 'B', 'C']);
    await subscription.close();
  });

  it('surfaces a non-transient subscription failure to the iterating caller', async () => {
    const { store, server } = setup();
    server.subscriptionFailures.push(new AccessDeniedError());
    const subscription = store.subscribeToAll();
    await expect(take(subscription, 1)).rejects.toBeInstanceOf(AccessDeniedError);
    await subscription.close();
  });

  it('closes its subscriptions and the client', async () => {
    const { store, server } = setup();
    const subscription = store.subscribeToAll();
    const pending = take(subscription, 1);
    await store.close();
    expect(await pending).toEqual([]);
    expect(server.disposed).toBe(true);
  });
});
