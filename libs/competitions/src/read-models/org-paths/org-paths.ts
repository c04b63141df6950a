import type { Database } from 'better-sqlite3';
import { RecordedEvent } from '@jingsai/shared';

/** The part of OrganizationRegistered (organisations context) a competitions read model needs. */
interface OrganizationRegisteredData {
  orgId: string;
  kind: string;
  level: string;
  parentPath: string[];
}

export interface OrgPathRow {
  orgId: string;
  kind: string;
  level: string;
  /** Materialised path including the organisation itself: '/root/city/county/self/'. */
  path: string;
}

/**
 * Each read model that filters by subtree keeps its own copy of the organisation paths, fed by
 * OrganizationRegistered, so it can be rebuilt alone (organisations never move, so a path is
 * fixed once registered).
 */
export function orgPathTable(table: string) {
  // A registered organisation's row never changes, and every project of a rebuild asks for one: kept per
  // connection, at most 2,000 per table (four tables of a province's 40,000 rows held 50 MB of a rebuild's RSS).
  // (Which ancestors are committees is still read each time: another process may register one.)
  const known = new WeakMap<Database, Map<string, OrgPathRow>>();
  return {
    eventType: 'OrganizationRegistered',
    setup(db: Database): void {
      db.exec(`CREATE TABLE IF NOT EXISTS ${table} (org_id TEXT PRIMARY KEY, kind TEXT NOT NULL, level TEXT NOT NULL, path TEXT NOT NULL)`);
    },
    reset(db: Database): void {
      known.delete(db);
      db.exec(`DROP TABLE IF EXISTS ${table}`);
    },
    apply(event: RecordedEvent, db: Database): void {
      const d = event.data as unknown as OrganizationRegisteredData;
      const path = `/${[...d.parentPath, d.orgId].join('/')}/`;
      db.prepare(`INSERT OR REPLACE INTO ${table} (org_id, kind, level, path) VALUES (?, ?, ?, ?)`).run(d.orgId, d.kind, d.level, path);
      known.get(db)?.delete(d.orgId);
    },
    get(db: Database, orgId: string): OrgPathRow | undefined {
      let rows = known.get(db);
      const cached = rows?.get(orgId);
      if (cached) return cached;
      const row = db.prepare(`SELECT org_id AS orgId, kind, level, path FROM ${table} WHERE org_id = ?`).get(orgId) as OrgPathRow | undefined;
      // Only found rows are kept: an unknown organisation may be registered later.
      if (row) {
        if (!rows) known.set(db, (rows = new Map()));
        if (rows.size >= 2_000) rows.clear();
        rows.set(orgId, row);
      }
      return row;
    },
    /** The path of an organisation; an unknown one is treated as a root of its own. */
    pathOf(db: Database, orgId: string): string {
      return this.get(db, orgId)?.path ?? `/${orgId}/`;
    },
    /** Levels at which an ancestor of the organisation approves projects (a committee, or a union: APPROVING_KINDS); not the organisation itself. */
    committeeLevels(db: Database, orgId: string): string[] {
      const ids = this.pathOf(db, orgId).split('/').filter(Boolean).slice(0, -1);
      if (ids.length === 0) return [];
      const rows = db.prepare(`SELECT level FROM ${table} WHERE kind IN ('committee', 'union') AND org_id IN (${ids.map(() => '?').join(',')})`).all(...ids) as Array<{ level: string }>;
      return rows.map((r) => r.level);
    },
  };
}

export type OrgPathTable = ReturnType<typeof orgPathTable>;
