import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, verifyEventLog } from '@jingsai/event-store';
import { RecordedEvent } from '@jingsai/shared';
import { DUE, DUE_CAMPAIGN, PROJECTS, prepareDueWorld } from '../fixtures/scheduler-due-world';
import { ServiceProcess, serviceToken } from '../fixtures/service-process';

const DEADLINE_EVENTS = ['CampaignApplicationWindowClosed', 'ProgressReportOverdue', 'RectificationOverdue'];

/** The business key of a deadline's event: one per stream and item. */
const keyOf = (e: RecordedEvent) => `${e.type} ${e.streamId} ${String((e.data as any).period ?? (e.data as any).findingId ?? '')}`;

/** Deadline commands an instance sent, from its Prometheus counters. */
function deadlineCommandsSent(metrics: string): number {
  return metrics
    .split('\n')
    .filter((l) => l.startsWith('jingsai_commands_total{command="deadline:'))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
}

async function deadlineEvents(storePath: string): Promise<RecordedEvent[]> {
  const store = new SqliteEventStore({ path: storePath });
  try {
    return (await store.readAll()).filter((e) => DEADLINE_EVENTS.includes(e.type));
  } finally {
    await store.close();
  }
}

/**
 * Two service processes on one store, each with its own read models and a scheduler ticking
 * every 200 ms, started with the clock past every deadline of a store prepared beforehand:
 * the window closing, the missed reports and the unrectified findings are each recorded
 * exactly once, by whichever instance got there first.
 */
describe('two schedulers on one store', () => {
  let dir: string;
  const services: ServiceProcess[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'two-schedulers-'));
    await prepareDueWorld(join(dir, 'events.sqlite'));
  });

  afterAll(async () => {
    await Promise.all(services.map((s) => s.kill()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('records every passed deadline exactly once', async () => {
    const env = { SCHEDULER_ENABLED: 'true', SCHEDULER_INTERVAL_MS: '200', CLOCK_START: '2022-03-01T09:00:00+08:00' };
    services.push(
      ...(await Promise.all(['a', 'b'].map((name) => ServiceProcess.start({ dataDir: dir, readModelPath: join(dir, `read-${name}.sqlite`), env })))),
    );
    const expected = DUE.windowClosed + DUE.reportsOverdue + DUE.rectificationsOverdue;
    const deadline = Date.now() + 20_000;
    let events: RecordedEvent[] = [];
    while (Date.now() < deadline) {
      events = await deadlineEvents(join(dir, 'events.sqlite'));
      if (events.length >= expected) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    // Both instances go on ticking for a while: nothing more may be recorded.
    const admin = await serviceToken({ userId: 'admin', roles: ['admin'], orgId: 'jx' });
    for (const s of services) {
      const overdue = await s.request('GET', `/api/v1/supervision/overdue?campaignId=${DUE_CAMPAIGN}&limit=200`, { token: admin });
      expect(overdue.status).toBe(200);
    }
    await new Promise((r) => setTimeout(r, 1_500));
    events = await deadlineEvents(join(dir, 'events.sqlite'));

    const counts = new Map<string, number>();
    for (const e of events) counts.set(keyOf(e), (counts.get(keyOf(e)) ?? 0) + 1);
    expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
    expect(events.filter((e) => e.type === 'CampaignApplicationWindowClosed')).toHaveLength(DUE.windowClosed);
    expect(events.filter((e) => e.type === 'ProgressReportOverdue').map(keyOf).sort()).toEqual(
      Array.from({ length: PROJECTS }, (_, i) => [`ProgressReportOverdue project-due-p${i + 1} 2021-Q3`, `ProgressReportOverdue project-due-p${i + 1} 2021-Q4`]).flat().sort(),
    );
    expect(events.filter((e) => e.type === 'RectificationOverdue')).toHaveLength(DUE.rectificationsOverdue);
    expect(events.every((e) => e.metadata.actor.role === 'system' && typeof e.metadata.commandId === 'string')).toBe(true);

    // Both read models saw every item, from the same log.
    for (const s of services) {
      const overdue = await s.request('GET', `/api/v1/supervision/overdue?campaignId=${DUE_CAMPAIGN}&limit=200`, { token: admin });
      expect(overdue.body.total).toBe(DUE.reportsOverdue + DUE.rectificationsOverdue);
    }
    // Every deadline command either instance sent (recorded, replayed by command id, or a no-op) is counted.
    const sent = await Promise.all(services.map(async (s) => deadlineCommandsSent(String((await s.request('GET', '/metrics')).body))));
    expect(sent[0]! + sent[1]!).toBeGreaterThanOrEqual(expected);
    const store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
    expect(await verifyEventLog(store)).toMatchObject({ ok: true });
    await store.close();
  }, 45_000);
});
