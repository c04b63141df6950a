import { projectionSpec, recorded } from '@jingsai/testing';
import { Projection } from './projection';
import { latestProjection, tallyProjection } from './test-projections.fixture';

const rows = (db: Parameters<Projection['apply']>[1]) => db.prepare('SELECT stream_id, amount FROM latest ORDER BY stream_id').all();

describe('projectionSpec (from @jingsai/testing)', () => {
  describe('for an idempotent projection', () => {
    it('passes and returns the rows', () => {
      const result = projectionSpec(latestProjection)
        .given([
          recorded('Added', { acctId: 'a', amount: 1 }),
          recorded('Added', { acctId: 'b', amount: 2 }),
          recorded('Added', { acctId: 'a', amount: 3 }),
          recorded('Ignored', { acctId: 'a', amount: 9 }),
        ])
        .then(rows, [
          { stream_id: 'acct-a', amount: 3 },
          { stream_id: 'acct-b', amount: 2 },
        ]);
      expect(result).toHaveLength(2);
    });
  });

  describe('for a projection that is not idempotent', () => {
    it('fails and says so', () => {
      const spec = projectionSpec(tallyProjection()).given([recorded('Added', { acctId: 'a', amount: 1 })]);
      expect(() =>
        spec.then((db) => db.prepare('SELECT applied FROM tally_rows').all(), [{ applied: 1 }]),
      ).toThrow('tally.apply is not idempotent');
    });
  });

  describe('for a projection whose reset leaves rows behind', () => {
    it('fails and says so', () => {
      // Counts each event once by remembering its id, but reset forgets to drop the memory.
      const counting: Projection = {
        name: 'counting',
        version: 1,
        setup: (db) => db.exec('CREATE TABLE IF NOT EXISTS seen (id TEXT PRIMARY KEY); CREATE TABLE IF NOT EXISTS counts (n INTEGER)'),
        reset: (db) => db.exec('DROP TABLE IF EXISTS counts'),
        apply: (e, db) => {
          if (db.prepare('INSERT OR IGNORE INTO seen VALUES (?)').run(e.metadata.eventId).changes === 0) return;
          if (db.prepare('UPDATE counts SET n = n + 1').run().changes === 0) db.exec('INSERT INTO counts VALUES (1)');
        },
      };
      expect(() =>
        projectionSpec(counting)
          .given([recorded('Added', { acctId: 'a' }), recorded('Added', { acctId: 'a' })])
          .then((db) => db.prepare('SELECT n FROM counts').all(), [{ n: 2 }]),
      ).toThrow('counting.reset does not drop everything');
    });
  });

  describe('recorded', () => {
    it('numbers positions and stream revisions and fills the metadata', () => {
      const a = recorded('Added', { projectId: 'p1' });
      const b = recorded('Added', { projectId: 'p1' });
      expect(b.streamId).toBe('project-p1');
      expect(b.position).toBe(a.position + 1);
      expect(b.revision).toBe(a.revision + 1);
      expect(b.metadata).toMatchObject({ schemaVersion: 1, actor: { role: 'system' } });
      expect(recorded('Added', {}, { streamId: 'x-1', position: 99 })).toMatchObject({ streamId: 'x-1', position: 99 });
    });
  });
});
