import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, verifyEventLog } from '@jingsai/event-store';
import { deterministicId } from '@jingsai/shared';
import { ServiceProcess, serviceToken } from '../fixtures/service-process';
import { checkpoints, readModelTables, rebuildReadModels } from '../fixtures/service-read-models';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 20);
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
const WORKERS = 6;
const ORGS = ['e1', 'e2', 'e3', 'e4'];

function random(seed: number): (max: number) => number {
  let a = seed;
  return (max) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * max);
  };
}

interface Sent {
  key: string;
  orgId: string;
  user: 'admin' | 'u-jj';
}

/**
 * The real service, killed with SIGKILL at random moments while it appends and projects under
 * load (every other run with its group commit in a writer thread), then restarted: acknowledged commands survive, retried ones (same Idempotency-Key)
 * are recorded once, refused ones not at all, the chain verifies, and the read models the
 * service kept equal a fresh rebuild.
 */
describe(`service killed with SIGKILL under load (${ROUNDS} rounds, CRASH_SEED=${SEED})`, () => {
  const rand = random(SEED);
  let dir: string;
  let service: ServiceProcess | null = null;
  const tokens: Record<Sent['user'], string> = { admin: '', 'u-jj': '' };
  const acknowledged: Sent[] = [];
  const refused: Array<Sent & { status: number }> = [];
  let pending: Sent[] = [];
  let sent = 0;
  let retried = 0;
  let replayedOnRetry = 0;

  const fact = (s: Sent) =>
    service!.request('POST', `/api/v1/organizations/${s.orgId}/facts`, {
      token: tokens[s.user],
      body: { kind: 'wage_arrears', occurredOn: '2021-06-30', description: `crash test ${s.key}` },
      headers: { 'idempotency-key': s.key },
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'service-crash-'));
    tokens.admin = await serviceToken({ userId: 'admin', roles: ['admin'], orgId: 'jx' });
    tokens['u-jj'] = await serviceToken({ userId: 'u-jj', roles: ['committee'], orgId: 'jj' });
    service = await ServiceProcess.start({ dataDir: dir });
    const reg = (body: object) => service!.request('POST', '/api/v1/organizations', { token: tokens.admin, body });
    await reg({ orgId: 'jx', name: '江西省总工会', kind: 'union', level: 'province' });
    await reg({ orgId: 'jj', name: '九江市劳动竞赛委员会', kind: 'committee', level: 'city', parentId: 'jx' });
    for (const org of ORGS) expect((await reg({ orgId: org, name: `企业 ${org}`, kind: 'enterprise', level: 'enterprise', parentId: 'jj' })).status).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await service?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Retries every unanswered request with its Idempotency-Key; each must now succeed. */
  const retryPending = async () => {
    const retry = pending;
    pending = [];
    for (const s of retry) {
      const res = await fact(s);
      if (res.status !== 201) throw new Error(`retry of ${s.key} answered ${res.status}: ${JSON.stringify(res.body)} (CRASH_SEED=${SEED})`);
      retried++;
      // Appended before the kill but never acknowledged: the retry must replay it, not append again.
      if (res.body.replayed) replayedOnRetry++;
      acknowledged.push(s);
    }
  };

  /** Workers send commands back to back until the service dies. */
  const load = () =>
    Array.from({ length: WORKERS }, async () => {
      while (service?.running) {
        const s: Sent = { key: `k-${sent++}`, orgId: ORGS[rand(ORGS.length)]!, user: rand(4) === 0 ? 'u-jj' : 'admin' };
        try {
          const res = await fact(s);
          if (res.status === 201) acknowledged.push(s);
          else refused.push({ ...s, status: res.status });
        } catch {
          pending.push(s); // no answer: the kill cut it; it may or may not have been appended
        }
      }
    });

  it('keeps every acknowledged command exactly once and the read models equal to a rebuild', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      // Every other run group-commits in the writer thread (SQLITE_WRITER_THREAD), killed just the same.
      service ??= await ServiceProcess.start({ dataDir: dir, env: { SQLITE_WRITER_THREAD: String(round % 2 === 1) } });
      await retryPending();
      const workers = load();
      await new Promise((r) => setTimeout(r, 50 + rand(700)));
      await service.kill();
      await Promise.all(workers);
      service = null;
    }
    service = await ServiceProcess.start({ dataDir: dir });
    await retryPending();

    const store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
    const head = await store.headPosition();
    expect((await service.request('GET', `/api/v1/organizations?minPosition=${head}`, { token: tokens.admin })).status).toBe(200);
    await service.kill();
    service = null;

    const byCommand = new Map<string, number>();
    for (const e of await store.readAll()) {
      if (!e.metadata.commandId) continue;
      const key = `${e.streamId} ${e.metadata.commandId}`;
      byCommand.set(key, (byCommand.get(key) ?? 0) + 1);
    }
    const count = (s: Sent) => byCommand.get(`organization-${s.orgId} ${deterministicId('idempotency', s.user, s.key)}`) ?? 0;
    expect([...byCommand.values()].filter((n) => n !== 1)).toEqual([]);
    expect(acknowledged.filter((s) => count(s) !== 1).map((s) => s.key)).toEqual([]);
    expect(refused.filter((s) => count(s) !== 0).map((s) => `${s.key} ${s.status}`)).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(ROUNDS);
    expect(retried).toBeGreaterThan(0);
    expect(await verifyEventLog(store)).toMatchObject({ ok: true, brokenLinks: [] });
    await store.close();

    const rebuilt = join(dir, 'rebuilt.sqlite');
    await rebuildReadModels(join(dir, 'events.sqlite'), rebuilt);
    const served = join(dir, 'read-models.sqlite');
    expect(Object.values(checkpoints(served)).every((p) => p === head)).toBe(true);
    expect(readModelTables(served)).toEqual(readModelTables(rebuilt));
    process.stdout.write(`service crash: ${ROUNDS} kills, ${acknowledged.length} acknowledged, ${refused.length} refused, ${retried} retried after a restart (${replayedOnRetry} of them had been appended before the kill), head ${head}\n`);
  }, 60_000 + ROUNDS * 6_000);
});
