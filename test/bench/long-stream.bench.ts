/**
 * Long streams: a project with 5,000 events (a year of progress reports corrected over and over)
 * loads, decides and appends one more report in ≤ 5 ms, with the StateCache warm (the service's
 * normal case) and cold (a fresh process or an evicted entry). Baseline: reading the same 5,000
 * rows with better-sqlite3 and parsing their JSON, no fold.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { AggregateRepository, CommandContext, SqliteEventStore, SqliteSnapshotStore, StateCache, UpcasterRegistry } from '@jingsai/event-store';
import { CampaignState, ProjectCommand, ProjectEvent, ProjectState, campaignDecider, campaignReportingFacts, projectDecider } from '@jingsai/competitions';
import { Actor } from '@jingsai/shared';
import { StreamBuilder, generateProvince } from '../../libs/testing/src/generator';
import { log, median, scaled, tempDir, timeMs } from './lib/measure';
import { BenchRow, limit, reported, writeResults } from './lib/report';

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

export async function runLongStreamBench(): Promise<BenchRow[]> {
  const length = scaled(5000, 500);
  const t = tempDir('jingsai-bench-long-');
  const path = join(t.dir, 'events.sqlite');
  const manifest = await generateProvince({ path, events: 3000 });
  const target = manifest.open.find((p) => p.status === 'in_progress' && p.periods.length > 0)!;
  const store = new SqliteEventStore({ path });
  const streamId = `project-${target.projectId}`;
  const unit: Actor = { userId: `u-${target.orgId}`, role: 'unit', orgId: target.orgId };
  const setup = new AggregateRepository(store);
  const { state: campaign } = await setup.state(`campaign-${target.campaignId}`, campaignDecider);
  const reporting = campaignReportingFacts(campaign as Exclude<CampaignState, { status: 'none' }>);
  let n = 0;
  // A period already reported is corrected, which takes a reason; the first report of one takes none.
  const filedPeriods = new Set<string>();
  const report = (at: string): ProjectCommand => {
    const period = target.periods[++n % target.periods.length]!;
    const correcting = filedPeriods.has(period);
    filedPeriods.add(period);
    return {
      type: 'FileProgressReport', projectId: target.projectId, at, actor: unit, reportId: `bench-${n}`, period,
      metrics: { participants: 1000 + n, participating_enterprises: 1 }, narrative: '更正本期数据', reporting, ...(correcting ? { reason: '核实后更正' } : {}),
    };
  };

  // Grow the stream to `length` events with the real decider, appended in large batches.
  log(`long stream: growing ${streamId} to ${length.toLocaleString('en-US')} events…`);
  const builder = new StreamBuilder<ProjectState, ProjectCommand, ProjectEvent>(streamId, projectDecider);
  const existing = await store.readStream(streamId);
  for (const e of existing) builder.state = projectDecider.evolve(builder.state, e as unknown as ProjectEvent);
  for (const e of existing) if (e.type === 'ProgressReportFiled') filedPeriods.add((e.data as { period: string }).period);
  let revision = existing.length - 1;
  while (revision + 1 < length) {
    const batch = Math.min(500, length - revision - 1);
    builder.events.length = 0;
    for (let i = 0; i < batch; i++) builder.run(report(new Date().toISOString()) as ProjectCommand & { at: string; actor: Actor });
    revision = (await store.append(streamId, builder.events.splice(0), revision)).revision;
  }

  const ctx = (): CommandContext => ({ actor: unit, now: new Date(), correlationId: 'bench' });
  const once = (repo: AggregateRepository) => timeMs(() => repo.execute(streamId, projectDecider, report(new Date().toISOString()), ctx()));
  const rounds = scaled(40, 10);
  const warmRepo = new AggregateRepository(store, new UpcasterRegistry(), { stateCache: new StateCache() });
  await once(warmRepo);
  const warm: number[] = [];
  for (let i = 0; i < rounds; i++) warm.push(await once(warmRepo));
  const cold: number[] = [];
  for (let i = 0; i < rounds; i++) cold.push(await once(new AggregateRepository(store, new UpcasterRegistry(), { stateCache: new StateCache() })));
  // Cold again, with persistent snapshots: the first cold load folds everything and leaves one.
  const snapshots = new SqliteSnapshotStore({ path: join(t.dir, 'snapshots.sqlite'), version: 'bench' });
  const snapshotted = () => new AggregateRepository(store, new UpcasterRegistry(), { stateCache: new StateCache(), snapshots: { store: snapshots, deciders: [projectDecider] } });
  await once(snapshotted());
  await new Promise((r) => setImmediate(r));
  const coldSnap: number[] = [];
  for (let i = 0; i < rounds; i++) coldSnap.push(await once(snapshotted()));
  const snap = snapshots.get(streamId)!;
  const json = JSON.stringify(snap.state);
  const parseMs = median(await Promise.all(Array.from({ length: 5 }, () => timeMs(() => JSON.parse(json)))));
  log(`  snapshot: ${(json.length / 1024).toFixed(0)} KB of JSON at revision ${snap.revision}, parsed in ${parseMs.toFixed(2)} ms`);
  snapshots.close();

  const raw = new Database(path, { readonly: true });
  const select = raw.prepare<[string], { data: string; metadata: string }>('SELECT data, metadata FROM events WHERE stream_id = ? ORDER BY revision');
  const rawMs: number[] = [];
  for (let i = 0; i < rounds; i++) rawMs.push(await timeMs(() => select.all(streamId).map((r) => [JSON.parse(r.data), JSON.parse(r.metadata)])));
  raw.close();
  await store.close();
  t.remove();
  const rawMedian = median(rawMs);
  log(`  warm median ${median(warm).toFixed(2)} ms (p95 ${p95(warm).toFixed(2)}), cold median ${median(cold).toFixed(2)} ms (p95 ${p95(cold).toFixed(2)}), cold with snapshot ${median(coldSnap).toFixed(2)} ms (p95 ${p95(coldSnap).toFixed(2)}), raw read ${rawMedian.toFixed(2)} ms`);
  const rows = [
    reported(`raw read + JSON parse of a ${length.toLocaleString('en-US')}-event stream (no fold)`, rawMedian, 'ms'),
    limit(`${length.toLocaleString('en-US')}-event project: load + decide + append, StateCache warm (median)`, median(warm), 'ms', rawMedian, { max: 5 }),
    reported('  the same, p95', p95(warm), 'ms', rawMedian),
    limit(`${length.toLocaleString('en-US')}-event project: load + decide + append, cold with a snapshot (median)`, median(coldSnap), 'ms', rawMedian, { max: 5 }),
    reported('  the same, p95', p95(coldSnap), 'ms', rawMedian),
    reported(`  cold without a snapshot (full fold of ${length.toLocaleString('en-US')} events), median`, median(cold), 'ms', rawMedian),
  ];
  writeResults('long-stream', rows);
  return rows;
}

if (require.main === module) {
  runLongStreamBench().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
