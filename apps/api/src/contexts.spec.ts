import Sqlite from 'better-sqlite3';
import { PROJECT_INCIDENT_KINDS } from '@jingsai/awards';
import { INCIDENT_KINDS } from '@jingsai/competitions';
import { CONTEXT_PROJECTIONS } from './contexts';

describe('the read models of every context', () => {
  it('name only indexes their own setup creates as query-only (a typo would leave an index up through every rebuild)', () => {
    const db = new Sqlite(':memory:');
    try {
      for (const p of CONTEXT_PROJECTIONS) p.setup(db);
      const indexes = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all() as string[]);
      const deferred = CONTEXT_PROJECTIONS.flatMap((p) => (p.deferredIndexes ?? []).map((name) => `${p.name}:${name}`));
      expect(deferred.length).toBeGreaterThan(10);
      expect(deferred.filter((d) => !indexes.has(d.split(':')[1]!))).toEqual([]);
    } finally {
      db.close();
    }
  });
});

describe('the incident kinds', () => {
  it('are one list: an award rule set may bar only on a kind a project can record (environmental_accident could not be recorded)', () => {
    expect([...PROJECT_INCIDENT_KINDS].sort()).toEqual([...INCIDENT_KINDS].sort());
  });
});
