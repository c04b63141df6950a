import Database from 'better-sqlite3';
import { DeadlineBatch, ensureDeadlineTable, settleDeadline, upsertDeadline } from './deadline-table';

type Op =
  | { op: 'upsert'; kind: string; key: string; day: number; reopen: boolean }
  | { op: 'settle'; kind: string; key: string }
  | { op: 'settleAll'; kind: string }
  | { op: 'reopen'; kind: string; key: string }
  | { op: 'flush' };

const KEYS = ['2021-Q1', '2021-Q2', '2021-Q3'];
const KINDS = ['k', 'j'];

/** A small deterministic generator, so a failure names a sequence that can be replayed. */
function sequence(seed: number, length: number): Op[] {
  let x = seed;
  // The high bits: the low bits of a power-of-two LCG repeat with short periods.
  const next = (n: number) => ((x = (x * 1103515245 + 12345) % 2 ** 31), Math.floor((x / 2 ** 31) * n));
  return Array.from({ length }, (): Op => {
    const key = KEYS[next(KEYS.length)];
    const kind = KINDS[next(KINDS.length)];
    switch (next(5)) {
      case 0:
        return { op: 'upsert', kind, key, day: 1 + next(28), reopen: next(3) === 0 };
      case 1:
        return { op: 'settle', kind, key };
      case 2:
        return next(3) === 0 ? { op: 'settleAll', kind } : { op: 'flush' };
      case 3:
        return { op: 'reopen', kind, key };
      default:
        return { op: 'upsert', kind, key, day: 1 + next(28), reopen: false };
    }
  });
}

function rows(db: Database.Database) {
  return db.prepare('SELECT kind, stream_id, item_key, due_at, owner, payload, settled FROM deadlines ORDER BY kind, item_key').all();
}

function fresh() {
  const db = new Database(':memory:');
  ensureDeadlineTable(db);
  // What an earlier batch left: one open, one settled.
  upsertDeadline(db, 'o', { kind: 'k', streamId: 's', key: KEYS[0], dueAt: '2021-01-31T00:00:00Z', payload: {} });
  upsertDeadline(db, 'o', { kind: 'k', streamId: 's', key: KEYS[1], dueAt: '2021-04-30T00:00:00Z', payload: {} });
  settleDeadline(db, 'k', 's', KEYS[1]);
  return db;
}

describe('DeadlineBatch', () => {
  it('leaves the same rows as the same calls made one by one, for any order of sets, reopenings (with a new due date or as it was) and settlements', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const ops = sequence(seed, 12);
      const direct = fresh();
      const batched = fresh();
      const batch = new DeadlineBatch();
      for (const o of ops) {
        const d = o.op === 'upsert' ? { kind: o.kind, streamId: 's', key: o.key, dueAt: `2021-06-${String(o.day).padStart(2, '0')}T00:00:00Z`, payload: { day: o.day } } : null;
        if (o.op === 'upsert') {
          upsertDeadline(direct, 'o', d!, o.reopen);
          batch.upsert(batched, 'o', d!, o.reopen);
        } else if (o.op === 'settle') {
          settleDeadline(direct, o.kind, 's', o.key);
          batch.settle(batched, o.kind, 's', o.key);
        } else if (o.op === 'settleAll') {
          settleDeadline(direct, o.kind, 's');
          batch.settle(batched, o.kind, 's');
        } else if (o.op === 'reopen') {
          // One by one: the stored row, set again with its own due date and payload, reopened.
          const row = direct.prepare("SELECT due_at AS dueAt, payload FROM deadlines WHERE kind = ? AND stream_id = 's' AND item_key = ?").get(o.kind, o.key) as { dueAt: string; payload: string } | undefined;
          if (row) upsertDeadline(direct, 'o', { kind: o.kind, streamId: 's', key: o.key, dueAt: row.dueAt, payload: JSON.parse(row.payload) }, true);
          batch.reopen(batched, 'o', o.kind, 's', o.key);
        } else {
          batch.flush(batched);
        }
      }
      batch.flush(batched);
      expect({ seed, ops, rows: rows(batched) }).toEqual({ seed, ops, rows: rows(direct) });
    }
  });

  it('writes nothing of a discarded batch', () => {
    const db = fresh();
    const before = rows(db);
    const batch = new DeadlineBatch();
    batch.upsert(db, 'o', { kind: 'k', streamId: 's', key: KEYS[2], dueAt: '2021-09-30T00:00:00Z', payload: {} });
    batch.settle(db, 'k', 's', KEYS[2]);
    batch.discard(db);
    batch.flush(db);
    expect(rows(db)).toEqual(before);
  });
});
