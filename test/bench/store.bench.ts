/**
 * Event store benchmark: the SQLite adapter against raw better-sqlite3 doing the same work on
 * the same machine in the same run. `npm run bench:store`; BENCH_SCALE=0.1 shrinks every size.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { NewEvent, SqliteEventStore } from '@jingsai/event-store';
import { BenchRow, atLeast, atMost, reported, writeResults } from './lib/report';
import { log, median, scaled, sqliteBytes, tempDir, timeMs } from './lib/measure';

const ROUNDS = 3;
const RAW_SCHEMA = `
CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, stream_id TEXT NOT NULL, revision INTEGER NOT NULL,
  type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL, UNIQUE (stream_id, revision));`;

function data(i: number): Record<string, unknown> {
  return { projectId: `p-${i}`, campaignId: 'campaign-2021', title: '节能降耗技术改造项目', orgId: 'org-jiujiang-12', score: i % 100, submittedAt: '2021-03-01T08:00:00.000Z' };
}
function metadata(i: number): NewEvent['metadata'] {
  return {
    eventId: `0b6f${String(i).padStart(8, '0')}-5d2c-4a7e-9c1b-6f0e2a9d3c41`,
    correlationId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    actor: { userId: 'u-1024', role: 'unit', orgId: 'org-jiujiang-12' },
    occurredAt: '2021-03-01T08:00:00.000Z',
    schemaVersion: 1,
  };
}
const event = (i: number): NewEvent => ({ type: 'ScoreRecorded', data: data(i), metadata: metadata(i) });

function rawDb(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(RAW_SCHEMA);
  return db;
}
function rawInsert(db: Database.Database): (stream: string, revision: number, i: number) => void {
  const stmt = db.prepare('INSERT INTO events (stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?)');
  return (stream, revision, i) => stmt.run(stream, revision, 'ScoreRecorded', JSON.stringify(data(i)), JSON.stringify(metadata(i)), new Date().toISOString());
}

/** Median events/s over ROUNDS, raw and store rounds interleaved so machine noise hits both. */
async function throughput(n: number, raw: (dir: string) => Promise<void> | void, ours: (dir: string) => Promise<void>): Promise<[number, number]> {
  const rawRates: number[] = [];
  const ourRates: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const [fn, rates] of [[raw, rawRates], [ours, ourRates]] as const) {
      const t = tempDir('jingsai-bench-');
      rates.push((n / (await timeMs(() => fn(t.dir)))) * 1000);
      t.remove();
    }
  }
  return [median(rawRates), median(ourRates)];
}

async function singleAppends(): Promise<BenchRow> {
  const n = scaled(2000, 100);
  const [raw, ours] = await throughput(
    n,
    (dir) => {
      const db = rawDb(join(dir, 'raw.sqlite'));
      const insert = rawInsert(db);
      for (let i = 0; i < n; i++) insert(`project-${i % 10}`, Math.floor(i / 10), i);
      db.close();
    },
    async (dir) => {
      const store = new SqliteEventStore({ path: join(dir, 'store.sqlite') });
      for (let i = 0; i < n; i++) await store.append(`project-${i % 10}`, [event(i)], i < 10 ? 'no_stream' : Math.floor(i / 10) - 1);
      await store.close();
    },
  );
  return atLeast('single-event durable appends (sync FULL) vs raw single-insert commits', ours, 'events/s', raw, 0.6);
}

/** Raw better-sqlite3 inserting `n` events in transactions of `perTransaction`. */
function rawBatched(dir: string, n: number, perTransaction: number, streams: number): void {
  const db = rawDb(join(dir, 'raw.sqlite'));
  const insert = rawInsert(db);
  const batch = db.transaction((from: number) => {
    for (let i = from; i < Math.min(from + perTransaction, n); i++) insert(`project-${i % streams}`, Math.floor(i / streams), i);
  });
  for (let from = 0; from < n; from += perTransaction) batch(from);
  db.close();
}

async function concurrentAppends(): Promise<BenchRow[]> {
  const appenders = 50;
  const perAppender = scaled(200, 10);
  const n = appenders * perAppender;
  const ours = (writerThread: boolean) => async (dir: string) => {
    const store = new SqliteEventStore({ path: join(dir, 'store.sqlite'), writerThread });
    const appender = async (a: number) => {
      for (let k = 0; k < perAppender; k++) await store.append(`project-${a}`, [event(k * appenders + a)], k === 0 ? 'no_stream' : k - 1);
    };
    await Promise.all([...Array(appenders).keys()].map(appender));
    await store.close();
  };
  const [raw100, ours100] = await throughput(n, (dir) => rawBatched(dir, n, 100, appenders), ours(false));
  // The same through the writer thread (SQLITE_WRITER_THREAD, off by default): each batch waits for two messages.
  const [raw100w, thread100] = await throughput(n, (dir) => rawBatched(dir, n, 100, appenders), ours(true));
  // 50 appenders that each wait for their append fill at most 50 per commit: the same commit count, for context.
  const [raw50, ours50] = await throughput(n, (dir) => rawBatched(dir, n, appenders, appenders), ours(false));
  return [
    atLeast(`${appenders} concurrent appenders, group commit vs raw 100 inserts/transaction`, ours100, 'events/s', raw100, 0.5),
    reported(`${appenders} concurrent appenders, group commit in a writer thread vs raw 100 inserts/transaction`, thread100, 'events/s', raw100w),
    reported(`${appenders} concurrent appenders vs raw ${appenders} inserts/transaction (same commits)`, ours50, 'events/s', raw50),
  ];
}

function foldScores(events: Iterable<{ data: Record<string, unknown> }>): number {
  let total = 0;
  for (const e of events) total += e.data.score as number;
  return total;
}

async function readAndFold(): Promise<BenchRow> {
  const t = tempDir('jingsai-bench-');
  const path = join(t.dir, 'store.sqlite');
  const store = new SqliteEventStore({ path, synchronous: 'OFF' });
  for (let s = 0; s < 20; s++) {
    await Promise.all([...Array(10).keys()].map((b) => store.append(`project-${s}`, [...Array(100).keys()].map((i) => event(b * 100 + i)), 'any')));
  }
  const raw = new Database(path, { readonly: true });
  const select = raw.prepare<[string], { data: string; metadata: string }>('SELECT data, metadata FROM events WHERE stream_id = ? ORDER BY revision');
  const rawRead = () => foldScores(select.all('project-7').map((r) => ({ data: JSON.parse(r.data), metadata: JSON.parse(r.metadata) })));
  const ourRead = async () => foldScores(await store.readStream('project-7'));
  const reps = scaled(300, 30);
  const rawMs: number[] = [];
  const ourMs: number[] = [];
  for (let i = -20; i < reps; i++) {
    const r = await timeMs(rawRead);
    const o = await timeMs(ourRead);
    if (i < 0) continue; // the first 20 warm up the JIT and the page cache
    rawMs.push(r);
    ourMs.push(o);
  }
  raw.close();
  await store.close();
  t.remove();
  return atMost('read + fold a 1,000-event stream (median latency)', median(ourMs), 'ms', median(rawMs), 1.5);
}

async function scanAll(): Promise<BenchRow[]> {
  const n = scaled(1_000_000, 1000);
  const t = tempDir('jingsai-bench-');
  const path = join(t.dir, 'store.sqlite');
  log(`scan: writing ${n.toLocaleString('en-US')} events…`);
  const writer = new SqliteEventStore({ path, synchronous: 'OFF' });
  for (let i = 0; i < n; ) {
    const appends: Promise<unknown>[] = [];
    for (let a = 0; a < 20 && i < n; a++, i += 100) {
      const size = Math.min(100, n - i);
      appends.push(writer.append(`project-${(i / 100) % 5000}`, [...Array(size).keys()].map((k) => event(i + k)), 'any'));
    }
    await Promise.all(appends);
  }
  await writer.close();
  const compact = new Database(path);
  compact.pragma('wal_checkpoint(TRUNCATE)');
  compact.exec(`ATTACH '${join(t.dir, 'naive.sqlite')}' AS naive; ${RAW_SCHEMA.replace('TABLE events', 'TABLE naive.events')}`);
  compact.exec(`INSERT INTO naive.events SELECT position, stream_id, revision, type, data,
    json_set(metadata, '$.prevHash', lower(hex(prev_hash)), '$.hash', lower(hex(hash))), recorded_at FROM events`);
  compact.exec('VACUUM naive');
  const payload = compact.prepare<[], number>('SELECT avg(length(CAST(data AS BLOB)) + length(CAST(metadata AS BLOB))) FROM events').pluck().get()!;
  compact.close();
  const bytesPerEvent = sqliteBytes(path) / n;
  const naiveBytesPerEvent = sqliteBytes(join(t.dir, 'naive.sqlite')) / n;

  const raw = new Database(path, { readonly: true });
  const page = raw.prepare<[number], { position: number; data: string; metadata: string }>(
    'SELECT position, stream_id, revision, type, data, metadata, recorded_at FROM events WHERE position > ? ORDER BY position LIMIT 1000',
  );
  const store = new SqliteEventStore({ path });
  const rawScan = () => {
    for (let from = 0, rows = page.all(0); rows.length > 0; from = rows[rows.length - 1]!.position, rows = page.all(from)) {
      for (const r of rows) void [JSON.parse(r.data), JSON.parse(r.metadata)];
    }
  };
  const ourScan = async () => {
    for (let from = 0, events = await store.readAll({ maxCount: 1000 }); events.length > 0; events = await store.readAll({ fromPosition: from, maxCount: 1000 })) {
      from = events[events.length - 1]!.position;
    }
  };
  const rawRates: number[] = [];
  const ourRates: number[] = [];
  for (let r = 0; r < 2; r++) {
    rawRates.push((n / (await timeMs(rawScan))) * 1000);
    ourRates.push((n / (await timeMs(ourScan))) * 1000);
  }
  raw.close();
  await store.close();
  t.remove();
  return [
    atLeast(`readAll scan of ${n.toLocaleString('en-US')} events with JSON parsing`, Math.max(...ourRates), 'events/s', Math.max(...rawRates), 0.7),
    reported('bytes per event on disk (baseline: hashes as hex inside the metadata JSON)', bytesPerEvent, 'bytes', naiveBytesPerEvent),
    reported('data + metadata JSON per event', payload, 'bytes'),
  ];
}

export async function runStoreBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [title, bench] of [
    ['single appends', singleAppends],
    ['concurrent appends', concurrentAppends],
    ['read + fold', readAndFold],
    ['scan', scanAll],
  ] as const) {
    log(`${title}…`);
    const elapsed = await timeMs(async () => void rows.push(...[await bench()].flat()));
    log(`${title}: ${(elapsed / 1000).toFixed(1)} s`);
  }
  writeResults('store', rows);
  return rows;
}

if (require.main === module) {
  runStoreBench().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
