import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@jingsai/event-store';
import { ServiceProcess, serviceToken } from '../fixtures/service-process';

/**
 * SIGTERM, as a process manager stops the service: the requests in flight are answered, the
 * steps are logged for the operator, and the process exits 0 with every acknowledged write kept.
 */
describe('stopping the service with SIGTERM under load', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'service-stop-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers what is in flight, logs each step, exits 0, and keeps every acknowledged write', async () => {
    const service = await ServiceProcess.start({ dataDir: dir, env: { LOG_LEVEL: 'info' } });
    const admin = await serviceToken({ userId: 'admin', roles: ['admin'], orgId: 'jx' });
    expect((await service.request('POST', '/api/v1/organizations', { token: admin, body: { orgId: 'jx', name: '江西省总工会', kind: 'union', level: 'province' } })).status).toBe(201);
    let next = 0;
    const create = (i: number) =>
      service
        .request('POST', '/api/v1/organizations', { token: admin, body: { orgId: `ent-${i}`, name: `企业${i}`, kind: 'enterprise', level: 'enterprise', parentId: 'jx', ownership: 'state_owned' } })
        .then((r) => ({ i, status: r.status, body: r.body as unknown }), () => ({ i, status: 0, body: null as unknown }));
    // Eight clients, each sending its next command once the last is answered, until one is not.
    const answers: Array<{ i: number; status: number; body: unknown }> = [];
    const client = async () => {
      for (;;) {
        const a = await create(next++);
        answers.push(a);
        if (a.status !== 201) return;
      }
    };
    const clients = Array.from({ length: 8 }, client);
    await new Promise((r) => setTimeout(r, 300));
    await service.stop();
    await Promise.all(clients);

    expect(service.exitCode).toBe(0);
    expect(service.log).toContain('SIGTERM received');
    expect(service.log).toContain('projections stopped');
    expect(service.log).toContain('event store and read models closed');
    // Each was answered: done (201), or refused as arriving after the stop began (503, a problem
    // saying nothing was done), or, sent after the listener closed, not connected at all (0).
    for (const a of answers) expect([201, 503, 0]).toContain(a.status);
    for (const a of answers.filter((x) => x.status === 503)) expect(a.body).toMatchObject({ code: 'SERVER.SHUTTING_DOWN', status: 503 });
    const acknowledged = answers.filter((a) => a.status === 201).map((a) => `organization-ent-${a.i}`);
    expect(acknowledged.length).toBeGreaterThan(0);
    // What was not acknowledged was not done either.
    const refused = answers.filter((a) => a.status !== 201).map((a) => `organization-ent-${a.i}`);
    const store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
    try {
      for (const stream of acknowledged) expect((await store.readStream(stream)).length).toBe(1);
      for (const stream of refused) expect(await store.readStream(stream)).toEqual([]);
    } finally {
      await store.close();
    }
  }, 60_000);
});
