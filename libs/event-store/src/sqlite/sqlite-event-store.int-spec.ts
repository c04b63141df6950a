import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { eventStoreContract } from '@jingsai/testing';
import { NewEvent } from '../event-store.port';
import { CorruptEventError, WrongExpectedRevisionError } from '../errors';
import { verifyEventLog } from '../hash/verify';
import { SqliteEventStore } from './sqlite-event-store';

const run = promisify(execFile);
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jingsai-store-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

eventStoreContract('SQLite file', async () => {
  const store = new SqliteEventStore({ path: join(tempDir(), 'nested', 'events.sqlite'), pollIntervalMs: 50 });
  return { store, dispose: () => store.close() };
});

eventStoreContract('SQLite file, group commit in a writer thread', async () => {
  const store = new SqliteEventStore({ path: join(tempDir(), 'events.sqlite'), pollIntervalMs: 50, writerThread: true });
  return { store, dispose: () => store.close() };
});

eventStoreContract('SQLite :memory:', async () => {
  const store = new SqliteEventStore({ path: ':memory:' });
  return { store, dispose: () => store.close() };
});

function ev(type: string, data: Record<string, unknown> = {}): NewEvent {
  return {
    type,
    data,
    metadata: { eventId: `${type}-${Math.random()}`, correlationId: 'c', actor: { userId: 'u', role: 'admin', orgId: 'o' }, occurredAt: '2021-03-01T00:00:00.000Z', schemaVersion: 1 },
  };
}

/** Writes three streams of four events (positions 1..12, stream s-<k> revision r at position 4k + r + 1). */
async function seededFile(): Promise<string> {
  const path = join(tempDir(), 'events.sqlite');
  const store = new SqliteEventStore({ path });
  for (const k of [0, 1, 2]) {
    await store.append(`s-${k}`, [0, 1, 2, 3].map((n) => ev('Counted', { n, label: `count ${n}` })), 'no_stream');
  }
  await store.close();
  return path;
}

function tamper(path: string, position: number, sql: string): void {
  const raw = new Database(path);
  expect(raw.prepare(`UPDATE events SET data = ${sql} WHERE position = ?`).run(position).changes).toBe(1);
  raw.close();
}

describe('SqliteEventStore (SQLite only)', () => {
  describe('when two OS processes append to the same file', () => {
    it('keeps the expected-revision check across processes and loses nothing', async () => {
      const path = join(tempDir(), 'shared.sqlite');
      await new SqliteEventStore({ path }).close();
      const child = (writer: string) =>
        run(process.execPath, ['-r', '@swc-node/register', 'test/fixtures/sqlite-appender.ts', path, writer, '120'], {
          cwd: resolve(__dirname, '../../../..'),
        });
      const outputs = await Promise.all([child('a'), child('b')]);
      const summaries = outputs.map((o) => JSON.parse(o.stdout.trim()) as { writer: string; appended: number; conflicts: number });
      expect(summaries.map((s) => s.appended)).toEqual([120, 120]);
      // The writers start together (a barrier in the fixture), so some of their checks must have collided.
      expect(summaries[0]!.conflicts + summaries[1]!.conflicts).toBeGreaterThan(0);

      const store = new SqliteEventStore({ path });
      const race = await store.readStream('race-1');
      expect(race.map((e) => e.revision)).toEqual([...Array(240).keys()]);
      for (const writer of ['a', 'b']) {
        expect(race.filter((e) => e.data.writer === writer).map((e) => e.data.n)).toEqual([...Array(120).keys()]);
        expect(await store.streamRevision(`own-${writer}`)).toBe(119);
      }
      expect(await store.headPosition()).toBe(482);
      expect(await verifyEventLog(store)).toMatchObject({ ok: true, eventsChecked: 482, streamsChecked: 4 });
      await store.close();
    }, 60_000);
  });

  describe('when a stored event was modified in the file', () => {
    it('reports exactly that event when one character of its data changed', async () => {
      const path = await seededFile();
      tamper(path, 6, `replace(data, 'count 1', 'count 7')`); // s-1 revision 1
      const store = new SqliteEventStore({ path });
      const report = await verifyEventLog(store, { batchSize: 5 });
      expect(report).toMatchObject({ ok: false, eventsChecked: 12, streamsChecked: 3 });
      expect(report.brokenLinks).toEqual([
        { streamId: 's-1', revision: 1, position: 6, problem: 'hash_mismatch', expected: expect.stringMatching(/^[0-9a-f]{64}$/), found: expect.any(String) },
      ]);
      expect((await verifyEventLog(store, { streamId: 's-1' })).brokenLinks).toHaveLength(1);
      expect((await verifyEventLog(store, { streamId: 's-2' })).ok).toBe(true);
      await store.close();
    });

    it('reports a stream whose last events were deleted, at the first missing revision', async () => {
      const path = await seededFile();
      const raw = new Database(path);
      // Every remaining link still holds: only the head the store recorded apart from the events tells.
      expect(raw.prepare("DELETE FROM events WHERE stream_id = 's-2' AND revision >= 2").run().changes).toBe(2);
      raw.close();
      const store = new SqliteEventStore({ path });
      const report = await verifyEventLog(store);
      expect(report).toMatchObject({ ok: false, eventsChecked: 10 });
      expect(report.brokenLinks).toEqual([
        { streamId: 's-2', revision: 2, position: 0, problem: 'missing_tail', expected: expect.stringMatching(/^revision 3 \([0-9a-f]{64}\)$/), found: expect.stringMatching(/^revision 1 /) },
      ]);
      expect((await verifyEventLog(store, { streamId: 's-2' })).brokenLinks).toMatchObject([{ problem: 'missing_tail', revision: 2 }]);
      expect((await verifyEventLog(store, { streamId: 's-1' })).ok).toBe(true);
      await store.close();
    });

    it('reports a stream whose every event was deleted', async () => {
      const path = await seededFile();
      const raw = new Database(path);
      raw.prepare("DELETE FROM events WHERE stream_id = 's-0'").run();
      raw.close();
      const store = new SqliteEventStore({ path });
      expect((await verifyEventLog(store)).brokenLinks).toMatchObject([{ streamId: 's-0', revision: 0, problem: 'missing_tail', found: 'no events' }]);
      await store.close();
    });

    it('reports an event whose JSON no longer parses as unreadable and checks the rest', async () => {
      const path = await seededFile();
      tamper(path, 10, `substr(data, 1, length(data) - 1)`); // s-2 revision 1
      const store = new SqliteEventStore({ path });
      const progress: number[] = [];
      const report = await verifyEventLog(store, { batchSize: 4, onProgress: (checked) => progress.push(checked) });
      expect(report).toMatchObject({ ok: false, eventsChecked: 12, streamsChecked: 3 });
      expect(report.brokenLinks).toEqual([
        { streamId: 's-2', revision: 1, position: 10, problem: 'unreadable', expected: expect.any(String), found: expect.stringContaining('data is not valid JSON') },
      ]);
      expect(progress[progress.length - 1]).toBe(12);
      await store.close();
    });

    it('surfaces bad JSON as a CorruptEventError naming the position', async () => {
      const path = await seededFile();
      tamper(path, 3, `'{"n": '`);
      const store = new SqliteEventStore({ path });
      const error = await store.readAll().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CorruptEventError);
      expect(error).toMatchObject({ position: 3, streamId: 's-0', revision: 2 });
      await expect(store.readStream('s-0')).rejects.toThrow(CorruptEventError);
      expect(await store.readAll({ fromPosition: 3, maxCount: 1 })).toMatchObject([{ position: 4 }]);
      await store.close();
    });

    it('reports unreadable metadata read without hashes when a reader reads it, naming the event', async () => {
      const path = await seededFile();
      const db = new Database(path);
      db.prepare(`UPDATE events SET metadata = '{"occurredAt": ' WHERE position = 3`).run();
      db.close();
      const store = new SqliteEventStore({ path });
      const [event] = await store.readAll({ fromPosition: 2, maxCount: 1, hashes: false });
      expect(event!.data).toBeDefined();
      let error: unknown;
      try {
        void event!.metadata.occurredAt;
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CorruptEventError);
      expect(error).toMatchObject({ position: 3, streamId: 's-0', revision: 2 });
      expect((error as Error).message).toContain('metadata is not valid JSON');
      // Audit, export and verification read with hashes, and are told at once.
      await expect(store.readAll({ fromPosition: 2, maxCount: 1 })).rejects.toThrow(CorruptEventError);
      await store.close();
    });
  });

  describe('when the database cannot be created', () => {
    it('says where and what to check', () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'not-a-dir'), '');
      expect(() => new SqliteEventStore({ path: join(dir, 'not-a-dir', 'events.sqlite') })).toThrow(
        /cannot open the SQLite event store at .*not-a-dir.*writable/s,
      );
    });
  });

  describe('within one process', () => {
    it('writes appends issued in one tick in call order and flushes queued appends on close', async () => {
      const path = join(tempDir(), 'order.sqlite');
      const store = new SqliteEventStore({ path });
      const results = await Promise.all([0, 1, 2, 3, 4].map((i) => store.append(`o-${i % 2}`, [ev('E', { i })], 'any')));
      expect(results.map((r) => r.position)).toEqual([1, 2, 3, 4, 5]);
      const pending = store.append('o-0', [ev('Late')], 'any');
      await store.close();
      await expect(pending).resolves.toMatchObject({ position: 6 });
      const reopened = new SqliteEventStore({ path });
      expect(await reopened.headPosition()).toBe(6);
      await expect(reopened.append('o-0', [ev('E')], 'any')).resolves.toMatchObject({ position: 7 });
      await reopened.close();
      await expect(reopened.readAll()).rejects.toThrow(/closed/);
    });

    it('with a writer thread, group-commits what is appended while a batch is being written, and close() writes everything queued', async () => {
      const path = join(tempDir(), 'writer-thread.sqlite');
      const store = new SqliteEventStore({ path, writerThread: true });
      const first = store.append('w-0', [ev('E', { i: 0 })], 'no_stream');
      await new Promise((resolve) => setImmediate(resolve)); // the first batch is now with the writer
      const more = Array.from({ length: 200 }, (_, i) => store.append(`w-${(i % 4) + 1}`, [ev('E', { i })], 'any'));
      const refused = store.append('w-0', [ev('E')], 'no_stream');
      const closing = store.close();
      await expect(first).resolves.toMatchObject({ position: 1, revision: 0 });
      expect((await Promise.all(more)).map((r) => r.position)).toEqual(Array.from({ length: 200 }, (_, i) => i + 2));
      await expect(refused).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await closing;
      const reopened = new SqliteEventStore({ path });
      expect(await reopened.headPosition()).toBe(201);
      expect((await verifyEventLog(reopened)).ok).toBe(true);
      await reopened.close();
    });

    it('refuses an append made once close() has begun, instead of leaving it unwritten and unanswered', async () => {
      for (const writerThread of [false, true]) {
        const store = new SqliteEventStore({ path: join(tempDir(), 'closing.sqlite'), writerThread });
        const queued = store.append('c-1', [ev('E')], 'no_stream');
        const closing = store.close();
        await expect(store.append('c-1', [ev('E')], 'any')).rejects.toThrow(/closing|closed/);
        await expect(queued).resolves.toMatchObject({ revision: 0 });
        await closing;
      }
    });

    it('reads the same events without their hashes when asked to (projections), and with them otherwise', async () => {
      const store = new SqliteEventStore({ path: await seededFile() });
      const withHashes = await store.readAll({ filter: { eventTypes: ['Counted'] } });
      const strip = (events: typeof withHashes) =>
        events.map(({ metadata: { prevHash: _p, hash: _h, ...metadata }, ...e }) => ({ ...e, metadata }));
      expect(withHashes[5].metadata.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(withHashes[5].metadata.prevHash).toBe(withHashes[4].metadata.hash);
      for (const filter of [undefined, { eventTypes: ['Counted'] }]) {
        const bare = await store.readAll({ filter, hashes: false, fromPosition: 2, maxCount: 5 });
        // Metadata read without hashes is parsed when first read; the event spells itself whole all the same.
        expect(JSON.parse(JSON.stringify(bare))).toEqual(strip(withHashes.slice(2, 7)));
        expect(bare.map((e) => e.metadata)).toEqual(strip(withHashes.slice(2, 7)).map((e) => e.metadata));
        expect(bare.every((e) => !('hash' in e.metadata) && !('prevHash' in e.metadata))).toBe(true);
      }
      const sub = store.subscribeToAll({ fromPosition: 10, hashes: false });
      const received: typeof withHashes = [];
      for await (const e of sub) if (received.push(e) === 2) break;
      expect(JSON.parse(JSON.stringify(received))).toEqual(strip(withHashes.slice(10, 12)));
      await store.close();
    });

    it('delivers appends made through another instance on the same file', async () => {
      const path = join(tempDir(), 'two-instances.sqlite');
      const writer = new SqliteEventStore({ path });
      const reader = new SqliteEventStore({ path, pollIntervalMs: 20 });
      const sub = reader.subscribeToAll();
      const received: number[] = [];
      const loop = (async () => {
        for await (const e of sub) if (received.push(e.position) === 3) break;
      })();
      for (let i = 0; i < 3; i++) await writer.append('x-1', [ev('E')], 'any');
      await loop;
      expect(received).toEqual([1, 2, 3]);
      await Promise.all([writer.close(), reader.close()]);
    });
  });
});
