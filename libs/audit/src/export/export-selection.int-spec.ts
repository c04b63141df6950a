import { EventStore, NewEvent, ReadAllOptions, SqliteEventStore } from '@jingsai/event-store';
import { SYSTEM_ACTOR } from '@jingsai/shared';
import { StreamScope } from '../scope/stream-scope';
import { exportPages } from './export-selection';

const ev = (type: string, data: object): NewEvent => ({
  type,
  data,
  metadata: { eventId: `${type}-${Math.random()}`, correlationId: 'c', actor: SYSTEM_ACTOR, occurredAt: '2021-07-01T00:00:00.000Z', schemaVersion: 1 },
});

/** Counts reads and the largest page asked for, to show an export never reads unbounded. */
function counting(store: EventStore) {
  const seen = { reads: 0, largest: 0 };
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop !== 'readAll' && prop !== 'readStream') return typeof value === 'function' ? value.bind(target) : value;
      return (...args: any[]) => {
        const options = (prop === 'readAll' ? args[0] : args[1]) as ReadAllOptions | undefined;
        seen.reads++;
        seen.largest = Math.max(seen.largest, options?.maxCount ?? Infinity);
        return value.apply(target, args);
      };
    },
  });
  return { store: proxy, seen };
}

async function collect(pages: AsyncIterable<Array<{ streamId: string; position: number }>>) {
  const sizes: number[] = [];
  const events: Array<{ streamId: string; position: number }> = [];
  for await (const page of pages) {
    sizes.push(page.length);
    events.push(...page);
  }
  return { sizes, events };
}

describe('export selection', () => {
  let store: SqliteEventStore;

  beforeAll(async () => {
    store = new SqliteEventStore({ path: ':memory:' });
    await store.append('campaign-c1', [ev('CampaignCreated', { campaignId: 'c1', organizerOrgId: 'jj' })], 'no_stream');
    await store.append('project-p1', [ev('ProjectDrafted', { projectId: 'p1', campaignId: 'c1', orgId: 'xy' })], 'no_stream');
    await store.append('project-p2', [ev('ProjectDrafted', { projectId: 'p2', campaignId: 'c2', orgId: 'lx' })], 'no_stream');
    await store.append('campaign-c10', [ev('CampaignCreated', { campaignId: 'c10', organizerOrgId: 'nc' })], 'no_stream');
    await store.append('awardRound-r1', [ev('AwardRoundCreated', { roundId: 'r1', campaignId: 'c1', ruleSetId: 'national' })], 'no_stream');
    await store.append('ruleSet-national', [ev('RuleSetVersionPublished', { ruleSetId: 'national', version: 1 })], 'no_stream');
    for (let i = 0; i < 2500; i++) await store.append(`project-p${i % 2 ? 1 : 2}`, [ev('Noted', { i })], 'any');
    await store.append('awardRound-r1', [ev('NominationSubmitted', { roundId: 'r1', nominationId: 'n1', nominee: { kind: 'person', id: 'w', name: '王', orgId: 'ent-n' } })], 'any');
    await store.append('organization-jx', [ev('OrganizationRegistered', { orgId: 'jx', parentPath: [] })], 'no_stream');
    await store.append('organization-xy', [ev('OrganizationRegistered', { orgId: 'xy', parentPath: ['jx'] })], 'no_stream');
    await store.append('organization-lx', [ev('OrganizationRegistered', { orgId: 'lx', parentPath: ['jx'] })], 'no_stream');
    await store.append('organization-ent-n', [ev('OrganizationRegistered', { orgId: 'ent-n', parentPath: ['jx', 'xy'] })], 'no_stream');
  });
  afterAll(() => store.close());

  it('exports a campaign: its stream, its projects and award rounds, the rule sets they cite and the organisations they read, in position order, nothing else', async () => {
    const { events } = await collect(exportPages(store, { kind: 'campaign', campaignId: 'c1' }));
    // The organisations: the project's unit (xy), the nominee's (ent-n) and those above them (jx); not another campaign's unit (lx).
    expect([...new Set(events.map((e) => e.streamId))]).toEqual(['campaign-c1', 'project-p1', 'awardRound-r1', 'ruleSet-national', 'organization-jx', 'organization-xy', 'organization-ent-n']);
    expect(events).toHaveLength(5 + 1250 + 3);
    const part = await collect(exportPages(store, { kind: 'campaign', campaignId: 'c1', scopeOrgId: 'xy' }, { include: async (s) => s.startsWith('project-') }));
    expect([...new Set(part.events.map((e) => e.streamId))]).toEqual(['project-p1']);
    expect(events.map((e) => e.position)).toEqual([...events.map((e) => e.position)].sort((a, b) => a - b));
  });

  it('reads the whole log and one stream in bounded pages, however long', async () => {
    const { store: spied, seen } = counting(store);
    const all = await collect(exportPages(spied, { kind: 'all' }, { pageSize: 1000 }));
    expect(all.sizes).toEqual([1000, 1000, 511]);
    expect(seen.largest).toBe(1000);
    const one = await collect(exportPages(spied, { kind: 'stream', streamId: 'project-p1' }, { pageSize: 400 }));
    expect(one.events).toHaveLength(1251);
    expect(Math.max(...one.sizes)).toBe(400);
    expect(seen.largest).toBe(1000);
  });

  it('reports progress up to the total', async () => {
    const progress: Array<[number, number]> = [];
    await collect(exportPages(store, { kind: 'all' }, { pageSize: 1000, onProgress: (d, t) => progress.push([d, t]) }));
    expect(progress[progress.length - 1]).toEqual([2511, 2511]);
  });
});

describe('stream scope', () => {
  it('finds the organisation of each kind of stream from its first event', async () => {
    const store = new SqliteEventStore({ path: ':memory:' });
    await store.append('campaign-c1', [ev('CampaignCreated', { campaignId: 'c1', organizerOrgId: 'jj' })], 'no_stream');
    await store.append('project-p1', [ev('ProjectDrafted', { projectId: 'p1', campaignId: 'c1', orgId: 'xy' })], 'no_stream');
    await store.append('awardRound-r1', [ev('AwardRoundCreated', { roundId: 'r1', campaignId: 'c1' })], 'no_stream');
    await store.append('ruleSet-national', [ev('RuleSetVersionPublished', { ruleSetId: 'national' })], 'no_stream');
    const scope = new StreamScope(store);
    expect(await scope.orgOf('organization-xy')).toBe('xy');
    expect(await scope.orgOf('campaign-c1')).toBe('jj');
    expect(await scope.orgOf('project-p1')).toBe('xy');
    expect(await scope.orgOf('awardRound-r1')).toBe('jj');
    expect(await scope.orgOf('ruleSet-national')).toBeNull();
    expect(await scope.orgOf('project-missing')).toBeNull();
    await store.close();
  });
});
