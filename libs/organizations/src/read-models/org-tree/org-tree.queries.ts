import type { Database } from 'better-sqlite3';
import { readTogether } from '@jingsai/event-store';
import { ORG_KIND_LABELS, ORG_LEVEL_LABELS, ORG_OWNERSHIP_LABELS, OrgKind, OrgLevel, OrgOwnership } from '../../domain';
import { OrgNodeView, toOrgNode } from './sqlite-org-directory';

export interface OrgListFilter {
  /** The root of the subtree listed; none: every organisation. */
  within?: string;
  kind?: string;
  level?: string;
  limit: number;
  offset: number;
}

export function labelled(node: OrgNodeView) {
  return {
    ...node,
    kindLabel: ORG_KIND_LABELS[node.kind as OrgKind] ?? node.kind,
    levelLabel: ORG_LEVEL_LABELS[node.level as OrgLevel] ?? node.level,
    ownershipLabel: node.ownership ? (ORG_OWNERSHIP_LABELS[node.ownership as OrgOwnership] ?? node.ownership) : null,
  };
}

/** Organisations in a subtree, shallowest first. */
export function listOrganizations(db: Database, f: OrgListFilter) {
  // No root: every organisation (the system administrator's default).
  const where = f.within === undefined ? ['1 = 1'] : ['path LIKE ?'];
  const args: unknown[] = f.within === undefined ? [] : [`%/${f.within}/%`];
  if (f.kind) {
    where.push('kind = ?');
    args.push(f.kind);
  }
  if (f.level) {
    where.push('level = ?');
    args.push(f.level);
  }
  const sql = `FROM org_nodes WHERE ${where.join(' AND ')}`;
  const [total, rows] = readTogether(db, () => [
    (db.prepare(`SELECT COUNT(*) AS n ${sql}`).get(...args) as { n: number }).n,
    db.prepare(`SELECT * ${sql} ORDER BY depth, name, org_id LIMIT ? OFFSET ?`).all(...args, f.limit, f.offset) as any[],
  ] as const);
  return { items: rows.map((r) => labelled(toOrgNode(r))), total, limit: f.limit, offset: f.offset };
}

export function organizationFacts(db: Database, orgId: string) {
  return db.prepare('SELECT fact_id AS factId, kind, occurred_on AS occurredOn, description, recorded_at AS recordedAt FROM org_facts WHERE org_id = ? ORDER BY occurred_on').all(orgId);
}
