import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, verifyEventLog } from '@jingsai/event-store';
import { ServiceProcess, serviceToken } from '../fixtures/service-process';
import { readModelTables } from '../fixtures/service-read-models';

const REVISIONS = 15;
const FACTS_EACH = 25;

/**
 * Two service processes on one event store (same DATA_DIR, each with its own read-model file):
 * pinned writes (If-Match) to the same aggregate at the same revision let exactly one win,
 * unpinned ones all land (the store re-checks the revision inside its write lock), and both
 * read models converge on the same rows.
 */
/** Two services on one new DATA_DIR (each its own read-model file), with the province registered through the first. */
async function startTwo(prefix: string): Promise<{ dir: string; a: ServiceProcess; b: ServiceProcess; admin: string }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const admin = await serviceToken({ userId: 'admin', roles: ['admin'], orgId: 'jx' });
  const [a, b] = await Promise.all([
    ServiceProcess.start({ dataDir: dir, readModelPath: join(dir, 'read-a.sqlite') }),
    ServiceProcess.start({ dataDir: dir, readModelPath: join(dir, 'read-b.sqlite') }),
  ]);
  const root = await a.request('POST', '/api/v1/organizations', { token: admin, body: { orgId: 'jx', name: '江西省总工会', kind: 'union', level: 'province' } });
  expect(root.status).toBe(201);
  return { dir, a, b, admin };
}

describe('two service processes on one store', () => {
  let dir: string;
  let a: ServiceProcess;
  let b: ServiceProcess;
  let admin: string;

  beforeAll(async () => {
    ({ dir, a, b, admin } = await startTwo('service-two-'));
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets exactly one of two pinned updates at the same revision win; the other gets 412', async () => {
    const winners: string[] = [];
    for (let revision = 0; revision < REVISIONS; revision++) {
      const update = (service: ServiceProcess, name: string) =>
        service.request('PATCH', '/api/v1/organizations/jx', { token: admin, body: { name }, headers: { 'if-match': `"${revision}"` } });
      const answers = await Promise.all([update(a, `甲-${revision}`), update(b, `乙-${revision}`)]);
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 412]);
      const winner = answers.findIndex((r) => r.status === 200);
      expect(answers[winner]!.body.revision).toBe(revision + 1);
      expect(answers[1 - winner]!.body).toMatchObject({ code: 'STREAM.REVISION_MISMATCH', status: 412 });
      winners.push(winner === 0 ? `甲-${revision}` : `乙-${revision}`);
    }
    const store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
    const events = await store.readStream('organization-jx');
    expect(events.map((e) => e.revision)).toEqual([...Array(REVISIONS + 1).keys()]);
    expect(events.slice(1).map((e) => (e.data as any).changes.name)).toEqual(winners);
    await store.close();
  }, 60_000);

  it('records every unpinned command sent to either process, and both read models converge', async () => {
    const send = (service: ServiceProcess, n: number) =>
      service.request('POST', '/api/v1/organizations/jx/facts', {
        token: admin,
        body: { kind: 'no_union', occurredOn: '2021-05-01', description: `事实 ${n}` },
        headers: { 'idempotency-key': `fact-${n}` },
      });
    const answers = await Promise.all(Array.from({ length: FACTS_EACH * 2 }, (_, n) => send(n % 2 ? b : a, n)));
    const ok = answers.filter((r) => r.status === 201);
    // Only a contended stream that stays contended past the bounded retries may refuse (409); nothing else.
    expect(answers.filter((r) => r.status !== 201 && !(r.status === 409 && r.body.code === 'STREAM.CONCURRENT_UPDATE'))).toEqual([]);
    expect(ok.length).toBeGreaterThan(FACTS_EACH);

    const store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
    const facts = (await store.readStream('organization-jx')).filter((e) => e.type === 'OrganizationFactRecorded');
    expect(facts).toHaveLength(ok.length);
    expect(new Set(facts.map((e) => e.metadata.commandId)).size).toBe(ok.length);
    expect(await verifyEventLog(store)).toMatchObject({ ok: true });
    const head = await store.headPosition();
    await store.close();

    for (const service of [a, b]) {
      const org = await service.request('GET', `/api/v1/organizations/jx/facts?minPosition=${head}`, { token: admin });
      expect(org.body.facts).toHaveLength(ok.length);
    }
    await Promise.all([a.stop(), b.stop()]);
    expect(readModelTables(join(dir, 'read-a.sqlite'))).toEqual(readModelTables(join(dir, 'read-b.sqlite')));
  }, 60_000);
});

/**
 * Each process keeps the states it folded and uses them unread while nobody else has written
 * (SQLite's data_version): a write by the other process must be seen by the very next command,
 * including one that is refused (a refusal appends nothing, so no revision check would catch a
 * stale state).
 */
describe('two service processes, each keeping the states it folded', () => {
  let dir: string;
  let a: ServiceProcess;
  let b: ServiceProcess;
  let admin: string;

  beforeAll(async () => {
    ({ dir, a, b, admin } = await startTwo('service-kept-'));
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('decides on what the other process wrote a moment before, whichever process it kept the state in', async () => {
    const record = (service: ServiceProcess, description: string) =>
      service.request('POST', '/api/v1/organizations/jx/facts', { token: admin, body: { kind: 'no_union', occurredOn: '2021-05-01', description } });
    const retract = (service: ServiceProcess, factId: string) =>
      service.request('POST', `/api/v1/organizations/jx/facts/${factId}/retract`, { token: admin, body: { reason: '误录' } });
    for (let round = 0; round < 5; round++) {
      // Both processes hold the organisation's state now.
      expect((await record(a, `甲 ${round}`)).status).toBe(201);
      expect((await record(b, `乙 ${round}`)).status).toBe(201);
      // Recorded through one, retracted through the other at once: the other must know the fact (not answer FACT_NOT_FOUND).
      const fact = (await record(round % 2 ? a : b, `丙 ${round}`)).body.itemId as string;
      expect((await retract(round % 2 ? b : a, fact)).status).toBe(200);
      // And retracted again through the first, which kept the fact in force: refused, nothing written twice.
      expect((await retract(round % 2 ? a : b, fact)).body).toMatchObject({ status: 404, code: 'ORGANIZATION.FACT_NOT_FOUND' });
    }
    const store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
    const events = await store.readStream('organization-jx');
    expect(events.filter((e) => e.type === 'OrganizationFactRetracted')).toHaveLength(5);
    expect(events.filter((e) => e.type === 'OrganizationFactRecorded')).toHaveLength(15);
    await store.close();
  }, 60_000);
});
