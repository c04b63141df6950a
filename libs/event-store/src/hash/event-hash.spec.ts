import { sha256Hex } from '@jingsai/shared';
import { GENESIS_HASH, HashableEvent, computeEventHash, hashPayload } from './event-hash';

const event: HashableEvent = {
  streamId: 'project-1',
  revision: 0,
  type: 'ProjectSubmitted',
  data: { projectId: '1', title: '节能改造' },
  metadata: {
    eventId: 'e-1',
    correlationId: 'c-1',
    actor: { userId: 'u-1', role: 'unit', orgId: 'o-1' },
    occurredAt: '2021-03-01T08:00:00.000Z',
    schemaVersion: 1,
    prevHash: GENESIS_HASH,
  },
};

describe('event hash', () => {
  it('is sha256 of the previous hash followed by the canonical event', () => {
    expect(computeEventHash(GENESIS_HASH, event)).toBe(sha256Hex(GENESIS_HASH + hashPayload(event)));
    expect(computeEventHash(GENESIS_HASH, event)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not cover the stored hash itself, so it can be recomputed from a stored event', () => {
    const stored = { ...event, metadata: { ...event.metadata, hash: 'f'.repeat(64) } };
    expect(computeEventHash(GENESIS_HASH, stored)).toBe(computeEventHash(GENESIS_HASH, event));
  });

  it('does not depend on key order', () => {
    const reordered: HashableEvent = { metadata: event.metadata, data: { title: '节能改造', projectId: '1' }, type: event.type, revision: 0, streamId: 'project-1' };
    expect(computeEventHash(GENESIS_HASH, reordered)).toBe(computeEventHash(GENESIS_HASH, event));
  });

  it.each([
    ['the previous hash', (e: HashableEvent) => e, '1'.repeat(64)],
    ['the stream', (e: HashableEvent) => ({ ...e, streamId: 'project-2' }), GENESIS_HASH],
    ['the revision', (e: HashableEvent) => ({ ...e, revision: 1 }), GENESIS_HASH],
    ['the type', (e: HashableEvent) => ({ ...e, type: 'ProjectWithdrawn' }), GENESIS_HASH],
    ['one character of the data', (e: HashableEvent) => ({ ...e, data: { projectId: '1', title: '节能改选' } }), GENESIS_HASH],
    ['the metadata', (e: HashableEvent) => ({ ...e, metadata: { ...e.metadata, actor: { ...e.metadata.actor, userId: 'u-2' } } }), GENESIS_HASH],
    ['the recorded prevHash', (e: HashableEvent) => ({ ...e, metadata: { ...e.metadata, prevHash: '2'.repeat(64) } }), GENESIS_HASH],
  ])('changes when %s changes', (_what, change, prev) => {
    expect(computeEventHash(prev, change(event))).not.toBe(computeEventHash(GENESIS_HASH, event));
  });
});
