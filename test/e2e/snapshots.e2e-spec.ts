import Database from 'better-sqlite3';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '@jingsai/event-store';
import { LoopWorld, ok } from '../fixtures/scheduler-loop-world';

/*
 * Snapshots of long project streams, in the service: a cold load of a long project leaves one,
 * the next cold load (after a restart) starts from it, and what the API shows and decides is
 * the same as from the whole log. A snapshot is a cache: one whose event the log no longer holds
 * under the same hash is not used.
 */
describe('snapshots of long project streams in the service', () => {
  let w: LoopWorld;
  /** A period's report; a correction (every one after the first) gives its reason. */
  const report = (participants: number, correcting = true) => ({
    period: '2021-Q3', metrics: { participants, participating_enterprises: 1 }, narrative: `更正：${participants} 人次`, ...(correcting ? { reason: '核实后更正人次' } : {}),
  });
  const snapshots = () => {
    const db = new Database(join(w.t.dataDir, 'snapshots.sqlite'));
    return { db, rows: db.prepare('SELECT stream_id AS streamId, revision, state FROM snapshots').all() as Array<{ streamId: string; revision: number; state: string }> };
  };
  const settle = () => new Promise((r) => setImmediate(r));

  beforeAll(async () => {
    w = await LoopWorld.start({ SNAPSHOT_MIN_EVENTS: '5' });
    w.t.clock.set('2021-07-20T10:00:00+08:00');
    await w.approvedProject('p-a', 'unitA', 'xy', '纺织挡车工技能比武', 'non_public');
    w.t.clock.set('2021-10-05T10:00:00+08:00');
    for (const n of [1200, 1250, 1300]) ok(await w.post('/api/v1/projects/p-a/progress-reports', report(n, n > 1200), 'unitA'), 201);
  });
  afterAll(() => w.stop());

  it('a cold load leaves a snapshot, and the next cold load starts from it and shows the same project', async () => {
    const before = ok(await w.get('/api/v1/projects/p-a', 'xy')).body;
    const reportsBefore = ok(await w.get('/api/v1/projects/p-a/progress-reports', 'xy')).body;
    expect(before.progress.reports.map((r: any) => r.metrics.participants)).toEqual([1200, 1250, 1300]);

    await w.t.restart();
    expect(ok(await w.get('/api/v1/projects/p-a', 'xy')).body).toEqual(before);
    await settle();
    const { db, rows } = snapshots();
    expect(rows.map((r) => [r.streamId, r.revision])).toEqual([['project-p-a', before.revision]]);
    // Only the report in force is in the state; the corrections before it are in the log.
    expect(JSON.parse(rows[0]!.state).progress.reports.map((r: any) => r.metrics.participants)).toEqual([1300]);
    // Marked so that a load from the snapshot shows: the title is not something the log says.
    const marked = JSON.parse(rows[0]!.state);
    db.prepare('UPDATE snapshots SET state = ?').run(JSON.stringify({ ...marked, title: '（来自快照）' }));
    db.close();

    await w.t.restart();
    const fromSnapshot = ok(await w.get('/api/v1/projects/p-a', 'xy')).body;
    expect(fromSnapshot.title).toBe('（来自快照）');
    expect({ ...fromSnapshot, title: before.title }).toEqual(before);
    expect(ok(await w.get('/api/v1/projects/p-a/progress-reports', 'xy')).body).toEqual(reportsBefore);
  });

  it('shows a project with no correction its reports as its history without reading its events, the same as they read', async () => {
    w.t.clock.set('2021-07-20T10:00:00+08:00');
    await w.approvedProject('p-b', 'unitB', 'lx', '电子装配技能竞赛');
    w.t.clock.set('2021-10-05T10:00:00+08:00');
    ok(await w.post('/api/v1/projects/p-b/progress-reports', report(900, false), 'unitB'), 201);
    const store = w.t.app.get<EventStore>(EVENT_STORE);
    const filed = (await store.readStream('project-p-b')).filter((e) => e.type === 'ProgressReportFiled');
    const read = jest.spyOn(store, 'readStream');
    const project = ok(await w.get('/api/v1/projects/p-b', 'lx')).body;
    expect(project.progress.reports).toEqual(filed.map((e) => {
      const { projectId: _id, ...data } = e.data as { projectId: string };
      return { ...data, revision: 1, supersedesReportId: null, metricsLabelled: expect.any(Array) };
    }));
    expect(read.mock.calls.filter(([, options]) => options?.maxCount !== undefined)).toEqual([]);
    read.mockRestore();
  });

  it('decides a command on the snapshot as on the whole log, and ignores a snapshot the log does not hold', async () => {
    await w.t.restart();
    const corrected = ok(await w.post('/api/v1/projects/p-a/progress-reports', report(1350), 'unitA'), 201);
    expect(corrected.body.events).toEqual(['ProgressReportCorrected']);
    const q3 = ok(await w.get('/api/v1/projects/p-a/progress-reports', 'xy')).body.periods[0];
    expect(q3).toMatchObject({ corrections: 3, current: { revision: 4, metrics: { participants: 1350 } } });

    const { db } = snapshots();
    db.prepare("UPDATE snapshots SET hash = 'ffff', state = json_set(state, '$.title', '（失效的快照）')").run();
    db.close();
    await w.t.restart();
    const project = ok(await w.get('/api/v1/projects/p-a', 'xy')).body;
    expect(project.title).toBe('纺织挡车工技能比武');
    expect(project.progress.reports.map((r: any) => r.metrics.participants)).toEqual([1200, 1250, 1300, 1350]);
  });

  it('drops the snapshots when an upcaster changes how the events read, as a new evolve does', async () => {
    await w.t.restart();
    ok(await w.get('/api/v1/projects/p-a', 'xy'));
    await settle();
    expect(snapshots().rows.map((r) => r.streamId)).toEqual(['project-p-a']);
    // A later release reads the stored corrections through an upcaster (schema 1 -> 2).
    const migrated = (type: string) => ({ type, fromVersion: 1, toVersion: 2, upcast: (d: any) => ({ ...d, narrative: `（迁移）${d.narrative}` }) });
    await w.t.restart({ extraUpcasters: [migrated('ProgressReportFiled'), migrated('ProgressReportCorrected')] });
    const q3 = ok(await w.get('/api/v1/projects/p-a/progress-reports', 'xy')).body.periods[0];
    expect(q3.history.map((r: any) => r.narrative)).toEqual(['（迁移）更正：1200 人次', '（迁移）更正：1250 人次', '（迁移）更正：1300 人次', '（迁移）更正：1350 人次']);
    // The report in force is folded from the same upcast events, not read back from a snapshot taken before.
    expect(q3.current.narrative).toBe('（迁移）更正：1350 人次');
  });
});
