import { Decider, DomainEvent } from '@jingsai/shared';
import { AggregateRepository } from '../command/aggregate-repository';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { UpcasterRegistry } from './upcaster-registry';

// Today's shape: a contact has a structured name. Version 1 stored a single `fullName`.
type ContactRegistered = DomainEvent<'ContactRegistered', { familyName: string; givenName: string }>;
const contacts: Decider<{ names: string[] }, { type: 'Noop' }, ContactRegistered> = {
  initialState: () => ({ names: [] }),
  decide: () => [],
  evolve: (s, e) => ({ names: [...s.names, `${e.data.familyName}|${e.data.givenName}`] }),
};

describe('upcasting at the read boundary', () => {
  it('brings a version-1 event to the domain in today\'s shape, leaving the stored event untouched', async () => {
    const store = new SqliteEventStore({ path: ':memory:' });
    await store.append(
      'contact-1',
      [{ type: 'ContactRegistered', data: { fullName: '张 三' }, metadata: { eventId: 'e1', correlationId: 'c', actor: { userId: 'u', role: 'admin', orgId: 'o' }, occurredAt: '2021-01-01T00:00:00Z', schemaVersion: 1 } }],
      'no_stream',
    );
    const upcasters = new UpcasterRegistry().register({
      type: 'ContactRegistered',
      fromVersion: 1,
      toVersion: 2,
      upcast: (d: { fullName: string }) => {
        const [familyName = '', givenName = ''] = d.fullName.split(' ');
        return { familyName, givenName };
      },
    });
    const repo = new AggregateRepository(store, upcasters);
    expect((await repo.state('contact-1', contacts)).state.names).toEqual(['张|三']);
    const [raw] = await store.readStream('contact-1');
    expect(raw!.data).toEqual({ fullName: '张 三' });
    expect(raw!.metadata.schemaVersion).toBe(1);
    await store.close();
  });

  it('chains upcasters and renames a type', () => {
    const registry = new UpcasterRegistry().register(
      { type: 'Old', fromVersion: 1, toVersion: 2, upcast: (d: any) => ({ ...d, b: 1 }) },
      { type: 'Old', fromVersion: 2, toVersion: 3, toType: 'New', upcast: (d: any) => ({ ...d, c: 2 }) },
    );
    const e = registry.upcast({ streamId: 's-1', revision: 0, position: 1, recordedAt: '', type: 'Old', data: { a: 0 }, metadata: { schemaVersion: 1 } as any });
    expect(e).toMatchObject({ type: 'New', data: { a: 0, b: 1, c: 2 }, metadata: { schemaVersion: 3 } });
    expect(() => registry.register({ type: 'Old', fromVersion: 1, toVersion: 2, upcast: (d: any) => d })).toThrow(/two upcasters/);
  });
});
