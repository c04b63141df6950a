import { deterministicId } from '@jingsai/shared';
import { CorruptEventError } from '../errors';
import { NewEvent } from '../event-store.port';
import { GENESIS_HASH, computeEventHash } from '../hash/event-hash';
import { KurrentRecord, chainEvents, kurrentEventId, toRecordedEvent } from './kurrentdb-mapping';

const actor = { userId: 'u1', role: 'unit' as const, orgId: 'org-1' };

function newEvent(type: string, data: object, extra: Partial<NewEvent['metadata']> = {}): NewEvent {
  return {
    type,
    data,
    metadata: { eventId: deterministicId('cmd-1', type), correlationId: 'corr-1', actor, occurredAt: '2025-03-01T08:00:00.000Z', schemaVersion: 1, ...extra },
  };
}

/** What the client hands back for a JSON event: the bytes parsed again. */
function asStored(streamName: string, revision: number, position: bigint, type: string, data: unknown, metadata: unknown): KurrentRecord {
  return {
    streamId: streamName,
    id: 'x',
    revision: BigInt(revision),
    type,
    created: new Date('2025-03-01T08:00:01.234Z'),
    isJson: true,
    data: JSON.parse(JSON.stringify(data)),
    metadata: JSON.parse(JSON.stringify(metadata)),
    position: { commit: position, prepare: position },
  };
}

describe('KurrentDB hash chain on append', () => {
  it('starts a new stream at GENESIS and links each event to the previous hash', () => {
    const events = [newEvent('ProjectDrafted', { projectId: 'p1' }), newEvent('ProjectSubmitted', { projectId: 'p1', at: '2025-03-01' })];
    const [first, second] = chainEvents('project-p1', null, events);
    expect(first!.revision).toBe(0);
    expect(first!.metadata.prevHash).toBe(GENESIS_HASH);
    const { hash: h0, ...unsigned0 } = first!.metadata;
    expect(h0).toBe(computeEventHash(GENESIS_HASH, { streamId: 'project-p1', revision: 0, type: 'ProjectDrafted', data: { projectId: 'p1' }, metadata: unsigned0 }));
    expect(second!.revision).toBe(1);
    expect(second!.metadata.prevHash).toBe(h0);
    const { hash: h1, ...unsigned1 } = second!.metadata;
    expect(h1).toBe(computeEventHash(h0!, { streamId: 'project-p1', revision: 1, type: 'ProjectSubmitted', data: second!.data, metadata: unsigned1 }));
  });

  it('continues after an existing tail', () => {
    const [event] = chainEvents('project-p1', { revision: 6, hash: 'a'.repeat(64) }, [newEvent('ProjectSubmitted', { projectId: 'p1' })]);
    expect(event!.revision).toBe(7);
    expect(event!.metadata.prevHash).toBe('a'.repeat(64));
  });

  it('stores type, data and the full metadata as JSON under a UUID event id', () => {
    const input = newEvent('ProjectDrafted', { projectId: 'p1', tags: ['a'] }, { commandId: 'cmd-1' });
    const [event] = chainEvents('project-p1', null, [input]);
    expect(event!.eventData).toEqual({
      id: input.metadata.eventId,
      contentType: 'application/json',
      type: 'ProjectDrafted',
      data: { projectId: 'p1', tags: ['a'] },
      metadata: event!.metadata,
    });
    expect(event!.metadata).toMatchObject({ ...input.metadata, prevHash: GENESIS_HASH });
  });
});

describe('KurrentDB event ids', () => {
  it('uses metadata.eventId when it is a UUID', () => {
    const e = newEvent('A', {});
    expect(kurrentEventId(e, 0, 'project-1')).toBe(e.metadata.eventId);
  });

  it('derives a stable UUID from the commandId and index otherwise', () => {
    const e = newEvent('A', {}, { eventId: 'evt-1', commandId: 'cmd-9' });
    const id0 = kurrentEventId(e, 0, 'project-1');
    expect(id0).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(kurrentEventId(e, 0, 'project-1')).toBe(id0);
    expect(kurrentEventId(e, 1, 'project-1')).not.toBe(id0);
  });

  it('derives a stable UUID from a non-UUID eventId without a commandId', () => {
    const e = newEvent('A', {}, { eventId: 'evt-1' });
    expect(kurrentEventId(e, 0, 'project-1')).toBe(kurrentEventId(e, 3, 'project-1'));
    expect(kurrentEventId(e, 0, 'project-1')).not.toBe(kurrentEventId(newEvent('A', {}, { eventId: 'evt-2' }), 0, 'project-1'));
  });
});

describe('KurrentDB recorded event → RecordedEvent', () => {
  it('round-trips type, data and metadata exactly, with revision, position and recordedAt from the server', () => {
    const [chained] = chainEvents('project-p1', null, [newEvent('ProjectDrafted', { projectId: 'p1', nested: { n: 1.5, ok: true, none: null } }, { commandId: 'c' })]);
    const record = asStored('project-p1', 0, 8192n, chained!.type, chained!.eventData.data, chained!.eventData.metadata);
    expect(toRecordedEvent(record, '')).toEqual({
      streamId: 'project-p1',
      revision: 0,
      position: 8192,
      recordedAt: '2025-03-01T08:00:01.234Z',
      type: 'ProjectDrafted',
      data: chained!.data,
      metadata: chained!.metadata,
    });
  });

  it('strips the namespace from the stream name', () => {
    const [chained] = chainEvents('project-p1', null, [newEvent('ProjectDrafted', {})]);
    const record = asStored('run1_project-p1', 0, 100n, 'ProjectDrafted', {}, chained!.metadata);
    expect(toRecordedEvent(record, 'run1_').streamId).toBe('project-p1');
  });

  it('uses a fallback position when a stream read carries none', () => {
    const [chained] = chainEvents('project-p1', null, [newEvent('ProjectDrafted', {})]);
    const { position: _p, ...record } = asStored('project-p1', 0, 100n, 'ProjectDrafted', {}, chained!.metadata);
    expect(toRecordedEvent(record, '', { commit: 300n, prepare: 300n }).position).toBe(300);
    expect(() => toRecordedEvent(record, '')).toThrow(CorruptEventError);
  });

  it('refuses events that are not our JSON shape, naming where they are', () => {
    const [chained] = chainEvents('project-p1', null, [newEvent('ProjectDrafted', {})]);
    const good = asStored('project-p1', 4, 500n, 'ProjectDrafted', {}, chained!.metadata);
    expect(() => toRecordedEvent({ ...good, isJson: false, data: new Uint8Array([1]) }, '')).toThrow(/project-p1@4/);
    expect(() => toRecordedEvent({ ...good, data: 'not json{' }, '')).toThrow(/data is not a JSON object/);
    expect(() => toRecordedEvent({ ...good, metadata: undefined }, '')).toThrow(/metadata is not a JSON object/);
    expect(() => toRecordedEvent({ ...good, metadata: { eventId: 'e' } }, '')).toThrow(/prevHash\/hash/);
  });
});
