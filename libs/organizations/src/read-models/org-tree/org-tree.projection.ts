import { Projection } from '@jingsai/event-store';
import { RecordedEvent } from '@jingsai/shared';
import type { Database } from 'better-sqlite3';
import { OrganizationEvent } from '../../domain';

/**
 * The organisation tree with a materialised path ('/root/city/county/self/'), so "is X under
 * Y" is one indexed lookup, and the dated facts award eligibility reads.
 */
export const orgTreeProjection: Projection = {
  name: 'org_tree',
  version: 1,
  eventTypes: ['OrganizationRegistered', 'OrganizationUpdated', 'OrganizationFactRecorded', 'OrganizationFactRetracted'],
  setup(db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS org_nodes (
        org_id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, level TEXT NOT NULL,
        ownership TEXT, industry TEXT, region TEXT, parent_id TEXT, path TEXT NOT NULL, depth INTEGER NOT NULL,
        registered_at TEXT NOT NULL, revision INTEGER NOT NULL, position INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS org_nodes_path ON org_nodes(path);
      CREATE INDEX IF NOT EXISTS org_nodes_parent ON org_nodes(parent_id);
      -- Counts changes to org_nodes, whoever writes them (the projection thread, another process's
      -- rebuild): the directory keeps nodes in memory while this stays the same.
      CREATE TABLE IF NOT EXISTS org_tree_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
      INSERT OR IGNORE INTO org_tree_version (id, version) VALUES (1, 0);
      CREATE TRIGGER IF NOT EXISTS org_nodes_inserted AFTER INSERT ON org_nodes BEGIN UPDATE org_tree_version SET version = version + 1; END;
      CREATE TRIGGER IF NOT EXISTS org_nodes_updated AFTER UPDATE ON org_nodes BEGIN UPDATE org_tree_version SET version = version + 1; END;
      CREATE TRIGGER IF NOT EXISTS org_nodes_deleted AFTER DELETE ON org_nodes BEGIN UPDATE org_tree_version SET version = version + 1; END;
      CREATE TABLE IF NOT EXISTS org_facts (
        fact_id TEXT NOT NULL, org_id TEXT NOT NULL, kind TEXT NOT NULL, occurred_on TEXT NOT NULL,
        description TEXT NOT NULL, recorded_at TEXT NOT NULL, PRIMARY KEY (org_id, fact_id)
      );
    `);
  },
  reset(db: Database) {
    // The version is kept and moved on, never started again: a directory that read version n
    // before the reset must not take a rebuilt tree that reaches n again for the one it kept.
    db.exec(`DROP TABLE IF EXISTS org_nodes; DROP TABLE IF EXISTS org_facts;
      CREATE TABLE IF NOT EXISTS org_tree_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
      INSERT INTO org_tree_version (id, version) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET version = version + 1;`);
  },
  apply(event: RecordedEvent, db: Database) {
    const e = event as unknown as RecordedEvent<OrganizationEvent>;
    switch (e.type) {
      case 'OrganizationRegistered': {
        const d = (e as RecordedEvent<Extract<OrganizationEvent, { type: 'OrganizationRegistered' }>>).data;
        const path = `/${[...d.parentPath, d.orgId].join('/')}/`;
        db.prepare(
          `INSERT OR REPLACE INTO org_nodes (org_id, name, kind, level, ownership, industry, region, parent_id, path, depth, registered_at, revision, position)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(d.orgId, d.name, d.kind, d.level, d.ownership, d.industry, d.region, d.parentId, path, d.parentPath.length, e.metadata.occurredAt, e.revision, e.position);
        return;
      }
      case 'OrganizationUpdated': {
        const d = (e as RecordedEvent<Extract<OrganizationEvent, { type: 'OrganizationUpdated' }>>).data;
        const c = d.changes;
        db.prepare(
          `UPDATE org_nodes SET name = COALESCE(?, name),
             industry = CASE WHEN ? THEN ? ELSE industry END,
             region = CASE WHEN ? THEN ? ELSE region END,
             ownership = CASE WHEN ? THEN ? ELSE ownership END,
             revision = MAX(revision, ?), position = MAX(position, ?)
           WHERE org_id = ?`,
        ).run(
          c.name ?? null,
          'industry' in c ? 1 : 0, c.industry ?? null,
          'region' in c ? 1 : 0, c.region ?? null,
          'ownership' in c ? 1 : 0, c.ownership ?? null,
          e.revision, e.position, d.orgId,
        );
        return;
      }
      case 'OrganizationFactRecorded': {
        const d = (e as RecordedEvent<Extract<OrganizationEvent, { type: 'OrganizationFactRecorded' }>>).data;
        db.prepare(
          'INSERT OR IGNORE INTO org_facts (fact_id, org_id, kind, occurred_on, description, recorded_at) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(d.factId, d.orgId, d.kind, d.occurredOn, d.description, e.metadata.occurredAt);
        return;
      }
      case 'OrganizationFactRetracted': {
        // Out of the facts in force (the eligibility board reads them here); the log keeps both events, with who and why.
        const d = (e as RecordedEvent<Extract<OrganizationEvent, { type: 'OrganizationFactRetracted' }>>).data;
        db.prepare('DELETE FROM org_facts WHERE fact_id = ? AND org_id = ?').run(d.factId, d.orgId);
        return;
      }
    }
  },
};
