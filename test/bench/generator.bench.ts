/**
 * The data generator: a province of about 1,000,000 events written through the real deciders
 * and the store's append (hash chains, group commits), against raw better-sqlite3 inserting as
 * many rows of the same size in big transactions (no decider, no hash) in the same run; then
 * `cli verify` must pass on what was generated.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { dataset, removeDatasets } from './lib/dataset';
import { log, scaled, tempDir, timeMs } from './lib/measure';
import { CLI_MAIN, runNode } from './lib/processes';
import { BenchRow, limit, reported, writeResults } from './lib/report';
import { serviceEnv } from './lib/service';

async function rawInserts(n: number): Promise<number> {
  const t = tempDir('jingsai-bench-raw-');
  const db = new Database(join(t.dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, stream_id TEXT NOT NULL, revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, UNIQUE (stream_id, revision))');
  const insert = db.prepare('INSERT INTO events (stream_id, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?)');
  const data = { projectId: 'p2026-1', reportId: 'p2026-1-r-2026-05', period: '2026-05', metrics: { participants: 1200, technical_innovations: 3 }, narrative: '按计划推进', dueOn: '2026-06-10', late: false };
  const metadata = { eventId: '0b6f0000-5d2c-4a7e-9c1b-6f0e2a9d3c41', correlationId: '7c9e6679-7425-40de-944b-e07fc1f90ae7', actor: { userId: 'u-e1', role: 'unit', orgId: 'e1' }, occurredAt: '2026-06-03T08:00:00.000Z', schemaVersion: 1 };
  const batch = db.transaction((from: number) => {
    for (let i = from; i < Math.min(n, from + 10_000); i++) insert.run(`project-${i % 40_000}`, Math.floor(i / 40_000), 'ProgressReportFiled', JSON.stringify(data), JSON.stringify(metadata));
  });
  const ms = await timeMs(() => {
    for (let from = 0; from < n; from += 10_000) batch(from);
  });
  db.close();
  t.remove();
  return (n / ms) * 1000;
}

export async function runGeneratorBench(): Promise<BenchRow[]> {
  const ds = await dataset(scaled(1_000_000, 20_000));
  const m = ds.manifest;
  const rate = (m.events / ds.generateMs) * 1000;
  log('generator baseline: raw better-sqlite3 inserts of as many rows…');
  const raw = await rawInserts(m.events);
  log('cli verify on the generated store…');
  const verify = await runNode(CLI_MAIN, ['verify'], serviceEnv(ds.dir, 0));
  const ok = verify.code === 0 && /OK/.test(verify.stdout);
  if (!ok) log(verify.stdout + verify.stderr);
  const k = Math.round(m.events / 1000);
  const statuses = Object.entries(m.projectsByStatus).map(([s, n]) => `${s} ${n}`).join(', ');
  log(`generated ${m.orgs.total} organisations (${m.orgs.enterprises} enterprises: ${JSON.stringify(m.orgs.byOwnership)}), ${m.campaigns.length} campaigns, projects: ${statuses}`);
  const rows = [
    limit(`generate ${k}k events through the deciders (baseline: raw inserts)`, rate, 'events/s', raw, { min: m.events / 180 }),
    limit(`generate ${k}k events: wall time`, ds.generateMs / 1000, 's', null, { max: 180 }),
    reported(`generated projects (${Object.values(m.projectsByStatus).reduce((a, b) => a + b, 0)}), longest stream (events)`, m.longestProject.events, 'events'),
    limit(`cli verify of the generated store (${(verify.ms / 1000).toFixed(0)} s): broken links`, ok ? 0 : 1, 'failures', null, { max: 0 }),
  ];
  writeResults('generator', rows);
  return rows;
}

if (require.main === module) {
  runGeneratorBench()
    .finally(removeDatasets)
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    });
}
