import Sqlite from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REBUILD_HEARTBEAT_STALE_MS, ReadModelDatabase, readTogether } from './read-model-database';

describe('ReadModelDatabase.setUp', () => {
  const reset = (db: any) => db.exec('DROP TABLE IF EXISTS cards');
  const v1 = { name: 'cards', version: 1, reset, setup: (db: any) => db.exec('CREATE TABLE IF NOT EXISTS cards (id TEXT PRIMARY KEY)') };
  const v2 = {
    name: 'cards',
    version: 2,
    reset,
    setup: (db: any) => db.exec('CREATE TABLE IF NOT EXISTS cards (id TEXT PRIMARY KEY, owner TEXT); CREATE INDEX IF NOT EXISTS cards_owner ON cards(owner)'),
  };

  it('creates the tables of a projection that never ran and of one stored at its current version', () => {
    const rm = new ReadModelDatabase(':memory:');
    rm.setUp([v1]);
    rm.writeCheckpoint('cards', 7, 1);
    rm.setUp([v1]);
    expect(rm.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'cards'").pluck().get()).toBe(1);
  });

  describe('when tables exist but no checkpoint was ever written', () => {
    it('drops them and creates the current ones (the projection is replayed from the start)', () => {
      const rm = new ReadModelDatabase(':memory:');
      rm.setUp([v1]);
      expect(() => rm.setUp([v2])).not.toThrow();
      expect(rm.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'cards_owner'").pluck().get()).toBe(1);
    });
  });

  describe('when the stored version is older than the code', () => {
    it('leaves the old tables to the runner instead of failing on DDL they cannot take', () => {
      const rm = new ReadModelDatabase(':memory:');
      rm.setUp([v1]);
      rm.writeCheckpoint('cards', 7, 1);
      // v2's index names a column the v1 table lacks: run against it, the DDL would throw and the service would not start.
      expect(() => rm.setUp([v2])).not.toThrow();
      expect(rm.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'cards_owner'").pluck().get()).toBe(0);
      expect(rm.checkpoint('cards')).toMatchObject({ position: 7, version: 1 });
    });
  });
});

describe('ReadModelDatabase.changeStamp', () => {
  it('changes with a write through its own connection or a commit by another, and only then', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'stamp-')), 'read-models.sqlite');
    const rm = new ReadModelDatabase(file);
    rm.db.exec('CREATE TABLE cards (id TEXT PRIMARY KEY)');
    const projector = new ReadModelDatabase(file);
    try {
      const start = rm.changeStamp();
      expect(start).toMatch(/^\d+\.\d+$/);
      rm.db.prepare('SELECT count(*) FROM cards').get();
      // Someone reading the same pragma through the connection's statement cache, in rows.
      expect(rm.db.prepare('PRAGMA data_version').get()).toEqual({ data_version: expect.any(Number) });
      expect(rm.changeStamp()).toBe(start);

      rm.db.prepare('INSERT INTO cards VALUES (?)').run('a');
      const afterOwn = rm.changeStamp();
      expect(afterOwn).not.toBe(start);

      // A projector in another process is another connection: its commit moves the stamp too.
      projector.db.prepare('INSERT INTO cards VALUES (?)').run('b');
      const afterOther = rm.changeStamp();
      expect(afterOther).not.toBe(afterOwn);
      expect(rm.changeStamp()).toBe(afterOther);
    } finally {
      projector.close();
      rm.close();
    }
  });
});

describe('ReadModelDatabase.rebuildingNow', () => {
  it("follows another connection's rebuild flag and its heartbeat: a rebuild that died stops counting a minute after its last beat", () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rebuilding-')), 'read-models.sqlite');
    const served = new ReadModelDatabase(file);
    const rebuild = new ReadModelDatabase(file);
    try {
      expect(served.rebuildingNow()).toBe(false);
      rebuild.setRebuilding(['board']);
      const started = Date.now();
      expect(served.rebuildingNow(started)).toBe(true);
      // No heartbeat for a minute: taken for dead (killed mid-replay), whatever the flag says.
      expect(served.rebuildingNow(started + REBUILD_HEARTBEAT_STALE_MS + 1_000)).toBe(false);
      expect(served.status().rebuilding).toBe(true);
      rebuild.rebuildHeartbeat();
      expect(served.rebuildingNow()).toBe(true);
      rebuild.setRebuilding(null);
      expect(served.rebuildingNow()).toBe(false);
    } finally {
      rebuild.close();
      served.close();
    }
  });
});

describe('readTogether', () => {
  it('reads one state of the file while another connection commits in between, and the next read sees the commit', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'read-together-')), 'read.db');
    const reader = new ReadModelDatabase(path);
    const writer = new ReadModelDatabase(path);
    writer.db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY)');
    writer.db.prepare('INSERT INTO items VALUES (1)').run();
    const count = () => reader.db.prepare('SELECT COUNT(*) FROM items').pluck().get() as number;
    const seen = readTogether(reader.db, () => {
      const before = count();
      writer.db.prepare('INSERT INTO items VALUES (2)').run();
      return [before, count(), (reader.db.prepare('SELECT id FROM items ORDER BY id').pluck().all() as number[]).length];
    });
    expect(seen).toEqual([1, 1, 1]);
    expect(reader.db.inTransaction).toBe(false);
    expect(count()).toBe(2);
    // Without it, the second statement sees the other connection's commit.
    const before = count();
    writer.db.prepare('INSERT INTO items VALUES (3)').run();
    expect([before, count()]).toEqual([2, 3]);
    reader.close();
    writer.close();
  });
});

describe('a read-model file from before the rebuilder was recorded', () => {
  it('gains the column, with the flag as it stood, and records the process of the next rebuild', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'rm-old-')), 'read.db');
    const old = new Sqlite(path);
    old.exec(`CREATE TABLE read_model_status (id INTEGER PRIMARY KEY CHECK (id = 1), rebuilding INTEGER NOT NULL DEFAULT 0,
      rebuilding_projections TEXT NOT NULL DEFAULT '[]', rebuild_started_at TEXT, updated_at TEXT);
      INSERT INTO read_model_status (id, rebuilding, rebuilding_projections) VALUES (1, 1, '["board"]')`);
    old.close();
    const a = new ReadModelDatabase(path);
    const b = new ReadModelDatabase(path);
    try {
      expect(a.status()).toMatchObject({ rebuilding: true, rebuildingProjections: ['board'], rebuildPid: null });
      b.setRebuilding(['coverage']);
      expect(a.status()).toMatchObject({ rebuildingProjections: ['coverage'], rebuildPid: process.pid });
      expect(a.rebuildUnderWay()).toEqual(['coverage']);
    } finally {
      a.close();
      b.close();
    }
  });
});
